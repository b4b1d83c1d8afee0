import { gradeAnswer } from '../../../domain/grading/checkers';
import type { Verdict } from '../../../domain/grading/verdict';
import { GRADE_NAMES, intervalLabel, previewOutcomes } from '../../../domain/schedule/fsrs-adapter';
import type { GradeName } from '../../../domain/schedule/fsrs-adapter';
import { DEFAULT_PRESET } from '../../../domain/schedule/preset';
import type { Preset } from '../../../domain/schedule/preset';
import type { DeckCounts } from '../../../domain/schedule/queue';
import type { Repository, StudyItem } from '../../../storage/repository';
import type { Environment } from '../../app/environment';
import { present } from './presentation';
import type { Presentation } from './presentation';

export type Phase = 'loading' | 'question' | 'answer' | 'done' | 'missing';

/** The state of one study session in one deck; the component only renders and forwards input. */
export class StudySession {
  phase = $state<Phase>('loading');
  item = $state<StudyItem | undefined>();
  /** Content shown for the item; a generated card is rendered here, once per review. */
  presentation = $state<Presentation | undefined>();
  counts = $state<DeckCounts>({ new: 0, learning: 0, due: 0 });
  deckTitle = $state('');
  /** The typed answer, for typed cards. */
  typed = $state('');
  /** Option indexes chosen, for choice cards. */
  chosen = $state<number[]>([]);
  verdict = $state<Verdict | undefined>();
  suggested = $state<GradeName | undefined>();
  intervals = $state<Record<GradeName, string> | undefined>();
  reviewed = $state(0);
  canUndo = $state(false);
  /** Result of the last bury or suspend, for a short status line. */
  notice = $state<'buried' | 'suspended' | undefined>();

  /** True while a grade or undo is being stored; input is ignored meanwhile. */
  private busy = false;
  private shownAt = 0;
  /** The deck's options, read again before each card so a change applies to the next one. */
  private preset: Preset = DEFAULT_PRESET;

  constructor(
    private readonly repository: Repository,
    private readonly environment: Environment,
    readonly deckId: string,
    private readonly onFault: (error: unknown) => void,
  ) {}

  async start(): Promise<void> {
    try {
      const deck = (await this.repository.decks()).find((candidate) => candidate.id === this.deckId);
      if (!deck) {
        this.phase = 'missing';
        return;
      }
      this.deckTitle = deck.title;
      this.canUndo = await this.repository.hasReviews(this.deckId);
      await this.advance();
    } catch (error) {
      this.onFault(error);
    }
  }

  private async advance(showKey?: string): Promise<void> {
    const now = this.environment.now();
    const timeZone = this.environment.timeZone();
    this.preset = await this.repository.preset(this.deckId);
    const shown = showKey ? await this.repository.item(showKey) : await this.repository.nextItem(this.deckId, now, timeZone, undefined, this.preset);
    this.show(shown);
    // The counts line is refreshed after the next card is on screen, so counting never delays it.
    void this.refreshCounts(now, timeZone);
  }

  private async refreshCounts(now: number, timeZone: string): Promise<void> {
    try {
      this.counts = await this.repository.countsFor(this.deckId, now, timeZone);
    } catch (error) {
      this.onFault(error);
    }
  }

  private show(item: StudyItem | undefined): void {
    this.item = item;
    this.presentation = item && present(item);
    this.typed = '';
    this.chosen = [];
    this.verdict = undefined;
    this.suggested = undefined;
    this.intervals = undefined;
    this.shownAt = this.environment.now();
    this.phase = item ? 'question' : 'done';
  }

  /** Shows the answer side: for typed and choice questions this grades the answer first. */
  reveal(): void {
    const shown = this.presentation;
    if (this.phase !== 'question' || !shown || this.busy) return;

    if (shown.kind === 'typed') {
      this.verdict = gradeAnswer(shown.checker, this.typed);
      this.suggested = this.verdict.rating;
    } else if (shown.kind === 'choice') {
      const correct = shown.options.flatMap((option, index) => (option.correct ? [index] : []));
      const right = correct.length === this.chosen.length && correct.every((index) => this.chosen.includes(index));
      this.suggested = right ? 'good' : 'again';
      this.verdict = { correct: right, rating: this.suggested, feedback: [] };
    }

    this.intervals = this.previewIntervals();
    this.phase = 'answer';
  }

