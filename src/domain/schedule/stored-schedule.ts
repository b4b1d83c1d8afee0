import type { Schedule, ScheduleState } from './fsrs-adapter';

export type StoredScheduleRead = { ok: true; schedule: Schedule } | { ok: false; problems: string[] };

const STATES: readonly ScheduleState[] = ['new', 'learning', 'review', 'relearning'];

const FIELDS: readonly (keyof Schedule)[] = [
  'cardKey',
  'deckId',
  'state',
  'due',
  'stability',
  'difficulty',
  'reps',
  'lapses',
  'step',
  'scheduledDays',
  'lastReview',
];

/** ts-fsrs 5.4.2 rejects a reviewed item whose stability is below this (its S_MIN). */
const MIN_STABILITY = 0.001;

function shown(value: unknown): string {
  if (typeof value === 'number' || value === undefined) return String(value);
  return JSON.stringify(value) ?? String(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Checks the fields whose rules do not depend on the state. */
function checkFields(record: Record<string, unknown>, problems: string[]): void {
  const { cardKey, deckId, state, due, reps, lapses, step, scheduledDays } = record;
  if (typeof cardKey !== 'string' || cardKey === '') problems.push(`cardKey must be a non-empty string: got ${shown(cardKey)}`);
  if (typeof deckId !== 'string' || deckId === '') problems.push(`deckId must be a non-empty string: got ${shown(deckId)}`);
  if (!STATES.includes(state as ScheduleState)) problems.push(`state must be one of ${STATES.join(', ')}: got ${shown(state)}`);
  if (!isFiniteNumber(due)) problems.push(`due must be a finite number (epoch ms, or the position of a new item): got ${shown(due)}`);
  for (const [field, value] of [['reps', reps], ['lapses', lapses], ['step', step], ['scheduledDays', scheduledDays]] as const) {
    if (!isCount(value)) problems.push(`${field} must be a whole number, 0 or more: got ${shown(value)}`);
  }
}

/** Checks the memory state and last review, whose rules depend on whether the item was reviewed. */
function checkReviewFields(record: Record<string, unknown>, problems: string[]): void {
  const { state, stability, difficulty, lastReview } = record;
  if (!isFiniteNumber(stability)) problems.push(`stability must be a finite number: got ${shown(stability)}`);
  if (!isFiniteNumber(difficulty)) problems.push(`difficulty must be a finite number: got ${shown(difficulty)}`);

  if (lastReview === null) {
    if (state !== 'new' && STATES.includes(state as ScheduleState)) {
      problems.push(`lastReview may be null only for a new item, but state is ${shown(state)}`);
    }
  } else if (!isFiniteNumber(lastReview)) {
    problems.push(`lastReview must be epoch ms or null: got ${shown(lastReview)}`);
  }

  if (state === 'new' || !STATES.includes(state as ScheduleState)) return;
  if (isFiniteNumber(stability) && stability < MIN_STABILITY) {
    problems.push(`stability must be at least ${MIN_STABILITY} for a reviewed item: got ${stability}`);
  }
  if (isFiniteNumber(difficulty) && (difficulty < 1 || difficulty > 10)) {
    problems.push(`difficulty must be from 1 to 10 for a reviewed item: got ${difficulty}`);
  }
}

/**
 * Validates a schedule read from storage, so a damaged or outdated record is reported instead of
 * being silently treated as a new item. Every Schedule field is required. A field Schedule does
 * not have is left out of the result, and named in the report when a required field is missing,
 * because a renamed field shows up as one missing and one unknown field.
 *
 * @example readStoredSchedule({ ...schedule, last_review: 1, lastReview: undefined })
 * // { ok: false, problems: ['lastReview is missing (unknown fields present: last_review)'] }
 */
export function readStoredSchedule(value: unknown): StoredScheduleRead {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [`a stored schedule must be an object: got ${shown(value)}`] };
  }
  const record = value as Record<string, unknown>;
  const problems: string[] = [];

  const unknown = Object.keys(record).filter((key) => !(FIELDS as readonly string[]).includes(key));
  const hint = unknown.length > 0 ? ` (unknown fields present: ${unknown.join(', ')})` : '';
  const missing = FIELDS.filter((field) => !(field in record) || record[field] === undefined);
  for (const field of missing) problems.push(`${field} is missing${hint}`);

  checkFields(record, problems);
  checkReviewFields(record, problems);
  if (problems.length > 0) {
    // Each missing field also fails its type check, so only the clearer "is missing" line is kept.
    const reported = problems.filter((problem) => !missing.some((field) => problem.startsWith(`${field} must`)));
    return { ok: false, problems: reported };
  }

  const schedule = Object.fromEntries(FIELDS.map((field) => [field, record[field]])) as unknown as Schedule;
  return { ok: true, schedule };
}
