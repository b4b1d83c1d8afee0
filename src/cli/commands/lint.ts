import { readFile } from 'node:fs/promises';
import type { Command } from '../command';
import { formatLintProblem, lintDeckText } from '../lint';

const MAX_PROBLEMS_SHOWN = 200;

export const lintCommand: Command = {
  usage: 'lint <deck.json>...',
  summary: "Validate decks and run every card's accept and reject examples; exit status 1 on any problem.",
  async run(files, io) {
    if (files.length === 0) {
      io.stderr.write('layerdeck lint: name at least one deck file, for example: layerdeck lint decks/*.json\n');
      return 2;
    }
    let failed = 0;
    for (const file of files) {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        io.stdout.write(`${file}: ${code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? String(error)})`}\n`);
        failed += 1;
        continue;
      }
      const problems = lintDeckText(file, text);
      if (problems.length > 0) failed += 1;
      // A broken file can hold thousands of problems; the first ones are enough to start fixing it.
      for (const problem of problems.slice(0, MAX_PROBLEMS_SHOWN)) io.stdout.write(`${formatLintProblem(problem)}\n`);
      if (problems.length > MAX_PROBLEMS_SHOWN) io.stdout.write(`${file}: ...and ${problems.length - MAX_PROBLEMS_SHOWN} more problems\n`);
    }
    const decks = (count: number) => `${count} ${count === 1 ? 'deck' : 'decks'}`;
    io.stdout.write(failed === 0 ? `${decks(files.length)} passed.\n` : `${failed} of ${decks(files.length)} failed.\n`);
    return failed === 0 ? 0 : 1;
  },
};
