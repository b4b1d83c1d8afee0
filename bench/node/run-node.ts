/** The Node benches: pure domain code, timed in this process. */
import { benchGeneration } from './generation';
import type { GenerationResult } from './generation';
import { benchGrading } from './grading';
import type { GradingResult } from './grading';
import { benchQueue } from './queue';
import type { QueueResult } from './queue';
import { benchScheduling } from './scheduling';
import type { SchedulingResult } from './scheduling';

export interface NodeSettings {
  /** Rounds over every grading example of the bundled decks. */
  readonly gradingRounds: number;
  readonly variantsPerRun: number;
  readonly generationRuns: number;
  /** Items x reviews per item gives the reviews of one scheduling round. */
  readonly schedulingItems: number;
  readonly schedulingReviewsPerItem: number;
  readonly schedulingRounds: number;
  readonly queueItems: number;
  readonly queueReviews: number;
  readonly queueRepetitions: number;
}

export interface NodeResult {
  readonly grading: GradingResult;
  readonly generation: GenerationResult;
  readonly scheduling: SchedulingResult;
  readonly queue: QueueResult;
  readonly phaseMs: Record<string, number>;
}

export function runNodeBenches(settings: NodeSettings, log: (line: string) => void): NodeResult {
  const phaseMs: Record<string, number> = {};
  const phase = <T>(name: string, work: () => T): T => {
    log(`node: ${name}...`);
    const start = Date.now();
    const value = work();
    phaseMs[name] = Date.now() - start;
    return value;
  };

  const grading = phase('grading', () => benchGrading(settings.gradingRounds));
  const generation = phase('generation', () => benchGeneration(settings.variantsPerRun, settings.generationRuns));
  const scheduling = phase('scheduling', () => benchScheduling(settings.schedulingItems, settings.schedulingReviewsPerItem, settings.schedulingRounds));
  const queue = phase('queue', () => benchQueue(settings.queueItems, settings.queueReviews, settings.queueRepetitions));
  return { grading, generation, scheduling, queue, phaseMs };
}
