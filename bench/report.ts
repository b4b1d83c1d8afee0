/**
 * Turns bench results into rows with targets: the console table, the JSON record and the results
 * section of bench/README.md all come from these rows.
 */
import type { BrowserResult } from './browser/run-browser';
import type { NodeResult } from './node/run-node';
import { GRADED_KINDS } from './node/grading';
import { median, round, summarize } from './stats';

export interface Row {
  readonly figure: string;
  readonly value: string;
  readonly baseline: string;
  /** Layerdeck time over baseline time. */
  readonly ratio: string;
  readonly target: string;
  readonly result: 'pass' | 'miss' | '';
}

export interface TargetCheck {
  readonly target: string;
  readonly value: number;
  readonly limit: number;
  readonly unit: string;
  readonly pass: boolean;
}

const ms = (value: number) => `${round(value)} ms`;
const kb = (bytes: number) => `${round(bytes / 1000)} kB`;
const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;
const times = (value: number) => `${round(value)}x`;

export class Report {
  readonly rows: Row[] = [];
  readonly targets: TargetCheck[] = [];

  add(row: Partial<Row> & Pick<Row, 'figure' | 'value'>): void {
    this.rows.push({ baseline: '', ratio: '', target: '', result: '', ...row });
  }

  /** Adds a row whose `checked` value is compared with `limit`; at or under the limit passes. */
  addTarget(row: Partial<Row> & Pick<Row, 'figure' | 'value' | 'target'>, checked: number, limit: number, unit: string, strict = false): void {
    const pass = strict ? checked < limit : checked <= limit;
    this.targets.push({ target: `${row.figure}: ${row.target}`, value: round(checked), limit, unit, pass });
    this.add({ ...row, result: pass ? 'pass' : 'miss' });
  }
}

export function addNodeRows(report: Report, node: NodeResult): void {
  for (const kind of GRADED_KINDS) {
    const summary = node.grading.kinds[kind];
    report.addTarget(
      { figure: `grading, ${kind} checker (median / p95 per answer, ${summary.answers} answers)`, value: `${round(summary.median)} / ${ms(summary.p95)}`, target: 'median < 1 ms' },
      summary.median,
      1,
      'ms',
      true,
    );
  }

  const { generation } = node;
  report.addTarget(
    { figure: `generation, ${generation.variantsPerRun.toLocaleString('en-US')} variants`, value: `${ms(generation.runMs)} (${perSecond(generation.variantsPerSecond)})`, target: '< 1 s' },
    generation.runMs / (generation.variantsPerRun / 10_000),
    1000,
    'ms per 10,000 variants',
    true,
  );

  const { scheduling } = node;
  report.addTarget(
    { figure: 'scheduling, reviews per second (adapter vs bare ts-fsrs next())', value: perSecond(scheduling.adapterPerSecond), baseline: perSecond(scheduling.barePerSecond), ratio: times(scheduling.ratio), target: '<= 1.5x' },
    scheduling.ratio,
    1.5,
    'x',
  );

  const { queue } = node;
  report.add({ figure: `queue building, ${queue.items.toLocaleString('en-US')} items in memory (median / p95)`, value: `${round(queue.buildMs.median)} / ${ms(queue.buildMs.p95)}` });
}

