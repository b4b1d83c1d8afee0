/**
 * Path-based routes: `/` is the deck list, `/<page>` an app page, and `/<page>/<deck id>` a page
 * about one deck, such as `/study/dockerfile-instructions`.
 */
export const APP_PAGES = ['settings', 'import'] as const;
export const DECK_PAGES = ['study', 'options'] as const;

export type AppPage = (typeof APP_PAGES)[number];
export type DeckPage = (typeof DECK_PAGES)[number];
export type Route = { name: 'decks' } | { name: AppPage } | { name: DeckPage; deckId: string };

export function parseRoute(pathname: string): Route {
  const [first, second, ...rest] = pathname.split('/').filter((part) => part !== '');
  if (rest.length > 0 || first === undefined) return { name: 'decks' };
  if (second === undefined && (APP_PAGES as readonly string[]).includes(first)) return { name: first as AppPage };
  if (second !== undefined && (DECK_PAGES as readonly string[]).includes(first)) {
    return { name: first as DeckPage, deckId: decodeURIComponent(second) };
  }
  return { name: 'decks' };
}

export function routePath(route: Route): string {
  if (route.name === 'decks') return '/';
  if ('deckId' in route) return `/${route.name}/${encodeURIComponent(route.deckId)}`;
  return `/${route.name}`;
}

export class Router {
  route = $state<Route>(parseRoute(location.pathname));

  constructor() {
    addEventListener('popstate', () => {
      this.route = parseRoute(location.pathname);
    });
  }

  go(route: Route): void {
    const path = routePath(route);
    if (path !== location.pathname) history.pushState(null, '', path);
    this.route = route;
  }
}
