/** Small Markdown builders for generated prompts, so literal values never break the markup. */

/** Wraps text in a code span whose fence is longer than any backtick run inside it. */
export function code(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = text.startsWith('`') || text.endsWith('`') || text === '' ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`;
}

/** Returns a fenced code block with an info string such as `dockerfile` or `yaml`. */
export function codeBlock(language: string, lines: readonly string[]): string {
  const body = lines.join('\n');
  const longestRun = Math.max(2, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  return `${fence}${language}\n${body}\n${fence}`;
}