export function addBrowserRows(report: Report, browser: BrowserResult): void {
  const { importUi, importBareMs, dueQueue, study, coldStart, sizes } = browser;
  const cards = importUi.cardCount.toLocaleString('en-US');
  const bare = importBareMs.reduce((sum, value) => sum + value, 0) / importBareMs.length;
  report.addTarget(
    { figure: `import ${cards} cards via the import screen (file chosen to stored)`, value: ms(importUi.totalMs), baseline: ms(bare), ratio: times(importUi.totalMs / bare), target: '<= 1.5x' },
    importUi.totalMs / bare,
    1.5,
    'x',
  );
  report.add({ figure: '  of which the write (Import deck clicked to stored)', value: ms(importUi.saveMs), baseline: ms(bare), ratio: times(importUi.saveMs / bare) });

  const next = median(dueQueue.nextItem);
  const bareNext = median(dueQueue.bareNext);
  report.addTarget(
    { figure: 'due queue: next card (Repository.nextItem vs indexed query + get)', value: ms(next), baseline: ms(bareNext), ratio: times(next / bareNext), target: '<= 1.3x' },
    next / bareNext,
    1.3,
    'x',
  );
  const counts = median(dueQueue.countsFor);
  const bareCounts = median(dueQueue.bareCounts);
  report.add({ figure: 'due queue: remaining counts (countsFor vs bare capped index counts)', value: ms(counts), baseline: ms(bareCounts), ratio: times(counts / bareCounts) });
  report.add({ figure: 'Undo check on study start (hasReviews)', value: ms(median(dueQueue.undoCheck)) });

  const graded = study.gradeToFrameMs.length;
  const gradeFrame = summarize(study.gradeToFrameMs);
  const gradeDom = summarize(study.gradeToDomMs);
  const reveal = summarize(study.revealToFrameMs);
  const gradeNote = study.stoppedByBudget ? `, stopped by the time budget after ${graded} of ${study.requested}` : '';
  report.addTarget(
    { figure: `grade to next card painted (median / p95 over ${graded} grades${gradeNote})`, value: `${round(gradeFrame.median)} / ${ms(gradeFrame.p95)}`, target: 'p95 <= 16 ms' },
    gradeFrame.p95,
    16,
    'ms',
  );
  report.add({ figure: '  grade to next card in the DOM (median / p95)', value: `${round(gradeDom.median)} / ${ms(gradeDom.p95)}` });
  report.add({ figure: '  Space to answer side painted (median / p95)', value: `${round(reveal.median)} / ${ms(reveal.p95)}` });
  const background = summarize(study.backgroundMs);
  report.add({ figure: '  storage work after the next card is shown (median / p95)', value: `${round(background.median)} / ${ms(background.p95)}` });

  const cold = median(coldStart.appMs);
  const blankPage = median(coldStart.blankMs);
  report.add({ figure: `cold start to first card interactive (median of ${coldStart.appMs.length}, vs blank page)`, value: ms(cold), baseline: ms(blankPage), ratio: times(cold / blankPage) });

  report.addTarget({ figure: 'initial JavaScript, gzip', value: kb(sizes.initialJsGzipBytes), target: '<= 60 kB' }, sizes.initialJsGzipBytes / 1000, 60, 'kB');
  report.add({ figure: 'initial CSS, gzip', value: kb(sizes.initialCssGzipBytes) });
  report.addTarget(
    { figure: 'importers and charts only in lazy chunks', value: sizes.eagerHeavyGroups.length === 0 ? 'yes' : `no: ${sizes.eagerHeavyGroups.join(', ')}`, target: 'none eager' },
    sizes.eagerHeavyGroups.length,
    0,
    'eager groups',
  );
}

/** Formats rows as a fixed-width table for the terminal. */
export function formatTable(rows: readonly Row[]): string {
  const header: Record<keyof Row, string> = { figure: 'Figure', value: 'Layerdeck', baseline: 'Baseline', ratio: 'Ratio', target: 'Target', result: 'Result' };
  const all: Record<keyof Row, string>[] = [header, ...rows];
  const columns: (keyof Row)[] = ['figure', 'value', 'baseline', 'ratio', 'target', 'result'];
  const widths = columns.map((column) => Math.max(...all.map((row) => row[column].length)));
  const line = (row: Record<keyof Row, string>) => columns.map((column, index) => row[column].padEnd(widths[index]!)).join('  ').trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** Formats rows as a Markdown table. */
export function formatMarkdownTable(rows: readonly Row[]): string {
  const cell = (text: string) => text.trim().replaceAll('|', '\\|');
  return [
    '| Figure | Layerdeck | Baseline | Ratio | Target | Result |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${cell(row.figure)} | ${cell(row.value)} | ${cell(row.baseline)} | ${cell(row.ratio)} | ${cell(row.target)} | ${row.result} |`),
  ].join('\n');
}

/** Medians of each read of one study step, from the bench page: where grade-to-next-card spends its time. */
export function stepBreakdownLines(browser: BrowserResult): string[] {
  const steps = browser.studySteps;
  const line = (label: string, samples: readonly number[]) => `- ${label}: ${samples.length > 0 ? ms(median(samples)) : 'not measured'}`;
  return [
    line('Repository.grade (one transaction: read schedule, write schedule, add review)', steps.grade),
    line('Repository.preset (deck options)', steps.preset),
    line('Repository.nextItem', steps.nextItem),
    line('  held items read alone', steps.holds),
    line('  the four queue queries alone, in one transaction', steps.queueQueries),
    line('  card content get alone', steps.cardGet),
    line('Repository.countsFor, after the card is shown', steps.countsFor),
  ];
}
