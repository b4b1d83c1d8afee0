import { describe, expect, it } from 'vitest';
import { reviewSchedule } from '../../../src/domain/schedule/fsrs-adapter';
import { DEFAULT_PRESET } from '../../../src/domain/schedule/preset';
import { elapsedStudyDays, MS_PER_DAY, MS_PER_HOUR } from '../../../src/domain/schedule/study-day';
import { reviewCard, seededRandom } from './support';

/*
 * Policy: FSRS receives elapsed time in the learner's study days (days starting at the 04:00
 * rollover in their time zone), not UTC calendar dates. Tokyo is UTC+9, so 09:00 there is
 * midnight UTC, and UTC dates would split a morning session in two.
 */
const TOKYO = 'Asia/Tokyo';

describe('elapsedStudyDays', () => {
  it.each([
    ['an hour apart in the morning, across UTC midnight', '2026-01-10T08:30:00+09:00', '2026-01-10T09:30:00+09:00', 0],
    ['22:00 then 07:00 the next morning', '2026-01-10T22:00:00+09:00', '2026-01-11T07:00:00+09:00', 1],
    ['22:00 then 03:00, before the rollover', '2026-01-10T22:00:00+09:00', '2026-01-11T03:00:00+09:00', 0],
    ['03:59 then 04:00, across the rollover', '2026-01-11T03:59:00+09:00', '2026-01-11T04:00:00+09:00', 1],
    ['a week apart', '2026-01-10T12:00:00+09:00', '2026-01-17T12:00:00+09:00', 7],
  ])('counts %s in Tokyo', (_case, last, now, expected) => {
    expect(elapsedStudyDays(Date.parse(last), Date.parse(now), TOKYO, 4)).toBe(expected);
  });

  it('counts a clock behind the last review as zero', () => {
    const last = Date.parse('2026-01-10T12:00:00+09:00');
    expect(elapsedStudyDays(last, last - 3 * MS_PER_DAY, TOKYO, 4)).toBe(0);
  });

  it('counts a 23-hour study day as one day', () => {
    // New York's study day of 2026-03-07 runs from 04:00 EST to 04:00 EDT, 23 hours.
    const last = Date.parse('2026-03-07T04:00:00-05:00');
    expect(elapsedStudyDays(last, last + 23 * MS_PER_HOUR, 'America/New_York', 4)).toBe(1);
  });

  it('uses the rollover hour it is given', () => {
    const last = Date.parse('2026-01-10T22:00:00+09:00');
    const now = Date.parse('2026-01-11T05:00:00+09:00');
    expect(elapsedStudyDays(last, now, TOKYO, 4)).toBe(1);
    expect(elapsedStudyDays(last, now, TOKYO, 6)).toBe(0);
  });
});

describe('reviewSchedule elapsed days', () => {
  const lastReview = Date.parse('2026-01-10T08:00:00+09:00');
  const card = reviewCard(lastReview);

  it('passes zero to FSRS for a morning an hour later', () => {
    const outcome = reviewSchedule(card, 'good', Date.parse('2026-01-10T09:30:00+09:00'), DEFAULT_PRESET, TOKYO);
    expect(outcome.elapsedDays).toBe(0);
  });

  it('gives the same stability on either side of UTC midnight', () => {
    // 08:30 and 09:30 in Tokyo are 23:30 and 00:30 UTC: different UTC dates, one study day.
    const beforeUtcMidnight = reviewSchedule(card, 'good', Date.parse('2026-01-10T08:30:00+09:00'), DEFAULT_PRESET, TOKYO);
    const afterUtcMidnight = reviewSchedule(card, 'good', Date.parse('2026-01-10T09:30:00+09:00'), DEFAULT_PRESET, TOKYO);
    expect(afterUtcMidnight.schedule.stability).toBe(beforeUtcMidnight.schedule.stability);
  });

  it('passes one to FSRS for the next morning after the rollover', () => {
    const evening = reviewCard(Date.parse('2026-01-10T22:00:00+09:00'));
    const outcome = reviewSchedule(evening, 'good', Date.parse('2026-01-11T07:00:00+09:00'), DEFAULT_PRESET, TOKYO);
    expect(outcome.elapsedDays).toBe(1);
  });

  it('gives a different stability the next study day', () => {
    // 22:00 and 07:00 in Tokyo are 13:00 and 22:00 UTC on one UTC date, but a study day apart.
    const evening = reviewCard(Date.parse('2026-01-10T22:00:00+09:00'));
    const sameNight = reviewSchedule(evening, 'good', Date.parse('2026-01-10T23:00:00+09:00'), DEFAULT_PRESET, TOKYO);
    const nextMorning = reviewSchedule(evening, 'good', Date.parse('2026-01-11T07:00:00+09:00'), DEFAULT_PRESET, TOKYO);
    expect(sameNight.elapsedDays).toBe(0);
    expect(nextMorning.schedule.stability).not.toBe(sameNight.schedule.stability);
  });

  it('matches elapsedStudyDays for generated times', () => {
    const random = seededRandom(20260110);
    const zones = [TOKYO, 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
    for (let round = 0; round < 200; round++) {
      const zone = zones[Math.floor(random() * zones.length)] ?? 'UTC';
      const rolloverHour = Math.floor(random() * 24);
      const last = Date.parse('2026-01-01T00:00:00Z') + Math.floor(random() * 365 * MS_PER_DAY);
      const now = last + Math.floor(random() * 40 * MS_PER_DAY * random());
      const outcome = reviewSchedule(reviewCard(last), 'good', now, { ...DEFAULT_PRESET, rolloverHour }, zone);
      expect(outcome.elapsedDays, `${zone} rollover ${rolloverHour}: ${new Date(last).toISOString()} to ${new Date(now).toISOString()}`).toBe(
        elapsedStudyDays(last, now, zone, rolloverHour),
      );
    }
  });
});
