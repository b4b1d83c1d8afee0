/** Scheduling options of a deck; every deck starts from the shared default. */
export interface Preset {
  /** Probability of recall FSRS aims for when it picks an interval (0.7 to 0.99). */
  readonly desiredRetention: number;
  /** Maximum interval any button may give, in days, fuzz included. */
  readonly maximumInterval: number;
  /**
   * Steps for new cards, each a whole number of minutes under a day, such as `1m`, `10m` or
   * `1.5h`. Good moves to the next step and graduates from the last one, Again returns to the
   * first step, and Easy graduates at once. Hard stays on the current step. On the first step it
   * waits the average of the first two steps, or 1.5 x the step when there is only one (kept under
   * a day). On a later step it repeats that step's delay.
   */
  readonly learningSteps: readonly StepText[];
  /** Steps after a lapse, with the same rules as `learningSteps`. */
  readonly relearningSteps: readonly StepText[];
  /** New cards introduced per study day. */
  readonly newPerDay: number;
  /** Review cards shown per study day. */
  readonly reviewsPerDay: number;
  /** Local hour (0-23) at which a study day starts. */
  readonly rolloverHour: number;
}

export type StepText = `${number}${'m' | 'h'}`;

export const DEFAULT_PRESET: Preset = {
  desiredRetention: 0.9,
  maximumInterval: 36500,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  newPerDay: 20,
  reviewsPerDay: 200,
  rolloverHour: 4,
};

const MINUTES_PER_DAY = 1440;
const STEP_PATTERN = /^(\d+(?:\.\d+)?)([mh])$/;
const DAY_STEP_PATTERN = /^\d+(?:\.\d+)?d$/;

/**
 * Converts a step such as `10m` or `1.5h` to minutes. Returns NaN for text that is not a step, so
 * callers validate with `validatePreset` first.
 */
export function stepMinutes(step: string): number {
  const match = STEP_PATTERN.exec(step);
  if (!match) return Number.NaN;
  const value = Number(match[1]) * (match[2] === 'h' ? 60 : 1);
  // 0.1h is 6.000000000000001 minutes in floating point, so values this close count as whole.
  const whole = Math.round(value);
  return Math.abs(value - whole) < 1e-9 ? whole : value;
}

/** One reason a preset was rejected, tied to the field a deck options form shows it on. */
export interface PresetProblem {
  /** The Preset field name, or `''` when the whole input is not an object. */
  readonly field: string;
  readonly message: string;
}

export type PresetValidation = { ok: true; preset: Preset } | { ok: false; problems: PresetProblem[] };

type NumberField = 'desiredRetention' | 'maximumInterval' | 'newPerDay' | 'reviewsPerDay' | 'rolloverHour';
type StepsField = 'learningSteps' | 'relearningSteps';

interface NumberRule {
  readonly label: string;
  /** Description of a valid value, completing "must be ...". */
  readonly requirement: string;
  readonly accepts: (value: number) => boolean;
}

const NUMBER_RULES: Record<NumberField, NumberRule> = {
  desiredRetention: {
    label: 'Desired retention',
    requirement: 'a number from 0.7 to 0.99',
    accepts: (value) => value >= 0.7 && value <= 0.99,
  },
  maximumInterval: {
    label: 'Maximum interval',
    requirement: 'a whole number of days, 1 or more',
    accepts: (value) => Number.isInteger(value) && value >= 1,
  },
  newPerDay: {
    label: 'New cards per day',
    requirement: 'a whole number, 0 or more',
    accepts: (value) => Number.isInteger(value) && value >= 0,
  },
  reviewsPerDay: {
    label: 'Reviews per day',
    requirement: 'a whole number, 0 or more',
    accepts: (value) => Number.isInteger(value) && value >= 0,
  },
  rolloverHour: {
    label: 'The hour a new study day starts',
    requirement: 'a whole hour from 0 to 23',
    accepts: (value) => Number.isInteger(value) && value >= 0 && value <= 23,
  },
};

const STEPS_LABELS: Record<StepsField, string> = {
  learningSteps: 'Learning steps',
  relearningSteps: 'Relearning steps',
};

const FIELDS: readonly (keyof Preset)[] = [
  'desiredRetention',
  'maximumInterval',
  'learningSteps',
  'relearningSteps',
  'newPerDay',
  'reviewsPerDay',
  'rolloverHour',
];

function shown(value: unknown): string {
  if (typeof value === 'number' || value === undefined) return String(value);
  return JSON.stringify(value) ?? String(value);
}

