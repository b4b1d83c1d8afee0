import { cardQuestion } from '../../../domain/deck/format';
import { DEFAULT_PRESET, validatePreset } from '../../../domain/schedule/preset';
import type { Preset, PresetProblem } from '../../../domain/schedule/preset';
import type { Repository } from '../../../storage/repository';

/** The form values, as text, so a half-typed number is kept while the learner edits. */
export interface PresetForm {
  desiredRetention: string;
  maximumInterval: string;
  learningSteps: string;
  relearningSteps: string;
  newPerDay: string;
  reviewsPerDay: string;
  rolloverHour: string;
}

function toForm(preset: Preset): PresetForm {
  return {
    desiredRetention: String(preset.desiredRetention),
    maximumInterval: String(preset.maximumInterval),
    learningSteps: preset.learningSteps.join(' '),
    relearningSteps: preset.relearningSteps.join(' '),
    newPerDay: String(preset.newPerDay),
    reviewsPerDay: String(preset.reviewsPerDay),
    rolloverHour: String(preset.rolloverHour),
  };
}

function fromForm(form: PresetForm): Record<string, unknown> {
  const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));
  const steps = (text: string) => text.split(/[\s,]+/).filter((step) => step !== '');
  return {
    desiredRetention: number(form.desiredRetention),
    maximumInterval: number(form.maximumInterval),
    learningSteps: steps(form.learningSteps),
    relearningSteps: steps(form.relearningSteps),
    newPerDay: number(form.newPerDay),
    reviewsPerDay: number(form.reviewsPerDay),
    rolloverHour: number(form.rolloverHour),
  };
}

/** The deck options screen: the deck's own options or the shared default, and its suspended cards. */
export class DeckOptionsState {
  loading = $state(true);
  deckTitle = $state('');
  form = $state<PresetForm>(toForm(DEFAULT_PRESET));
  /** True when the deck keeps options of its own instead of the shared default. */
  own = $state(false);
  problems = $state<PresetProblem[]>([]);
  saved = $state(false);
  suspended = $state<{ key: string; question: string }[]>([]);

  constructor(
    private readonly repository: Repository,
    readonly deckId: string,
    private readonly onFault: (error: unknown) => void,
  ) {}

  async load(): Promise<void> {
    try {
      const deck = (await this.repository.decks()).find((candidate) => candidate.id === this.deckId);
      this.deckTitle = deck?.title ?? this.deckId;
      const { preset, own } = await this.repository.deckPreset(this.deckId);
      this.form = toForm(preset);
      this.own = own;
      const items = await this.repository.suspendedItems(this.deckId);
      this.suspended = items.map((item) => ({ key: item.schedule.cardKey, question: cardQuestion(item.card) }));
    } catch (error) {
      this.onFault(error);
    } finally {
      this.loading = false;
    }
  }

  problemFor(field: keyof PresetForm): string | undefined {
    return this.problems.find((problem) => problem.field === field)?.message;
  }

  /** Validates and stores the options; they apply from the next card shown. */
  async save(): Promise<boolean> {
    this.saved = false;
    const result = validatePreset(fromForm(this.form));
    if (!result.ok) {
      this.problems = result.problems;
      return false;
    }
    this.problems = [];
    try {
      if (this.own) {
        await this.repository.savePreset(result.preset, this.deckId);
      } else {
        await this.repository.clearDeckPreset(this.deckId);
        await this.repository.savePreset(result.preset);
      }
      this.saved = true;
      return true;
    } catch (error) {
      this.onFault(error);
      return false;
    }
  }

  async unsuspend(key: string): Promise<void> {
    try {
      await this.repository.unsuspend(key);
      this.suspended = this.suspended.filter((item) => item.key !== key);
    } catch (error) {
      this.onFault(error);
    }
  }
}
