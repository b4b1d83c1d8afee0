import { describe, expect, it } from 'vitest';
import { GRADE_NAMES, intervalLabel, newSchedule, previewOutcomes, reviewSchedule } from '../../../src/domain/schedule/fsrs-adapter';
import type { GradeName, Schedule } from '../../../src/domain/schedule/fsrs-adapter';
import { DEFAULT_PRESET } from '../../../src/domain/schedule/preset';
import type { Preset } from '../../../src/domain/schedule/preset';
import { MS_PER_DAY, MS_PER_HOUR, studyDayOf } from '../../../src/domain/schedule/study-day';
import { reviewCard, seededRandom } from './support';

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'UTC'];
const CAPS = [1, 2, 3, 7, 30, 100, 365];
const START = Date.parse('2026-01-15T10:00:00Z');

/** Days a label such as `4d`, `2.5mo` or `1.2y` stands for, using the label's own units. */
function labelDays(label: string): number {
  const match = /^([\d.]+)(m|h|d|mo|y)$/.exec(label);
  if (!match) throw new Error(`unexpected label ${label}`);
  const value = Number(match[1]);
  const perUnit: Record<string, number> = { m: 1 / 1440, h: 1 / 24, d: 1, mo: 30.4, y: 365 };
  return value * (perUnit[match[2] ?? 'd'] ?? 1);
}

interface Step {
  readonly schedule: Schedule;
  readonly now: number;
  readonly zone: string;
}

/** Walks many seeded histories under one cap, handing each review moment to `check`. */
function walkHistories(cap: number, seed: number, check: (step: Step, preset: Preset) => void): void {
  const random = seededRandom(seed);
  const preset = { ...DEFAULT_PRESET, maximumInterval: cap };
  for (let history = 0; history < 12; history++) {
    const zone = ZONES[history % ZONES.length] ?? 'UTC';
    let schedule = newSchedule('deck/card', 'deck', 0);
    let now = START + Math.floor(random() * MS_PER_DAY);
    for (let review = 0; review < 25; review++) {
      check({ schedule, now, zone }, preset);
      // Mostly Good and Easy, so intervals grow and press against the cap.
      const grade: GradeName = (['again', 'hard', 'good', 'good', 'easy', 'easy'] as const)[Math.floor(random() * 6)] ?? 'good';
      schedule = reviewSchedule(schedule, grade, now, preset, zone).schedule;
      // Review on time, early or late, and sometimes hours before the due time.
      now = Math.max(now, schedule.due) + Math.floor((random() * 3 - 0.5) * MS_PER_DAY * random() * cap) + Math.floor(random() * 12 * MS_PER_HOUR);
      now = Math.max(now, schedule.lastReview ?? now);
    }
  }
}

describe('maximum interval', () => {
  for (const [index, cap] of CAPS.entries()) {
    it(`caps every button at ${cap} days`, () => {
      walkHistories(cap, 1000 + index, ({ schedule, now, zone }, preset) => {
        for (const outcome of Object.values(previewOutcomes(schedule, now, preset, zone))) {
          expect(outcome.schedule.scheduledDays).toBeLessThanOrEqual(cap);
        }
      });
    });

    it(`caps every due date at ${cap} study days`, () => {
      walkHistories(cap, 2000 + index, ({ schedule, now, zone }, preset) => {
        const days = { timeZone: zone, rolloverHour: preset.rolloverHour };
        for (const grade of GRADE_NAMES) {
          const outcome = reviewSchedule(schedule, grade, now, preset, zone);
          const dueDay = studyDayOf(outcome.schedule.due, days);
          expect(dueDay - studyDayOf(outcome.effectiveNow, days)).toBeLessThanOrEqual(cap);
          if (outcome.schedule.state === 'review') expect(dueDay - studyDayOf(outcome.effectiveNow, days)).toBe(outcome.schedule.scheduledDays);
        }
      });
    });

    it(`caps every button label at ${cap} days`, () => {
      walkHistories(cap, 3000 + index, ({ schedule, now, zone }, preset) => {
        for (const outcome of Object.values(previewOutcomes(schedule, now, preset, zone))) {
          // A label rounds to a tenth of its unit, so allow that rounding above the cap.
          expect(labelDays(intervalLabel(outcome))).toBeLessThanOrEqual(cap * 1.05);
        }
      });
    });

    it(`previews what each grade applies under a ${cap}-day cap`, () => {
      walkHistories(cap, 4000 + index, ({ schedule, now, zone }, preset) => {
        const preview = previewOutcomes(schedule, now, preset, zone);
        for (const grade of GRADE_NAMES) {
          expect(preview[grade]).toEqual(reviewSchedule(schedule, grade, now, preset, zone));
        }
      });
    });
  }

  it('caps Easy when Good is already at the cap', () => {
    // A long-known card: Good reaches the cap and ts-fsrs puts Easy a day above it.
    const preset = { ...DEFAULT_PRESET, maximumInterval: 10 };
    const card = reviewCard(START - 10 * MS_PER_DAY, { stability: 400, difficulty: 3 });
    const preview = previewOutcomes(card, START, preset, 'UTC');
    expect(preview.easy.schedule.scheduledDays).toBe(10);
    expect(intervalLabel(preview.easy)).toBe('10d');
  });
});
