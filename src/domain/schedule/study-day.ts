/**
 * Study days: a learner's day starts at a rollover hour (04:00 by default) in their own time
 * zone, so a late-night session still counts as the evening before. A study day is numbered as
 * the count of days from 1970-01-01 to its local calendar date.
 *
 * Only `Intl.DateTimeFormat` is used for zone rules; no clock is read here.
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

export type StudyDay = number & { readonly __brand: 'StudyDay' };

export interface DayOptions {
  /** IANA time zone, such as `Europe/Berlin`. */
  readonly timeZone: string;
  /** Local hour (0-23) at which a new study day starts. */
  readonly rolloverHour: number;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError for a name that is not an IANA time zone. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

function formattedParts(instant: number, timeZone: string): LocalParts {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Milliseconds the zone is ahead of UTC at `instant`, read from Intl (a few microseconds a call). */
function exactOffset(instant: number, timeZone: string): number {
  const local = formattedParts(instant, timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * Offsets cached per zone for a whole day, or per quarter hour on a day with an offset change.
 * A span whose first and last second have the same offset is taken to have no change inside it
 * (no zone changes its offset twice within a day); a quarter hour with a change is computed exactly.
 */
const OFFSET_SPANS_MS = [MS_PER_DAY, 15 * MS_PER_MINUTE];
const OFFSET_CACHE_LIMIT = 8192;
const offsetCache = new Map<string, number>();

function spanOffset(instant: number, timeZone: string, spanMs: number): number {
  const span = Math.floor(instant / spanMs);
  const key = `${timeZone}|${spanMs}|${span}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    const first = exactOffset(span * spanMs, timeZone);
    const last = exactOffset((span + 1) * spanMs - 1000, timeZone);
    offset = first === last ? first : Number.NaN;
    if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  for (const spanMs of OFFSET_SPANS_MS) {
    const offset = spanOffset(instant, timeZone, spanMs);
    if (!Number.isNaN(offset)) return offset;
  }
  return exactOffset(instant, timeZone);
}

function localParts(instant: number, timeZone: string): LocalParts {
  const local = new Date(instant + offsetAt(instant, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
  };
}

/**
 * The instant at which the local wall-clock time `hour:00` occurs on a local date. When that time
 * occurs twice (the clocks went back), the first occurrence is returned; when it does not exist
 * (the clocks skipped it), the wall-clock time is shifted forward by the length of the gap, as
 * JavaScript's Temporal does by default. Assumes at most one offset change within a day.
 */
export function localHourToInstant(dayNumber: number, hour: number, timeZone: string): number {
  const wallClock = dayNumber * MS_PER_DAY + hour * MS_PER_HOUR;
  const offsetBefore = offsetAt(wallClock - MS_PER_DAY, timeZone);
  const offsetAfter = offsetAt(wallClock + MS_PER_DAY, timeZone);
  const candidates = [wallClock - offsetBefore, wallClock - offsetAfter].filter(
    (instant) => instant + offsetAt(instant, timeZone) === wallClock,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  return wallClock - offsetBefore;
}

/** Returns the study day an instant belongs to. */
export function studyDayOf(instant: number, options: DayOptions): StudyDay {
  const local = localParts(instant, options.timeZone);
  const dayNumber = Math.floor(Date.UTC(local.year, local.month - 1, local.day) / MS_PER_DAY);
  return (local.hour < options.rolloverHour ? dayNumber - 1 : dayNumber) as StudyDay;
}

/** Returns the instant a study day begins: its local date at the rollover hour. */
export function studyDayStart(day: StudyDay, options: DayOptions): number {
  return localHourToInstant(day, options.rolloverHour, options.timeZone);
}

/**
 * Counts the study days from the one containing `lastReview` to the one containing `now`, which
 * is the elapsed time FSRS receives. Reviews on one study day are zero days apart however many
 * hours lie between them, and 22:00 then 07:00 the next morning are one day apart with a 04:00
 * rollover. A `now` earlier than `lastReview` (a clock that ran behind) counts as zero.
 *
 * @example elapsedStudyDays(Date.parse('2026-01-10T22:00+09:00'), Date.parse('2026-01-11T07:00+09:00'), 'Asia/Tokyo', 4) // 1
 */
export function elapsedStudyDays(lastReview: number, now: number, timeZone: string, rolloverHour: number): number {
  const days = { timeZone, rolloverHour };
  return Math.max(0, studyDayOf(now, days) - studyDayOf(lastReview, days));
}

/** Formats the local calendar date of a study day as `YYYY-MM-DD`. */
export function studyDayDate(day: StudyDay): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
