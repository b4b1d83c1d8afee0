import { Repository } from '../../storage/repository';
import { classifyStorageError } from '../../storage/errors';
import type { StorageFaultCode } from '../../storage/errors';
import { messages } from '../messages';
import { bundledDecksHash, loadBundledDecks } from './bundled-decks';
import { browserEnvironment } from './environment';
import type { Environment } from './environment';
import { logger } from './logger';

export interface Banner {
  readonly text: string;
  readonly code?: StorageFaultCode;
}

/** Startup and app-wide state: the repository, and the banners for faults. */
export class AppState {
  ready = $state(false);
  banners = $state<Banner[]>([]);

  constructor(
    readonly repository: Repository = new Repository(),
    readonly environment: Environment = browserEnvironment,
  ) {}

  async start(): Promise<void> {
    try {
      await this.repository.open();
      let invalid: string[] = [];
      await this.repository.ensureBundledDecks(bundledDecksHash, async () => {
        const loaded = await loadBundledDecks();
        invalid = loaded.invalid;
        return loaded.sources;
      });
      for (const file of invalid) this.show({ text: messages.bundledDeckInvalid(file) });
    } catch (error) {
      this.report(error);
    } finally {
      this.ready = true;
    }
  }

  /** Turns a storage error into a banner; the technical detail goes to the console. */
  report(error: unknown): void {
    const fault = classifyStorageError(error);
    logger.error(`storage fault: ${fault.code}`, fault.cause);
    this.show({ text: messages.storage[fault.code], code: fault.code });
  }

  show(banner: Banner): void {
    if (!this.banners.some((shown) => shown.text === banner.text)) this.banners = [...this.banners, banner];
  }

  dismiss(banner: Banner): void {
    this.banners = this.banners.filter((shown) => shown !== banner);
  }
}
