/** Path-based routes: `/` is the deck list and `/study/<deck id>` a study session. */
export type Route = { name: 'decks' } | { name: 'study'; deckId: string };

export function parseRoute(pathname: string): Route {
  const study = /^\/study\/([^/]+)\/?$/.exec(pathname);
  if (study) return { name: 'study', deckId: decodeURIComponent(study[1]!) };
  return { name: 'decks' };
}

export function routePath(route: Route): string {
  return route.name === 'study' ? `/study/${encodeURIComponent(route.deckId)}` : '/';
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
