import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESET, stepMinutes, validatePreset } from '../../../src/domain/schedule/preset';
import type { PresetProblem } from '../../../src/domain/schedule/preset';

function problemsOf(input: unknown): PresetProblem[] {
  const result = validatePreset(input);
  return result.ok ? [] : result.problems;
}

describe('stepMinutes', () => {
  it.each([
    ['1m', 1],
    ['10m', 10],
    ['1h', 60],
    ['1.5h', 90],
    ['0.1h', 6],
    ['23h', 1380],
  ])('reads %s as %i minutes', (step, minutes) => {
    expect(stepMinutes(step)).toBe(minutes);
  });

  it('returns NaN for text that is not a step', () => {
    expect(stepMinutes('1d')).toBeNaN();
  });
});

describe('validatePreset accepts', () => {
  it('the default preset', () => {
    expect(validatePreset(DEFAULT_PRESET)).toEqual({ ok: true, preset: DEFAULT_PRESET });
  });

  it.each([
    ['desiredRetention', 0.7],
    ['desiredRetention', 0.99],
    ['maximumInterval', 1],
    ['learningSteps', []],
    ['learningSteps', ['1.5h', '23h', '1439m']],
    ['relearningSteps', []],
    ['newPerDay', 0],
    ['reviewsPerDay', 0],
    ['rolloverHour', 0],
    ['rolloverHour', 23],
  ])('%s = %j', (field, value) => {
    expect(validatePreset({ ...DEFAULT_PRESET, [field]: value }).ok).toBe(true);
  });
});

describe('validatePreset rejects', () => {
  it.each([
    ['desiredRetention', 0.69],
    ['desiredRetention', 1],
    ['desiredRetention', '0.9'],
    ['desiredRetention', Number.NaN],
    ['maximumInterval', 0],
    ['maximumInterval', 1.5],
    ['maximumInterval', Number.POSITIVE_INFINITY],
    ['newPerDay', -1],
    ['newPerDay', 2.5],
    ['reviewsPerDay', -1],
    ['reviewsPerDay', null],
    ['rolloverHour', 24],
    ['rolloverHour', -1],
    ['rolloverHour', 4.5],
    ['learningSteps', '1m 10m'],
    ['relearningSteps', null],
  ])('%s = %j', (field, value) => {
    const problems = problemsOf({ ...DEFAULT_PRESET, [field]: value });
    expect(problems.map((problem) => problem.field)).toEqual([field]);
  });

  it.each([
    ['1d', 'Learning steps must each be under a day; use the maximum interval and FSRS for longer gaps: got 1d'],
    ['24h', 'Learning steps must each be under a day; use the maximum interval and FSRS for longer gaps: got 24h'],
    ['1440m', 'Learning steps must each be under a day; use the maximum interval and FSRS for longer gaps: got 1440m'],
    ['0.5m', 'Learning steps must each be a whole number of minutes, at least 1m: got 0.5m'],
    ['0m', 'Learning steps must each be a whole number of minutes, at least 1m: got 0m'],
    ['10', 'Learning steps must each be a number followed by m (minutes) or h (hours), such as 10m or 1.5h: got 10'],
    ['10 m', 'Learning steps must each be a number followed by m (minutes) or h (hours), such as 10m or 1.5h: got 10 m'],
    ['-5m', 'Learning steps must each be a number followed by m (minutes) or h (hours), such as 10m or 1.5h: got -5m'],
  ])('learning step %s with a reason', (step, message) => {
    expect(problemsOf({ ...DEFAULT_PRESET, learningSteps: ['1m', step] })).toEqual([{ field: 'learningSteps', message }]);
  });

  it('a relearning step of a day, naming relearning', () => {
    expect(problemsOf({ ...DEFAULT_PRESET, relearningSteps: ['2d'] })).toEqual([
      { field: 'relearningSteps', message: 'Relearning steps must each be under a day; use the maximum interval and FSRS for longer gaps: got 2d' },
    ]);
  });

  it('a step that is not text', () => {
    expect(problemsOf({ ...DEFAULT_PRESET, learningSteps: [10] })[0]?.message).toBe('Learning steps must each be text such as 10m or 1h: got 10');
  });

  it('a retention out of range, with the range', () => {
    expect(problemsOf({ ...DEFAULT_PRESET, desiredRetention: 1.2 })[0]?.message).toBe('Desired retention must be a number from 0.7 to 0.99: got 1.2');
  });

  it('a missing field', () => {
    const { maximumInterval: _dropped, ...rest } = DEFAULT_PRESET;
    expect(problemsOf(rest)).toEqual([{ field: 'maximumInterval', message: 'Maximum interval is missing. Set it to a whole number of days, 1 or more.' }]);
  });

  it('a misspelled field', () => {
    const { maximumInterval, ...rest } = DEFAULT_PRESET;
    const fields = problemsOf({ ...rest, maxInterval: maximumInterval }).map((problem) => problem.field);
    expect(fields).toEqual(['maximumInterval', 'maxInterval']);
  });

  it('input that is not an object', () => {
    expect(problemsOf(null)).toEqual([{ field: '', message: 'Deck options must be an object with fields such as desiredRetention: got null' }]);
    expect(problemsOf([DEFAULT_PRESET])[0]?.field).toBe('');
  });

  it('every problem at once', () => {
    const problems = problemsOf({ ...DEFAULT_PRESET, desiredRetention: 2, learningSteps: ['1d', '2d'], rolloverHour: 30 });
    expect(problems.map((problem) => problem.field)).toEqual(['desiredRetention', 'learningSteps', 'learningSteps', 'rolloverHour']);
  });
});
