/**
 * The crisis log's route, kept in the URL's #fragment so that a link (from the popup, a
 * notification) opens the right screen and the browser's back button works. A list's search
 * and filters ride along as a query (`#all?q=refund&tone=negative`), so a view can be bookmarked.
 */
import { useEffect, useState } from 'preact/hooks';

/** The query of the route: each parameter once, as text. */
export type RouteParams = Readonly<Record<string, string>>;

export type Route = (
  | { view: 'inbox' }
  | { view: 'today' }
  | { view: 'all' }
  | { view: 'crises' }
  | { view: 'crisis'; id: string }
  | { view: 'feeds' }
  | { view: 'charts' }
  | { view: 'backup' }
  | { view: 'settings' }
) & { params: RouteParams };

/** Fired when the query changes without a `hashchange` (history.replaceState fires none). */
const PARAMS_CHANGED = 'vigie-route-params';

/** The path and the query of a #fragment. */
function splitHash(hash: string): { path: string; query: string } {
  const rest = hash.replace(/^#\/?/, '');
  const at = rest.indexOf('?');
  return at === -1
    ? { path: rest, query: '' }
    : { path: rest.slice(0, at), query: rest.slice(at + 1) };
}

/** The route a #fragment names; the inbox for anything else. */
export function parseRoute(hash: string): Route {
  const { path, query } = splitHash(hash);
  const params: RouteParams = Object.fromEntries(
    [...new URLSearchParams(query)].filter(([, value]) => value !== ''),
  );
  const simple = ['today', 'all', 'crises', 'feeds', 'charts', 'backup', 'settings'] as const;
  const view = simple.find((name) => name === path);
  if (view) return { view, params };
  const crisis = /^crisis\/([\w-]+)$/.exec(path);
  if (crisis?.[1]) return { view: 'crisis', id: crisis[1], params };
  return { view: 'inbox', params };
}

/** The #fragment of `path` with these parameters (the empty ones left out). */
export function routeHash(path: string, params: RouteParams): string {
  const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== ''));
  const text = query.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

/**
 * Replaces the query of the current route, keeping its path. The history entry is replaced,
 * not added: typing a search is not a trail the back button should walk through.
 */
export function replaceRouteParams(params: RouteParams): void {
  const hash = routeHash(splitHash(location.hash).path || 'inbox', params);
  if (hash === location.hash) return;
  history.replaceState(history.state, '', hash);
  dispatchEvent(new Event(PARAMS_CHANGED));
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    addEventListener(PARAMS_CHANGED, update);
    return () => {
      removeEventListener('hashchange', update);
      removeEventListener(PARAMS_CHANGED, update);
    };
  }, []);
  return route;
}
