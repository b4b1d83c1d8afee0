import { clozeMarkdown } from '../../../domain/deck/cloze';
import type { Card } from '../../../domain/deck/format';
import { canonicalAnswer } from '../../../domain/grading/checkers';
import type { Checker } from '../../../domain/grading/checkers';
import { renderVariant } from '../../../domain/generate/render';
import type { StudyItem } from '../../../storage/repository';

/** The variant a generated card showed, as the review log records it. */
export interface ShownVariant {
  readonly template: string;
  readonly reviewNumber: number;
  readonly params: Readonly<Record<string, string>>;
}

/**
 * What the study screen shows for one item, whatever card type it came from: a generated card
 * becomes a typed or choice question, a cloze deletion a front and back.
 */
export type Presentation = (
  | { kind: 'basic'; front: string; back: string; html: boolean; backReplacesFront?: boolean }
  | { kind: 'choice'; prompt: string; options: readonly { text: string; correct: boolean }[] }
  | { kind: 'typed'; prompt: string; checker: Checker; expected: string }
) & {
  readonly explanation?: string;
  readonly source?: string;
  readonly variant?: ShownVariant;
};

function common(card: Card): { explanation?: string; source?: string } {
  return {
    ...(card.explanation !== undefined && { explanation: card.explanation }),
    ...(card.source !== undefined && { source: card.source }),
  };
}

/** Builds what the screen shows for an item; a generated card renders the variant of its review number. */
export function present(item: StudyItem): Presentation {
  const { card, schedule } = item;
  switch (card.type) {
    case 'basic':
      return { kind: 'basic', front: card.front, back: card.back, html: card.format === 'html', ...common(card) };
    case 'cloze': {
      const number = item.cloze ?? 1;
      const revealed = clozeMarkdown(card.text, number, true);
      const back = card.extra ? `${revealed}\n\n${card.extra}` : revealed;
      // The answer side shows the whole text again with the deletion filled in, as Anki does.
      return { kind: 'basic', front: clozeMarkdown(card.text, number, false), back, html: card.format === 'html', backReplacesFront: true, ...common(card) };
    }
    case 'choice':
      return { kind: 'choice', prompt: card.prompt, options: card.options.map((option) => ({ text: option.text, correct: option.correct ?? false })), ...common(card) };
    case 'typed':
      return { kind: 'typed', prompt: card.prompt, checker: card.answer, expected: canonicalAnswer(card.answer), ...common(card) };
    case 'generated': {
      const variant = renderVariant(schedule.deckId, card, schedule.reps);
      const shown: ShownVariant = { template: variant.templateId, reviewNumber: variant.reviewNumber, params: variant.params };
      const extra = { explanation: variant.explanation, ...(card.source !== undefined && { source: card.source }), variant: shown };
      if (variant.form === 'choice' && variant.choices) return { kind: 'choice', prompt: variant.prompt, options: variant.choices, ...extra };
      return { kind: 'typed', prompt: variant.prompt, checker: variant.checker, expected: variant.expected, ...extra };
    }
  }
}
