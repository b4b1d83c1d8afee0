/**
 * The delays of learning and relearning steps, kept apart from ts-fsrs so the rule reads in one
 * place. The adapter installs it as ts-fsrs' learning-steps strategy.
 */

/** A delay in minutes and the step index the item moves to. */
export interface StepMove {
  readonly minutes: number;
  readonly nextStep: number;
}

/** The moves of Again, Hard and Good on one step. A missing Good means Good graduates the item. */
export interface StepMoves {
  readonly again: StepMove;
  readonly hard: StepMove;
  readonly good?: StepMove;
}

/** Maximum delay a step may produce, in minutes, so a learning item always comes back within a day. */
export const MAX_STEP_MINUTES = 1439;

/**
 * Returns the moves for an item on `currentStep` of `steps` (in whole minutes), or undefined when
 * there is no such step, in which case FSRS graduates the item. The rule:
 * - Again returns to the first step.
 * - Hard stays on the current step. On the first step it waits the average of the first two
 *   steps, or 1.5 x the step when there is only one (at most MAX_STEP_MINUTES). On a later step it
 *   repeats the current step's delay.
 * - Good moves to the next step, and graduates the item from the last one.
 * - Easy always graduates, which ts-fsrs does itself.
 *
 * This is Anki's rule. ts-fsrs 5.4.2's built-in strategy differs on later steps: there Hard
 * always waits the first-step delay (6m on the 10m step of `1m 10m`), although its own type
 * documentation gives 10m.
 */
export function stepMoves(steps: readonly number[], currentStep: number): StepMoves | undefined {
  const first = steps[0];
  const current = steps[currentStep];
  if (first === undefined || current === undefined) return undefined;

  const second = steps[1];
  let hardMinutes: number;
  if (currentStep > 0) hardMinutes = current;
  else if (second !== undefined) hardMinutes = Math.round((first + second) / 2);
  else hardMinutes = Math.min(Math.round(first * 1.5), MAX_STEP_MINUTES);

  const next = steps[currentStep + 1];
  return {
    again: { minutes: first, nextStep: 0 },
    hard: { minutes: hardMinutes, nextStep: currentStep },
    ...(next === undefined ? {} : { good: { minutes: next, nextStep: currentStep + 1 } }),
  };
}
