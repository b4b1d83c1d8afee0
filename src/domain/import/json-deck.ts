/** Layerdeck's own deck files: every validation problem is reported with its keypath. */
import { parseDeckText } from '../deck/format';
import type { ImportOutcome } from './problems';
import { stripBom } from './text-file';

export function convertJsonDeck(fileName: string, text: string): ImportOutcome {
  const result = parseDeckText(stripBom(text));
  if (!result.ok) {
    return {
      ok: false,
      problems: result.problems.map((problem) => ({
        file: fileName,
        location: problem.path,
        message: problem.path === '' && /not valid JSON/.test(problem.message) ? `${problem.message}; open it in an editor that shows JSON errors and fix the syntax` : problem.message,
      })),
    };
  }
  return { ok: true, value: { format: 'layerdeck-json', deck: result.deck, history: [], media: [], warnings: [] } };
}