function checkNumber(field: NumberField, value: unknown, problems: PresetProblem[]): number {
  const rule = NUMBER_RULES[field];
  if (typeof value !== 'number' || !Number.isFinite(value) || !rule.accepts(value)) {
    problems.push({ field, message: `${rule.label} must be ${rule.requirement}: got ${shown(value)}` });
  }
  return value as number;
}

function stepProblem(label: string, step: unknown): string | undefined {
  if (typeof step !== 'string') {
    return `${label} must each be text such as 10m or 1h: got ${shown(step)}`;
  }
  if (DAY_STEP_PATTERN.test(step)) {
    return `${label} must each be under a day; use the maximum interval and FSRS for longer gaps: got ${step}`;
  }
  if (!STEP_PATTERN.test(step)) {
    return `${label} must each be a number followed by m (minutes) or h (hours), such as 10m or 1.5h: got ${step}`;
  }
  const minutes = stepMinutes(step);
  if (minutes >= MINUTES_PER_DAY) {
    return `${label} must each be under a day; use the maximum interval and FSRS for longer gaps: got ${step}`;
  }
  // ts-fsrs counts steps in whole minutes, so 0.5m could not be kept as written.
  if (!Number.isInteger(minutes) || minutes < 1) {
    return `${label} must each be a whole number of minutes, at least 1m: got ${step}`;
  }
  return undefined;
}

function checkSteps(field: StepsField, value: unknown, problems: PresetProblem[]): StepText[] {
  const label = STEPS_LABELS[field];
  if (!Array.isArray(value)) {
    problems.push({ field, message: `${label} must be a list of steps such as ["1m", "10m"], or an empty list: got ${shown(value)}` });
    return [];
  }
  for (const step of value) {
    const message = stepProblem(label, step);
    if (message) problems.push({ field, message });
  }
  return value.slice() as StepText[];
}

function fieldLabel(field: keyof Preset): string {
  if (field === 'learningSteps' || field === 'relearningSteps') return STEPS_LABELS[field];
  return NUMBER_RULES[field].label;
}

function fieldRequirement(field: keyof Preset): string {
  if (field === 'learningSteps' || field === 'relearningSteps') return 'a list of steps under a day, such as ["1m", "10m"]';
  return NUMBER_RULES[field].requirement;
}

/**
 * Validates deck options from a form or from storage, and returns every problem at once with a
 * message a learner can act on. Every field of `Preset` is required, and a field name Preset
 * does not have is reported, because it is most often a misspelling.
 *
 * @example validatePreset({ ...DEFAULT_PRESET, learningSteps: ['1d'] })
 * // { ok: false, problems: [{ field: 'learningSteps', message: 'Learning steps must each be under a day; ...: got 1d' }] }
 */
export function validatePreset(input: unknown): PresetValidation {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ field: '', message: `Deck options must be an object with fields such as desiredRetention: got ${shown(input)}` }] };
  }
  const record = input as Record<string, unknown>;
  const problems: PresetProblem[] = [];

  for (const field of FIELDS) {
    if (!(field in record) || record[field] === undefined) {
      problems.push({ field, message: `${fieldLabel(field)} is missing. Set it to ${fieldRequirement(field)}.` });
    }
  }
  for (const key of Object.keys(record)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      problems.push({ field: key, message: `"${key}" is not a deck option. Check its spelling against: ${FIELDS.join(', ')}.` });
    }
  }

  const present = (field: keyof Preset) => record[field] !== undefined;
  const preset: Preset = {
    desiredRetention: present('desiredRetention') ? checkNumber('desiredRetention', record.desiredRetention, problems) : 0,
    maximumInterval: present('maximumInterval') ? checkNumber('maximumInterval', record.maximumInterval, problems) : 0,
    learningSteps: present('learningSteps') ? checkSteps('learningSteps', record.learningSteps, problems) : [],
    relearningSteps: present('relearningSteps') ? checkSteps('relearningSteps', record.relearningSteps, problems) : [],
    newPerDay: present('newPerDay') ? checkNumber('newPerDay', record.newPerDay, problems) : 0,
    reviewsPerDay: present('reviewsPerDay') ? checkNumber('reviewsPerDay', record.reviewsPerDay, problems) : 0,
    rolloverHour: present('rolloverHour') ? checkNumber('rolloverHour', record.rolloverHour, problems) : 0,
  };
  return problems.length === 0 ? { ok: true, preset } : { ok: false, problems };
}
