import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Deck } from '../../src/domain/deck/format';
import { StudySession } from '../../src/ui/screens/study/study.svelte';
import { freshRepository, source } from '../storage/support';

const NOW = Date.parse('2026-01-15T10:00:00+01:00');
const environment = { now: () => NOW, timeZone: () => 'Europe/Berlin' };

const deck: Deck = {
  format: 'layerdeck.deck',
  version: 1,
  id: 'g',
  title: 'Generated',
  cards: [{ id: 'policy', type: 'generated', template: 'pull-policy/default' }],
};

describe('StudySession with a generated card', () => {
  it('stores the variant of a graded review', async () => {
    const repository = freshRepository();
    await repository.saveDeck(source(deck), 'bundled');
    const faults: unknown[] = [];
    const session = new StudySession(repository, environment, 'g', (error) => faults.push(error));
    await session.start();
    const shown = session.presentation;
    expect(shown?.variant?.template).toBe('pull-policy/default');

    session.typed = shown?.kind === 'typed' ? shown.expected : '';
    if (shown?.kind === 'choice') session.choose(shown.options.findIndex((option) => option.correct));
    else session.reveal();
    await session.grade('good');

    expect(faults).toEqual([]);
    const [review] = await repository.db.reviews.toArray();
    expect(review?.variant).toEqual(shown?.variant);
  });
});
