import { describe, expect, it } from 'vitest';
import type { Deck } from '../../../src/domain/deck/format';
import { exportAnkiText } from '../../../src/domain/import/anki-text-export';
import { convertTextFile, inspectTextFile } from '../../../src/domain/import/text-file';

const deck: Deck = {
  format: 'layerdeck.deck',
  version: 1,
  id: 'demo',
  title: 'Demo deck',
  cards: [
    { id: 'b1', type: 'basic', front: 'What does `docker ps` list?', back: 'Running containers', tags: ['docker cli'] },
    { id: 'b2', type: 'basic', front: 'Tab\there', back: 'Line one<br>"quoted"', format: 'html' },
    { id: 'c1', type: 'cloze', text: '{{c1::FROM}} starts a stage', extra: 'Every Dockerfile has one' },
    { id: 't1', type: 'typed', prompt: 'Base image instruction?', answer: { kind: 'text', expected: ['FROM'] } },
    { id: 'm1', type: 'choice', prompt: 'Pick', options: [{ text: 'a', correct: true }, { text: 'b' }] },
  ],
};

describe('exportAnkiText', () => {
  const { text, skipped } = exportAnkiText(deck);

  it('writes the header lines Anki reads', () => {
    expect(text.split('\n').slice(0, 7)).toEqual([
      '#separator:tab',
      '#html:true',
      '#guid column:1',
      '#notetype column:2',
      '#deck:Demo deck',
      '#tags column:5',
      '#columns:GUID\tNotetype\tFront\tBack\tTags',
    ]);
    expect(skipped).toEqual([]);
  });

  it('converts Markdown to HTML and keeps HTML fields', () => {
    const lines = text.split('\n');
    expect(lines[7]).toBe('b1\tBasic\t<p>What does <code>docker ps</code> list?</p>\t<p>Running containers</p>\tdocker_cli');
    expect(lines[8]).toBe('b2\tBasic\t"Tab\there"\t"Line one<br>""quoted"""\t');
  });

  it('writes cloze, typed and choice cards', () => {
    expect(text).toContain('c1\tCloze\t<p>{{c1::FROM}} starts a stage</p>\t<p>Every Dockerfile has one</p>\t');
    expect(text).toContain('t1\tBasic\t<p>Base image instruction?</p>\t<code>FROM</code>\t');
    expect(text).toContain('m1\tBasic\t<p>Pick</p><ol><li><p>a</p></li><li><p>b</p></li></ol>\t<p>a</p>\t');
  });

  it('reads back into the same card ids and texts', () => {
    const preview = inspectTextFile(text);
    expect(preview.separator).toBe('\t');
    expect(preview.roles).toEqual(['ignore', 'ignore', 'front', 'back', 'tags']);
    const outcome = convertTextFile('demo.txt', text, { separator: preview.separator, roles: [...preview.roles] });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.value.deck.title).toBe('Demo deck');
    expect(outcome.value.deck.cards.map((card) => [card.id, card.type])).toEqual([
      ['b1', 'basic'],
      ['b2', 'basic'],
      ['c1', 'cloze'],
      ['t1', 'basic'],
      ['m1', 'basic'],
    ]);
    expect(outcome.value.deck.cards[1]).toMatchObject({ front: 'Tab\there', back: 'Line one<br>"quoted"', format: 'html' });
  });
});
