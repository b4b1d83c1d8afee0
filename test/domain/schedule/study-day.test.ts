import { describe, expect, it } from 'vitest';
import { localHourToInstant, MS_PER_DAY, studyDayDate, studyDayOf, studyDayStart } from '../../../src/domain/schedule/study-day';
import type { StudyDay } from '../../../src/domain/schedule/study-day';

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY;
const iso = (instant: number) => new Date(instant).toISOString();

describe('localHourToInstant', () => {
  it.each([
    ['Europe/Berlin', '2026-01-15', 4, '2026-01-15T03:00:00.000Z'],
    ['Europe/Berlin', '2026-07-15', 4, '2026-07-15T02:00:00.000Z'],
    ['America/New_York', '2026-03-08', 4, '2026-03-08T08:00:00.000Z'],
    ['America/New_York', '2026-11-01', 4, '2026-11-01T09:00:00.000Z'],
    ['Asia/Tokyo', '2026-01-11', 4, '2026-01-10T19:00:00.000Z'],
    ['UTC', '2026-01-11', 0, '2026-01-11T00:00:00.000Z'],
  ])('%s %s at %i:00', (zone, date, hour, expected) => {
    expect(iso(localHourToInstant(dayNumber(date), hour, zone))).toBe(expected);
  });

  it('moves a skipped hour past the gap', () => {
    // Berlin skips 02:00-03:00 on 2026-03-29; 02:00 does not exist and becomes 03:00 CEST.
    expect(iso(localHourToInstant(dayNumber('2026-03-29'), 2, 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z');
  });

  it('takes the first of a repeated hour', () => {
    // Berlin repeats 02:00-03:00 on 2026-10-25; the first 02:00 is still CEST.
    expect(iso(localHourToInstant(dayNumber('2026-10-25'), 2, 'Europe/Berlin'))).toBe('2026-10-25T00:00:00.000Z');
  });
});

describe('studyDayOf', () => {
  const tokyo = { timeZone: 'Asia/Tokyo', rolloverHour: 4 };

  it('counts the hours before the rollover as the previous day', () => {
    const evening = studyDayOf(Date.parse('2026-01-10T22:00:00+09:00'), tokyo);
    const beforeRollover = studyDayOf(Date.parse('2026-01-11T03:59:59+09:00'), tokyo);
    expect(beforeRollover).toBe(evening);
    expect(studyDayDate(evening)).toBe('2026-01-10');
  });

  it('starts a new day at the rollover hour', () => {
    const evening = studyDayOf(Date.parse('2026-01-10T22:00:00+09:00'), tokyo);
    expect(studyDayOf(Date.parse('2026-01-11T04:00:00+09:00'), tokyo)).toBe(evening + 1);
  });

  it('round-trips with studyDayStart', () => {
    const start = Date.parse('2026-01-11T04:00:00+09:00');
    expect(studyDayStart(studyDayOf(start, tokyo), tokyo)).toBe(start);
  });

  it('uses midnight with rollover hour zero', () => {
    const day = studyDayOf(Date.parse('2026-06-01T00:30:00Z'), { timeZone: 'UTC', rolloverHour: 0 });
    expect(studyDayDate(day as StudyDay)).toBe('2026-06-01');
  });
});
