import { describe, expect, it, vi } from 'vitest';

vi.stubGlobal('location', { pathname: '/' });
vi.stubGlobal('addEventListener', () => undefined);
const { parseRoute, routePath } = await import('../../src/ui/app/router.svelte');

describe('parseRoute', () => {
  it.each([
    ['/', { name: 'decks' }],
    ['/study/dockerfile-instructions', { name: 'study', deckId: 'dockerfile-instructions' }],
    ['/study/dockerfile-instructions/', { name: 'study', deckId: 'dockerfile-instructions' }],
    ['/options/a%3Ab', { name: 'options', deckId: 'a:b' }],
    ['/settings', { name: 'settings' }],
    ['/study', { name: 'decks' }],
    ['/settings/extra', { name: 'decks' }],
    ['/unknown/page/here', { name: 'decks' }],
  ])('reads %s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });
});

describe('routePath', () => {
  it('round-trips a deck page with a colon in the id', () => {
    const route = { name: 'options' as const, deckId: 'a:b' };
    expect(parseRoute(routePath(route))).toEqual(route);
  });
});
