/**
 * `npm run bench`: measures Layerdeck against the raw libraries in one run, prints a table with
 * each target's pass or miss, writes bench/results.json and the results section of bench/README.md.
 *
 * Options: `--node` or `--browser` runs one side only. `--quick` runs at a tenth of the sizes for a
 * smoke test and writes no files, because the targets are set for the full sizes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runBrowserBenches } from './browser/run-browser';
import type { BrowserResult, BrowserSettings } from './browser/run-browser';
import { runNodeBenches } from './node/run-node';
import type { NodeResult, NodeSettings } from './node/run-node';
import { addBrowserRows, addNodeRows, formatMarkdownTable, formatTable, Report, stepBreakdownLines } from './report';

const BENCH_DIR = import.meta.dirname;
const RESULTS_FILE = join(BENCH_DIR, 'results.json');
const README_FILE = join(BENCH_DIR, 'README.md');
const RESULTS_START = '<!-- bench-results:start -->';
const RESULTS_END = '<!-- bench-results:end -->';

/** The sizes the targets are set for, with repetition counts chosen so a full run stays under ten minutes on two cores. */
const FULL: { node: NodeSettings; browser: BrowserSettings } = {
  node: {
    gradingRounds: 20,
    variantsPerRun: 10_000,
    generationRuns: 5,
    schedulingItems: 500,
    schedulingReviewsPerItem: 20,
    schedulingRounds: 5,
    queueItems: 100_000,
    queueReviews: 1_000_000,
    queueRepetitions: 10,
  },
  browser: {
    cards: 100_000,
    reviews: 1_000_000,
    reviewChunk: 100_000,
    dueQueueRepetitions: { next: 20, counts: 10, undoCheck: 10 },
    stepBreakdownGrades: 8,
    grades: 200,
    gradeBudgetMs: 180_000,
    coldStarts: 5,
  },
};

const QUICK: typeof FULL = {
  node: { ...FULL.node, gradingRounds: 3, generationRuns: 2, schedulingItems: 100, schedulingRounds: 2, queueItems: 10_000, queueReviews: 100_000, queueRepetitions: 3 },
  browser: { cards: 10_000, reviews: 100_000, reviewChunk: 50_000, dueQueueRepetitions: { next: 5, counts: 3, undoCheck: 3 }, stepBreakdownGrades: 5, grades: 20, gradeBudgetMs: 60_000, coldStarts: 3 },
};

interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly os: string;
  readonly node: string;
  chromium?: string;
  /** The 1-minute load average when the run started and ended: other work on the machine slows every figure. */
  readonly loadAverageStart: number;
  loadAverageEnd?: number;
}

function describeMachine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1e9),
    os: `${process.platform} ${release()}`,
    node: process.version,
    loadAverageStart: Number(loadavg()[0]!.toFixed(1)),
  };
}

function machineLine(machine: Machine): string {
  const load = `load average ${machine.loadAverageStart} at the start, ${machine.loadAverageEnd ?? '?'} at the end`;
  return `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}, Chromium ${machine.chromium ?? 'not run'}; ${load}`;
}

function lazyChunkLines(browser: BrowserResult): string[] {
  return browser.sizes.lazyChunks.map((chunk) => `- ${chunk.file}: ${(chunk.gzipBytes / 1000).toFixed(1)} kB gzip`);
}

function updateReadme(markdown: string): void {
  const readme = readFileSync(README_FILE, 'utf8');
  const start = readme.indexOf(RESULTS_START);
  const end = readme.indexOf(RESULTS_END);
  if (start < 0 || end < start) {
    console.warn(`bench/README.md has no ${RESULTS_START} ... ${RESULTS_END} section, so only results.json was written.`);
    return;
  }
  writeFileSync(README_FILE, `${readme.slice(0, start + RESULTS_START.length)}\n${markdown}\n${readme.slice(end)}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { node: { type: 'boolean' }, browser: { type: 'boolean' }, quick: { type: 'boolean' } } });
  const runNode = values.node || !values.browser;
  const runBrowser = values.browser || !values.node;
  const settings = values.quick ? QUICK : FULL;
  const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

  const started = Date.now();
  const machine = describeMachine();
  const report = new Report();
  let node: NodeResult | undefined;
  let browser: BrowserResult | undefined;
  if (runNode) {
    node = runNodeBenches(settings.node, log);
    addNodeRows(report, node);
  }
  if (runBrowser) {
    browser = await runBrowserBenches(settings.browser, log);
    machine.chromium = browser.chromiumVersion;
    addBrowserRows(report, browser);
  }
  machine.loadAverageEnd = Number(loadavg()[0]!.toFixed(1));
  const durationMs = Date.now() - started;

  console.log(`\n${formatTable(report.rows)}\n`);
  if (browser) {
    console.log(`Lazy chunks:\n${lazyChunkLines(browser).join('\n')}\n`);
    console.log(`One study step, read by read (medians):\n${stepBreakdownLines(browser).join('\n')}\n`);
  }
  console.log(`Machine: ${machineLine(machine)}`);
  console.log(`Total bench time: ${(durationMs / 1000).toFixed(0)} s`);
  if (values.quick) {
    console.log('Quick run: no files written.');
    return;
  }

  const results = { generatedAt: new Date().toISOString(), durationMs, machine, settings, targets: report.targets, rows: report.rows, node, browser };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  const sections = [
    `Run of ${results.generatedAt.slice(0, 10)}, ${(durationMs / 1000).toFixed(0)} s in total${runNode && runBrowser ? '' : runNode ? ', Node side only' : ', browser side only'}.`,
    `Machine: ${machineLine(machine)}.`,
    formatMarkdownTable(report.rows),
    ...(browser ? ['Lazy chunks:', lazyChunkLines(browser).join('\n'), 'One study step, read by read (medians):', stepBreakdownLines(browser).join('\n')] : []),
  ];
  updateReadme(sections.join('\n\n'));
  log(`wrote ${RESULTS_FILE}`);
}

await main();
