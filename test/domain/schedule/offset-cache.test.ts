import { describe, expect, it } from 'vitest';
import { MS_PER_DAY, studyDayOf } from '../../../src/domain/schedule/study-day';

const formats = new Map<string, Intl.DateTimeFormat>();

/** The study day computed straight from Intl, with no cached offsets. */
function referenceStudyDay(instant: number, timeZone: string, rolloverHour: number): number {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric' });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
  const day = Date.UTC(parts.year!, parts.month! - 1, parts.day!) / MS_PER_DAY;
  return parts.hour! < rolloverHour ? day - 1 : day;
}

describe('cached zone offsets', () => {
  it.each(['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham'])(
    'agree with Intl around every hour of 2026 in %s',
    (timeZone) => {
      const start = Date.parse('2026-01-01T00:00:00Z');
      for (let hour = 0; hour < 365 * 24; hour += 1) {
        // Probe a few minutes either side of each hour, where offset changes happen.
        for (const minutes of [-1, 0, 29, 44]) {
          const instant = start + hour * 3_600_000 + minutes * 60_000;
          if (studyDayOf(instant, { timeZone, rolloverHour: 4 }) !== referenceStudyDay(instant, timeZone, 4)) {
            expect.fail(`${timeZone} at ${new Date(instant).toISOString()}`);
          }
        }
      }
    },
    30_000,
  );
});
