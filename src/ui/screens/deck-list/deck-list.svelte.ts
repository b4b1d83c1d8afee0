import type { DeckSummary, Repository } from '../../../storage/repository';
import type { Environment } from '../../app/environment';

/** The deck list with each deck's counts for today. */
export class DeckListState {
  summaries = $state<DeckSummary[]>([]);
  loading = $state(true);

  constructor(
    private readonly repository: Repository,
    private readonly environment: Environment,
    private readonly onFault: (error: unknown) => void,
  ) {}

  async load(): Promise<void> {
    try {
      this.summaries = await this.repository.summaries(this.environment.now(), this.environment.timeZone());
    } catch (error) {
      this.onFault(error);
    } finally {
      this.loading = false;
    }
  }
}