  private previewIntervals(): Record<GradeName, string> | undefined {
    if (!this.item) return undefined;
    const outcomes = previewOutcomes(this.item.schedule, this.environment.now(), this.preset, this.environment.timeZone());
    return Object.fromEntries(GRADE_NAMES.map((grade) => [grade, intervalLabel(outcomes[grade])])) as Record<GradeName, string>;
  }

  /** Chooses option `index` of a choice question; a single-answer question is checked at once. */
  choose(index: number): void {
    const shown = this.presentation;
    if (this.phase !== 'question' || shown?.kind !== 'choice' || index < 0 || index >= shown.options.length) return;
    if (!this.multipleAnswers) {
      this.chosen = [index];
      this.reveal();
      return;
    }
    this.chosen = this.chosen.includes(index) ? this.chosen.filter((chosen) => chosen !== index) : [...this.chosen, index];
  }

  /** True when the shown choice question has several correct options. */
  get multipleAnswers(): boolean {
    const shown = this.presentation;
    return shown?.kind === 'choice' && shown.options.filter((option) => option.correct).length > 1;
  }

  /** Stores a grade and moves to the next card. A second call before the first is stored is ignored. */
  async grade(rating: GradeName): Promise<void> {
    const item = this.item;
    if (this.phase !== 'answer' || !item || this.busy) return;
    this.busy = true;
    try {
      const now = this.environment.now();
      await this.repository.grade({
        cardKey: item.schedule.cardKey,
        rating,
        now,
        timeZone: this.environment.timeZone(),
        durationMs: now - this.shownAt,
        ...(this.verdict && this.presentation?.kind === 'typed' && {
          check: { answer: this.typed, correct: this.verdict.correct, codes: this.verdict.feedback.map((entry) => entry.code) },
        }),
        // IndexedDB cannot store Svelte's state proxies, so the variant goes in as a plain copy.
        ...(this.presentation?.variant && { variant: $state.snapshot(this.presentation.variant) }),
      });
      this.reviewed += 1;
      this.canUndo = true;
      this.notice = undefined;
      await this.advance();
    } catch (error) {
      this.onFault(error);
    } finally {
      this.busy = false;
    }
  }

  /** Grades with the suggested rating, or Good when nothing was suggested. */
  gradeSuggested(): Promise<void> {
    return this.grade(this.suggested ?? 'good');
  }

  /** Buries the shown item until the next study day, or suspends it, and moves on. */
  async hold(kind: 'bury' | 'suspend'): Promise<void> {
    const item = this.item;
    if (!item || this.busy || (this.phase !== 'question' && this.phase !== 'answer')) return;
    this.busy = true;
    try {
      if (kind === 'bury') await this.repository.bury(item.schedule.cardKey, this.environment.now(), this.environment.timeZone());
      else await this.repository.suspend(item.schedule.cardKey);
      this.notice = kind === 'bury' ? 'buried' : 'suspended';
      await this.advance();
    } catch (error) {
      this.onFault(error);
    } finally {
      this.busy = false;
    }
  }

  /** Takes back the newest grade in this deck and shows that card again. */
  async undo(): Promise<void> {
    if (this.busy || !this.canUndo) return;
    this.busy = true;
    try {
      const cardKey = await this.repository.undoLast(this.deckId);
      if (cardKey) {
        this.reviewed = Math.max(0, this.reviewed - 1);
        await this.advance(cardKey);
      }
      this.canUndo = await this.repository.hasReviews(this.deckId);
    } catch (error) {
      this.onFault(error);
    } finally {
      this.busy = false;
    }
  }
}
