import { describe, expect, it } from 'vitest';
import { gradeAnswer } from '../../../src/domain/grading/checkers';
import type { Checker } from '../../../src/domain/grading/checkers';

type KeyboardRow = readonly [checker: Checker, answer: string, note: string, why: string];

const BUILD: Checker = { kind: 'command', expected: ['docker build --no-cache -t webapp:2.1 .'] };
const RUN: Checker = { kind: 'command', expected: ['kubectl run b --image=busybox -- sh -c "echo hi"'] };
const ECHO: Checker = { kind: 'command', expected: ["docker run --rm busybox echo 'it works'"] };
const YAML: Checker = { kind: 'yaml', expected: ['args: ["sleep", "3600"]'] };
const DOCKERFILE: Checker = { kind: 'dockerfile', expected: ['CMD ["nginx", "-g", "daemon off;"]'] };

const rows: KeyboardRow[] = [
  [BUILD, 'docker build \u2014no-cache -t webapp:2.1 .', 'keyboard-replaced-dashes', 'em dash before a flag name'],
  [BUILD, 'docker build \u2013no-cache -t webapp:2.1 .', 'keyboard-replaced-dashes', 'en dash before a flag name'],
  [RUN, 'kubectl run b \u2014image=busybox \u2014 sh -c \u201Cecho hi\u201D', 'keyboard-replaced-dashes', 'em dash as the -- separator'],
  [RUN, 'kubectl run b --image=busybox -- sh -c \u201Cecho hi\u201D', 'keyboard-replaced-quotes', 'curly double quotes'],
  [ECHO, 'docker run --rm busybox echo \u2018it works\u2019', 'keyboard-replaced-quotes', 'curly single quotes'],
  [BUILD, 'docker\u00A0build --no-cache -t webapp:2.1 .', 'keyboard-replaced-spaces', 'non-breaking space'],
  [BUILD, 'docker build --no-cache\u200B -t webapp:2.1 .', 'keyboard-replaced-spaces', 'zero-width space'],
  [YAML, 'args: [\u201Csleep\u201D, \u201C3600\u201D]', 'keyboard-replaced-quotes', 'curly quotes in YAML'],
  [DOCKERFILE, 'CMD [\u201Cnginx\u201D, \u201C-g\u201D, \u201Cdaemon off;\u201D]', 'keyboard-replaced-quotes', 'curly quotes in exec form'],
];

describe('keyboard normalization', () => {
  it.each(rows)('accepts %#: %s', (checker, answer, note) => {
    const verdict = gradeAnswer(checker, answer);
    expect(verdict.correct).toBe(true);
    expect(verdict.feedback.map((item) => item.code)).toContain(note);
  });

  it('note says the keyboard changed it', () => {
    const verdict = gradeAnswer(BUILD, 'docker build \u2014no-cache -t webapp:2.1 .');
    expect(verdict.feedback[0]?.message).toBe('An en or em dash was read as a double hyphen (--).');
  });

  it('CRLF chain reads as lines', () => {
    const checker: Checker = { kind: 'command', expected: ['docker build -t a:1 . && docker push a:1'] };
    const verdict = gradeAnswer(checker, 'docker build -t a:1 .\r\ndocker push a:1\r\n');
    expect(verdict.correct).toBe(true);
    expect(verdict.feedback).toEqual([]);
  });

  it('decomposed Unicode is composed', () => {
    const checker: Checker = { kind: 'text', expected: ['caf\u00E9'] };
    expect(gradeAnswer(checker, 'cafe\u0301').correct).toBe(true);
  });

  it('notes come before the reasons', () => {
    const verdict = gradeAnswer(BUILD, 'docker build \u2014no-cache -t webapp .');
    expect(verdict.correct).toBe(false);
    expect(verdict.feedback.map((item) => item.code)).toEqual(['keyboard-replaced-dashes', 'tag-defaults-to-latest']);
  });
});
