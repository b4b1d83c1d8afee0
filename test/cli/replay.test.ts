import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

const FIXTURES = 'test/fixtures/revlog';
const DAY_MS = 86_400_000;

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

interface CardLine {
  card_id: string;
  state: string;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  last_review: string;
  due: string;
  due_date: string;
  scheduled_days: number;
}

async function replay(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: (async function* () {})(),
  };
  const status = await main(['replay', ...args], io);
  return { status, stdout, stderr };
}

/** Runs the command on a fixture and returns its cards by id, failing on a non-zero status. */
async function replayCards(fixture: string, ...args: string[]): Promise<Map<string, CardLine>> {
  const run = await replay(`${FIXTURES}/${fixture}`, ...args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const cards = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as CardLine);
  return new Map(cards.map((card) => [card.card_id, card]));
}

function card(cards: Map<string, CardLine>, id: string): CardLine {
  const found = cards.get(id);
  if (!found) throw new Error(`card ${id} is missing from the output`);
  return found;
}

/** Local wall-clock time of an ISO instant, as `YYYY-MM-DD HH:mm`. */
function localTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short', hourCycle: 'h23' }).format(Date.parse(iso));
}

/** Adds days to a calendar date (`YYYY-MM-DD`). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/*
 * Daylight saving, with a 04:00 rollover and a maximum interval of 1 day. A review at 03:30 is
 * on the previous study day, so 1 day later is 04:00 that same morning. A review at 04:30 is due
 * at 04:00 the next morning. Both hold on the nights the clocks change.
 */
describe('layerdeck replay across daylight saving changes', () => {
  it.each([
    ['dst-new-york-forward.csv', 'America/New_York', 'ny-before-rollover', '2026-03-08T08:00:00.000Z', '2026-03-08'],
    ['dst-new-york-forward.csv', 'America/New_York', 'ny-after-rollover', '2026-03-09T08:00:00.000Z', '2026-03-09'],
    ['dst-new-york-back.csv', 'America/New_York', 'ny-before-rollover', '2026-11-01T09:00:00.000Z', '2026-11-01'],
    ['dst-new-york-back.csv', 'America/New_York', 'ny-after-rollover', '2026-11-02T09:00:00.000Z', '2026-11-02'],
    ['dst-berlin-forward.csv', 'Europe/Berlin', 'berlin-before-rollover', '2026-03-29T02:00:00.000Z', '2026-03-29'],
    ['dst-berlin-forward.csv', 'Europe/Berlin', 'berlin-after-rollover', '2026-03-30T02:00:00.000Z', '2026-03-30'],
    ['dst-berlin-back.csv', 'Europe/Berlin', 'berlin-before-rollover', '2026-10-25T03:00:00.000Z', '2026-10-25'],
    ['dst-berlin-back.csv', 'Europe/Berlin', 'berlin-after-rollover', '2026-10-26T03:00:00.000Z', '2026-10-26'],
  ])('%s in %s: %s', async (fixture, zone, id, due, dueDate) => {
    const result = card(await replayCards(fixture, '--tz', zone, '--options', `${FIXTURES}/one-day.json`), id);
    expect(result.scheduled_days).toBe(1);
    expect(result.due).toBe(due);
    expect(result.due_date).toBe(dueDate);
    expect(localTime(result.due, zone)).toBe(`${dueDate} 04:00`);
  });

  it.each(['America/New_York', 'Europe/Berlin'])('keeps long intervals at 04:00 local in %s', async (zone) => {
    const result = card(await replayCards('dst-long-intervals.csv', '--tz', zone), 'across-spring');
    expect(result.state).toBe('review');
    expect(localTime(result.due, zone)).toBe(`${result.due_date} 04:00`);
    // The last review, at 2026-03-22 20:00 UTC, falls on the study day of March 22 in both zones.
    expect(result.due_date).toBe(addDays('2026-03-22', result.scheduled_days));
  });
});

