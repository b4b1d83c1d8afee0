/** Scheduling options of a deck; every deck starts from the shared default. */
export interface Preset {
  /** Probability of recall FSRS aims for when it picks an interval (0.7 to 0.99). */
  readonly desiredRetention: number;
  /** Longest interval any button may give, in days. */
  readonly maximumInterval: number;
  /** Steps for new cards, each under a day, such as `1m` or `10m`. */
  readonly learningSteps: readonly StepText[];
  /** Steps after a lapse, each under a day. */
  readonly relearningSteps: readonly StepText[];
  readonly newPerDay: number;
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
