import { EXPANSION_MARK } from './tokenize';

const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\/|^git@/i;

/**
 * Resolves a path typed in a command against the working directory of the chain, so `.`,
 * `./` and `app/../.` compare equal. URLs, `-` (stdin) and paths with shell expansions are kept.
 */
export function normalizePath(path: string, cwd: string): string {
  if (path === '-' || path === '' || URL_LIKE.test(path) || path.includes(EXPANSION_MARK) || path.startsWith('~')) return path;
  const absolute = path.startsWith('/');
  const joined = absolute || cwd === '.' ? path : `${cwd}/${path}`;
  return joinSegments(joined.startsWith('/'), joined.split('/'));
}

function joinSegments(absolute: boolean, segments: readonly string[]): string {
  const kept: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && kept.length > 0 && kept[kept.length - 1] !== '..') kept.pop();
    else if (segment === '..' && absolute) continue;
    else kept.push(segment);
  }
  if (absolute) return `/${kept.join('/')}`;
  return kept.length === 0 ? '.' : kept.join('/');
}

/** Joins a directory and a file name, then normalizes the result. */
export function joinPath(directory: string, name: string): string {
  return normalizePath(directory === '.' ? name : `${directory}/${name}`, '.');
}

/** The directory part of a normalized path, `.` for a bare file name. */
export function directoryOf(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash === -1) return '.';
  return slash === 0 ? '/' : path.slice(0, slash);
}