describe('layerdeck replay elapsed days in Tokyo', () => {
  it('treats a morning across UTC midnight as one study day', async () => {
    const cards = await replayCards('tokyo-elapsed-days.csv', '--tz', 'Asia/Tokyo');
    const acrossMidnight = card(cards, 'morning-across-utc-midnight');
    const sameDate = card(cards, 'morning-same-utc-date');
    expect(acrossMidnight.stability).toBe(sameDate.stability);
    expect(acrossMidnight.difficulty).toBe(sameDate.difficulty);
  });

  it('treats 22:00 then 07:00 as a day apart', async () => {
    const cards = await replayCards('tokyo-elapsed-days.csv', '--tz', 'Asia/Tokyo');
    expect(card(cards, 'evening-then-morning').stability).not.toBe(card(cards, 'evening-then-evening').stability);
  });

  it.each([
    ['morning-across-utc-midnight', '2026-01-10'],
    ['morning-same-utc-date', '2026-01-10'],
    ['evening-then-morning', '2026-01-11'],
    ['evening-then-evening', '2026-01-10'],
  ])('dates %s from its study day', async (id, studyDate) => {
    const result = card(await replayCards('tokyo-elapsed-days.csv', '--tz', 'Asia/Tokyo'), id);
    expect(result.due_date).toBe(addDays(studyDate, result.scheduled_days));
    expect(localTime(result.due, 'Asia/Tokyo')).toBe(`${result.due_date} 04:00`);
  });

  it('counts study days in the zone it is given', async () => {
    // In UTC with a 04:00 rollover, 22:00 and 07:00 Tokyo (13:00Z and 22:00Z) share a study day.
    const tokyo = await replayCards('tokyo-elapsed-days.csv', '--tz', 'Asia/Tokyo');
    const utc = await replayCards('tokyo-elapsed-days.csv');
    expect(card(utc, 'evening-then-morning').stability).toBe(card(tokyo, 'evening-then-evening').stability);
  });
});

describe('layerdeck replay ordering', () => {
  it('replays rows by time, whatever their file order', async () => {
    const skewed = await replayCards('clock-skew.csv');
    const text = await readFile(`${FIXTURES}/clock-skew.csv`, 'utf8');
    const [header, ...rows] = text.trimEnd().split('\n');
    const sorted = [...rows].sort((left, right) => Number(left.split(',')[1]) - Number(right.split(',')[1]));
    const directory = await mkdtemp(join(tmpdir(), 'layerdeck-replay-'));
    try {
      await writeFile(join(directory, 'sorted.csv'), `${header}\n${sorted.join('\n')}\n`);
      const run = await replay(join(directory, 'sorted.csv'));
      expect(JSON.parse(run.stdout)).toEqual(card(skewed, 'skewed'));
    } finally {
      await rm(directory, { recursive: true });
    }
  });

  it('reports the latest review time as last_review', async () => {
    const result = card(await replayCards('clock-skew.csv'), 'skewed');
    expect(result.last_review).toBe('2026-01-14T09:00:00.000Z');
    expect(result.reps).toBe(5);
  });

  it('prints cards in order of first appearance', async () => {
    const run = await replay(`${FIXTURES}/dst-new-york-back.csv`, '--tz', 'America/New_York');
    const ids = run.stdout.trimEnd().split('\n').map((line) => (JSON.parse(line) as CardLine).card_id);
    expect(ids).toEqual(['ny-before-rollover', 'ny-after-rollover']);
  });
});

describe('layerdeck replay learning steps', () => {
  const steps = () => replayCards('steps.csv', '--options', `${FIXTURES}/three-steps.json`);

  it('graduates after Good on the last step', async () => {
    const result = card(await steps(), 'graduates');
    expect(result.state).toBe('review');
    expect(result.due_date).toBe('2026-01-16');
  });

  it('waits the first two steps average on Hard at the first step', async () => {
    // (1m + 10m) / 2 = 5.5m, rounded to 6m.
    expect(card(await steps(), 'hard-on-first-step').due).toBe('2026-01-15T09:06:00.000Z');
  });

  it('repeats the current step on Hard at a later step', async () => {
    const result = card(await steps(), 'hard-on-later-step');
    expect(result.state).toBe('learning');
    expect(result.due).toBe('2026-01-15T11:10:00.000Z');
  });

  it('returns to the first step on Again', async () => {
    expect(card(await steps(), 'again-returns').due).toBe('2026-01-15T10:11:00.000Z');
  });

  it('moves a lapse through the relearning steps', async () => {
    const result = card(await steps(), 'relearning');
    expect(result.state).toBe('relearning');
    expect(result.lapses).toBe(1);
    expect(result.due).toBe('2026-01-25T09:40:00.000Z');
  });

  it('graduates after the last relearning step', async () => {
    const result = card(await steps(), 'relearning-graduates');
    expect(result.state).toBe('review');
    expect(result.due_date).toBe(addDays('2026-01-25', result.scheduled_days));
  });
});

describe('layerdeck replay maximum interval', () => {
  it.each(['max-easy', 'max-good'])('keeps %s within 7 days', async (id) => {
    const result = card(await replayCards('max-interval.csv', '--options', `${FIXTURES}/max-interval-7.json`), id);
    expect(result.scheduled_days).toBeGreaterThanOrEqual(1);
    expect(result.scheduled_days).toBeLessThanOrEqual(7);
    expect(result.due_date).toBe(addDays('2026-03-23', result.scheduled_days));
  });

  it('goes past 7 days without the option', async () => {
    const result = card(await replayCards('max-interval.csv'), 'max-easy');
    expect(result.scheduled_days).toBeGreaterThan(7);
  });
});

