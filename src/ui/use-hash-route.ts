/**
 * The crisis log's route, kept in the URL's #fragment so that a link (from the popup, a
 * notification) opens the right screen and the browser's back button works.
 */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { view: 'inbox' }
  | { view: 'all' }
  | { view: 'crises' }
  | { view: 'crisis'; id: string }
  | { view: 'charts' }
  | { view: 'backup' }
  | { view: 'settings' };

/** The route a #fragment names; the inbox for anything else. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  if (path === 'all') return { view: 'all' };
  if (path === 'crises') return { view: 'crises' };
  if (path === 'charts') return { view: 'charts' };
  if (path === 'backup') return { view: 'backup' };
  if (path === 'settings') return { view: 'settings' };
  const crisis = /^crisis\/([\w-]+)$/.exec(path);
  if (crisis?.[1]) return { view: 'crisis', id: crisis[1] };
  return { view: 'inbox' };
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
