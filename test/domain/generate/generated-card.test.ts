import { describe, expect, it } from 'vitest';
import { deckJsonSchema, formatProblem, parseDeck } from '../../../src/domain/deck/format';
import { lintGeneratedVariants } from '../../../src/domain/generate/lint';
import { renderVariant, variantSeedText } from '../../../src/domain/generate/render';

function deckWith(...cards: unknown[]) {
  return { format: 'layerdeck.deck', version: 1, id: 'images', title: 'Images', cards };
}

function problemsOf(value: unknown): string[] {
  const result = parseDeck(value);
  return result.ok ? [] : result.problems.map(formatProblem);
}

function cardsOf(value: unknown) {
  const result = parseDeck(value);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.deck.cards;
}

describe('generated card parsing', () => {
  it('accepts a template alone', () => {
    expect(cardsOf(deckWith({ id: 'pp', type: 'generated', template: 'pull-policy/default' }))).toEqual([
      { id: 'pp', type: 'generated', template: 'pull-policy/default' },
    ]);
  });

  it('accepts pools and common fields', () => {
    const card = {
      id: 'pp',
      type: 'generated',
      template: 'pull-policy/default',
      pools: { image: ['nginx', 'registry.example.com:5000/team/api'] },
      source: 'https://kubernetes.io/docs/concepts/containers/images/',
      explanation: 'See the defaulting rules.',
      tags: ['pull-policy'],
    };
    expect(cardsOf(deckWith(card))).toEqual([card]);
  });

  it('rejects an unknown template', () => {
    expect(problemsOf(deckWith({ id: 'x', type: 'generated', template: 'pull-policy/nope' }))).toEqual([
      expect.stringMatching(/^cards\[0\]\.template: expected one of "pull-policy\/default", .*got "pull-policy\/nope"$/),
    ]);
  });

  it('rejects a missing template', () => {
    expect(problemsOf(deckWith({ id: 'x', type: 'generated' }))).toEqual([expect.stringMatching(/^cards\[0\]\.template: expected one of .*got nothing$/)]);
  });

  it('rejects a bad pool entry', () => {
    const problems = problemsOf(deckWith({ id: 'x', type: 'generated', template: 'pull-policy/default', pools: { image: ['nginx', 'MyApp:1.0'] } }));
    expect(problems).toEqual(['cards[0].pools.image[1]: expected a valid image reference, got "MyApp:1.0" (the repository name "MyApp" must be lowercase)']);
  });

  it('rejects an unknown parameter', () => {
    const problems = problemsOf(deckWith({ id: 'x', type: 'generated', template: 'pull-policy/default', pools: { images: ['nginx'] } }));
    expect(problems).toEqual([expect.stringMatching(/^cards\[0\]\.pools\.images: is not a known field \(known: image, form\)$/)]);
  });

  it('rejects an empty pool', () => {
    const problems = problemsOf(deckWith({ id: 'x', type: 'generated', template: 'argv/pod', pools: { fields: [] } }));
    expect(problems).toEqual(['cards[0].pools.fields: expected at least 1 item, got 0']);
  });

  it('rejects an unknown form', () => {
    const problems = problemsOf(deckWith({ id: 'x', type: 'generated', template: 'pull-policy/default', pools: { form: ['essay'] } }));
    expect(problems).toEqual([expect.stringMatching(/^cards\[0\]\.pools\.form\[0\]: expected one of "typed", "choice", got "essay"/)]);
  });

  it('rejects a non-string array argv', () => {
    const problems = problemsOf(deckWith({ id: 'x', type: 'generated', template: 'argv/dockerfile', pools: { cmd: ['["sleep", 3600]'] } }));
    expect(problems).toEqual([expect.stringMatching(/^cards\[0\]\.pools\.cmd\[0\]: .*not a string/)]);
  });

  it('rejects an unpredictable container name', () => {
    const problems = problemsOf(deckWith({ id: 'x', type: 'generated', template: 'kubectl/create-fields', pools: { image: ['reg.io/my_app:1'] } }));
    expect(problems).toEqual([expect.stringMatching(/^cards\[0\]\.pools\.image\[0\]: .*random suffix/)]);
  });

  it('rejects an uppercase host for parts', () => {
    const problems = problemsOf(deckWith({ id: 'x', type: 'generated', template: 'image-ref/parts', pools: { image: ['MyReg/app'] } }));
    expect(problems).toEqual([expect.stringMatching(/^cards\[0\]\.pools\.image\[0\]: .*uppercase first component/)]);
  });

  it('schema lists every template', () => {
    const text = JSON.stringify(deckJsonSchema());
    expect(text).toContain('"const":"pull-policy/default"');
    expect(text).toContain('"const":"build-tag-push/buildah"');
  });
});

describe('renderVariant', () => {
  const card = { id: 'pp', template: 'pull-policy/default' };

  it('seed text names deck, card and review', () => {
    expect(variantSeedText('images', 'pp', 3)).toBe('images/pp#3');
  });

  it('same review gives same variant', () => {
    expect(renderVariant('images', card, 3)).toEqual(renderVariant('images', card, 3));
  });

  it('deck id changes the draw', () => {
    const seeds = new Set(Array.from({ length: 20 }, (_, index) => renderVariant(`deck-${index}`, card, 0).rngSeed));
    expect(seeds.size).toBe(20);
  });

  it('records the review number', () => {
    expect(renderVariant('images', card, 41).reviewNumber).toBe(41);
  });

  it('draws only from the given pools', () => {
    for (let review = 0; review < 50; review++) {
      const variant = renderVariant('images', { ...card, pools: { image: ['nginx:1.27', 'nginx'] } }, review);
      expect(['nginx:1.27', 'nginx']).toContain(variant.params.image);
    }
  });

  it('appends the card explanation', () => {
    const variant = renderVariant('images', { ...card, explanation: 'Deck note.' }, 0);
    expect(variant.explanation.endsWith('\n\nDeck note.')).toBe(true);
  });

  it('throws for an unknown template', () => {
    expect(() => renderVariant('images', { id: 'x', template: 'nope' }, 0)).toThrow(/Unknown template "nope"/);
  });
});

describe('lintGeneratedVariants', () => {
  it('passes the default pools', () => {
    const cards = [
      { id: 'a', type: 'generated', template: 'argv/pod' },
      { id: 'b', type: 'basic' },
    ];
    expect(lintGeneratedVariants('images', cards)).toEqual([]);
  });

  it('reports a variant that throws', () => {
    // Pool entries are validated when a deck loads; this one bypasses parseDeck on purpose.
    const cards = [{ id: 'a', type: 'generated', template: 'pull-policy/default', pools: { image: ['MyApp'] } }];
    const problems = lintGeneratedVariants('images', cards, 10);
    expect(problems[0]).toEqual({ path: 'cards[0]', message: expect.stringMatching(/^variant with seed 0 failed to render: /) });
    expect(problems).toHaveLength(6);
    expect(problems[5]?.message).toBe('5 more of its 10 variants fail the same checks');
  });
});
