import { describe, expect, it } from 'vitest';
import { EXPANSION_MARK, tokenizeShell } from '../../../src/domain/grading/command/tokenize';

function words(text: string): string[][] {
  const result = tokenizeShell(text);
  if (!result.ok) throw new Error(result.message);
  return result.list.commands.map((command) => command.words.map((word) => word.value));
}

describe('shell tokenizer', () => {
  it('removes quotes', () => {
    expect(words(`echo 'a b' "c d" e\\ f`)).toEqual([['echo', 'a b', 'c d', 'e f']]);
  });

  it('joins adjacent quoted parts', () => {
    expect(words(`--from-file=".dockerconfigjson"='x y'`)).toEqual([['--from-file=.dockerconfigjson=x y']]);
  });

  it('marks live expansions only', () => {
    expect(words(`echo "$HOME" '$HOME'`)).toEqual([['echo', `${EXPANSION_MARK}$HOME`, '$HOME']]);
  });

  it('splits list operators', () => {
    const result = tokenizeShell('a && b; c\nd | e || f');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.list.operators).toEqual(['&&', ';', '\n', '|', '||']);
  });

  it('keeps redirections apart', () => {
    const result = tokenizeShell('kubectl get po > out.yaml 2>&1 < in');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.list.commands[0]!.redirections).toEqual([
      { fd: 1, operator: '>', target: 'out.yaml' },
      { fd: 2, operator: '>&', target: '1' },
      { fd: 0, operator: '<', target: 'in' },
    ]);
  });

  it('reads a here-document', () => {
    const result = tokenizeShell('kubectl apply -f - <<EOF\nkind: Pod\nEOF\necho done');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.list.commands[0]!.redirections[0]?.body).toBe('kind: Pod');
    expect(result.list.commands.length).toBe(2);
  });

  it('joins continued lines', () => {
    expect(words('docker build \\\n  -t a .')).toEqual([['docker', 'build', '-t', 'a', '.']]);
  });

  it('keeps command substitution whole', () => {
    expect(words('docker rmi $(docker images -q)')).toEqual([['docker', 'rmi', `${EXPANSION_MARK}$(docker images -q)`]]);
  });

  it('skips comments', () => {
    expect(words('docker images # list them')).toEqual([['docker', 'images']]);
  });

  it('rejects an open quote', () => {
    expect(tokenizeShell('echo "a').ok).toBe(false);
  });

  it('rejects a dangling &&', () => {
    expect(tokenizeShell('docker build . &&').ok).toBe(false);
  });

  it('allows && before a line break', () => {
    expect(words('docker build . &&\ndocker push a')).toEqual([['docker', 'build', '.'], ['docker', 'push', 'a']]);
  });
});
