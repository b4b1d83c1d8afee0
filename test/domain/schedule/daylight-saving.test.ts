import { describe, expect, it } from 'vitest';
import { reviewSchedule } from '../../../src/domain/schedule/fsrs-adapter';
import { DEFAULT_PRESET } from '../../../src/domain/schedule/preset';
import type { Preset } from '../../../src/domain/schedule/preset';
import { MS_PER_DAY, MS_PER_MINUTE, studyDayOf } from '../../../src/domain/schedule/study-day';
import { localTime, reviewCard } from './support';

/*
 * The rule under test: a review item's due day is counted in local study days, each starting at
 * the rollover hour (04:00 here), and it is due at the rollover of that day. A review at 03:30 is
 * still on the previous study day, so one day later is the study day that starts at 04:00 the
 * same calendar morning, 30 minutes away. A review at 04:30 is on the day that started at 04:00,
 * so one day later is 04:00 the next calendar morning. Neither depends on whether that night
 * was 23 or 25 hours long. Learning steps under a day are exact durations instead.
 *
 * A maximum interval of 1 day makes every button give exactly 1 day.
 */
const ONE_DAY: Preset = { ...DEFAULT_PRESET, maximumInterval: 1 };

interface Transition {
  readonly name: string;
  readonly zone: string;
  readonly review: string;
  readonly expectedDue: string;
}

const TRANSITIONS: readonly Transition[] = [
  // Clocks go from 02:00 EST to 03:00 EDT; 03:30 EDT is before the rollover.
  { name: 'New York spring forward', zone: 'America/New_York', review: '2026-03-08T03:30:00-04:00', expectedDue: '2026-03-08 04:00' },
  // Clocks go from 02:00 EDT back to 01:00 EST; 04:30 EST is after the rollover.
  { name: 'New York fall back', zone: 'America/New_York', review: '2026-11-01T04:30:00-05:00', expectedDue: '2026-11-02 04:00' },
  // Clocks go from 02:00 CET to 03:00 CEST; 03:30 CEST is before the rollover.
  { name: 'Berlin spring forward', zone: 'Europe/Berlin', review: '2026-03-29T03:30:00+02:00', expectedDue: '2026-03-29 04:00' },
  // Clocks go from 03:00 CEST back to 02:00 CET; 04:30 CET is after the rollover.
  { name: 'Berlin fall back', zone: 'Europe/Berlin', review: '2026-10-25T04:30:00+01:00', expectedDue: '2026-10-26 04:00' },
];

describe('reviewSchedule across daylight saving changes', () => {
  for (const transition of TRANSITIONS) {
    const now = Date.parse(transition.review);
    const days = { timeZone: transition.zone, rolloverHour: DEFAULT_PRESET.rolloverHour };
    const card = reviewCard(now - 3 * MS_PER_DAY);

    it(`gives 1 day at the next rollover: ${transition.name}`, () => {
      const { schedule } = reviewSchedule(card, 'good', now, ONE_DAY, transition.zone);
      expect(schedule.scheduledDays).toBe(1);
      expect(localTime(schedule.due, transition.zone)).toBe(transition.expectedDue);
    });

    it(`is due on the next study day: ${transition.name}`, () => {
      const { schedule } = reviewSchedule(card, 'good', now, ONE_DAY, transition.zone);
      expect(schedule.due).toBeGreaterThan(now);
      expect(studyDayOf(schedule.due, days)).toBe(studyDayOf(now, days) + 1);
    });

    it(`gives every button the same rollover: ${transition.name}`, () => {
      for (const grade of ['hard', 'easy'] as const) {
        const { schedule } = reviewSchedule(card, grade, now, ONE_DAY, transition.zone);
        expect(localTime(schedule.due, transition.zone)).toBe(transition.expectedDue);
      }
    });
  }

  it('keeps the 04:00 due time over several days: New York', () => {
    // From 10:00 on March 6 (EST), 3 days lands on March 9 (EDT), after the 23-hour night.
    const now = Date.parse('2026-03-06T10:00:00-05:00');
    const threeDays = { ...DEFAULT_PRESET, maximumInterval: 3 };
    const { schedule } = reviewSchedule(reviewCard(now - 10 * MS_PER_DAY, { stability: 40 }), 'good', now, threeDays, 'America/New_York');
    expect(schedule.scheduledDays).toBe(3);
    expect(localTime(schedule.due, 'America/New_York')).toBe('2026-03-09 04:00');
  });

  it('keeps the 04:00 due time over several days: Berlin', () => {
    // From 10:00 on October 24 (CEST), 3 days lands on October 27 (CET), after the 25-hour night.
    const now = Date.parse('2026-10-24T10:00:00+02:00');
    const threeDays = { ...DEFAULT_PRESET, maximumInterval: 3 };
    const { schedule } = reviewSchedule(reviewCard(now - 10 * MS_PER_DAY, { stability: 40 }), 'good', now, threeDays, 'Europe/Berlin');
    expect(schedule.scheduledDays).toBe(3);
    expect(localTime(schedule.due, 'Europe/Berlin')).toBe('2026-10-27 04:00');
  });
});

describe('learning steps across daylight saving changes', () => {
  const tenMinutes = { ...DEFAULT_PRESET, relearningSteps: ['10m' as const] };

  it('keeps an exact 10 minutes over the skipped hour', () => {
    // 01:55 EST plus 10 minutes is 03:05 EDT, because 02:00-03:00 does not exist that night.
    const now = Date.parse('2026-03-08T01:55:00-05:00');
    const { schedule } = reviewSchedule(reviewCard(now - 5 * MS_PER_DAY), 'again', now, tenMinutes, 'America/New_York');
    expect(schedule.state).toBe('relearning');
    expect(schedule.due - now).toBe(10 * MS_PER_MINUTE);
    expect(localTime(schedule.due, 'America/New_York')).toBe('2026-03-08 03:05');
  });

  it('keeps an exact 10 minutes over the repeated hour', () => {
    // 02:55 CEST plus 10 minutes is 02:05 CET, because 02:00-03:00 occurs twice that night.
    const now = Date.parse('2026-10-25T02:55:00+02:00');
    const { schedule } = reviewSchedule(reviewCard(now - 5 * MS_PER_DAY), 'again', now, tenMinutes, 'Europe/Berlin');
    expect(schedule.due - now).toBe(10 * MS_PER_MINUTE);
    expect(localTime(schedule.due, 'Europe/Berlin')).toBe('2026-10-25 02:05');
  });
});