describe('layerdeck replay input forms', () => {
  it('reads a file without a header, with CRLF and a byte order mark', async () => {
    const result = card(await replayCards('no-header-crlf-bom.csv'), 'plain');
    expect(result.reps).toBe(2);
  });

  it('skips manual entries with a note', async () => {
    const run = await replay(`${FIXTURES}/manual-entries.csv`);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`${FIXTURES}/manual-entries.csv:3: note: skipped a manual entry (review_rating 0) for card rescheduled\n`);
    expect((JSON.parse(run.stdout) as CardLine).reps).toBe(2);
  });

  it('uses the rollover hour it is given', async () => {
    // With a 03:00 rollover, 03:30 is already on March 8, so 1 day later is March 9.
    const cards = await replayCards('dst-new-york-forward.csv', '--tz', 'America/New_York', '--options', `${FIXTURES}/one-day.json`, '--rollover', '3');
    expect(card(cards, 'ny-before-rollover').due_date).toBe('2026-03-09');
    expect(localTime(card(cards, 'ny-before-rollover').due, 'America/New_York')).toBe('2026-03-09 03:00');
  });

  it('accepts --name=value options', async () => {
    const cards = await replayCards('dst-berlin-back.csv', '--tz=Europe/Berlin', `--options=${FIXTURES}/one-day.json`);
    expect(card(cards, 'berlin-after-rollover').due_date).toBe('2026-10-26');
  });
});

describe('layerdeck replay errors', () => {
  it('reports each malformed row with its line and exits 1', async () => {
    const run = await replay(`${FIXTURES}/malformed.csv`);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${FIXTURES}/malformed.csv:4: review_time must be epoch milliseconds (a whole number), got not-a-time\n`);
    expect(run.stderr).toContain(`${FIXTURES}/malformed.csv:6: expected 5 columns, got 4\n`);
    expect(run.stderr).toContain(`${FIXTURES}/malformed.csv:7: review_rating must be 1, 2, 3 or 4, got 5\n`);
  });

  it('exits 2 for a missing file', async () => {
    const run = await replay(`${FIXTURES}/no-such-file.csv`);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`layerdeck replay: ${FIXTURES}/no-such-file.csv: file not found\n`);
  });

  it('exits 2 for an unknown time zone', async () => {
    const run = await replay(`${FIXTURES}/steps.csv`, '--tz', 'Mars/Olympus');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('"Mars/Olympus" is not an IANA time zone');
  });

  it.each(['24', '-1', '4.5', 'four'])('exits 2 for --rollover %s', async (hour) => {
    const run = await replay(`${FIXTURES}/steps.csv`, '--rollover', hour);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--rollover must be a whole hour from 0 to 23');
  });

  it('exits 2 for invalid options, with the reason', async () => {
    const run = await replay(`${FIXTURES}/steps.csv`, '--options', `${FIXTURES}/invalid-steps.json`);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('learningSteps: Learning steps must each be under a day; use the maximum interval and FSRS for longer gaps: got 1d');
  });

  it('exits 2 for a missing options file', async () => {
    const run = await replay(`${FIXTURES}/steps.csv`, '--options', `${FIXTURES}/missing.json`);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('missing.json: file not found');
  });

  it.each([
    [[], 'the review history file is missing'],
    [['a.csv', 'b.csv'], 'expected one review history file, got 2'],
    [['a.csv', '--tz'], '--tz is missing its value'],
    [['a.csv', '--verbose'], 'unknown option "--verbose"'],
  ])('exits 2 for the usage error in %j', async (args, message) => {
    const run = await replay(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('prints help with exit status 0', async () => {
    const run = await replay('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--rollover HOUR');
  });
});

describe('bin/layerdeck.js replay', () => {
  const run = promisify(execFile);

  it('prints JSON lines from the installed command', async () => {
    const { stdout } = await run(process.execPath, ['bin/layerdeck.js', 'replay', `${FIXTURES}/dst-berlin-forward.csv`, '--tz', 'Europe/Berlin', '--options', `${FIXTURES}/one-day.json`]);
    expect(stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  it('exits 1 from the installed command on a malformed row', async () => {
    let status = 0;
    try {
      await run(process.execPath, ['bin/layerdeck.js', 'replay', `${FIXTURES}/malformed.csv`]);
    } catch (error) {
      status = (error as { code: number }).code;
    }
    expect(status).toBe(1);
  });
});
