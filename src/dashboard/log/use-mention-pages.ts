/**
 * A mention list's pages: the first page (taken from the answer asked for before the log's
 * first render, when there is one), the next ones on demand, a filter that matches little read
 * on a few times to fill a page, and only the latest request painted.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type {
  AppErrorData,
  MentionPage,
  MentionScope,
  Result,
  TimeCursor,
} from '../../core/messaging/protocol';
import type { Mention } from '../../core/model/types';
import { ask } from '../../ui/background';
import type { RouteParams } from '../../ui/use-hash-route';
import { mentionQuery } from '../list-filters';

export const PAGE = 50;

/** Calls one user action may make to fill a page when each comes back short (see MAX_SCAN). */
const MAX_ROUNDS = 4;

/** The arguments of a listMentions call: the same list gives the same JSON. */
function pageArgs(
  scope: MentionScope,
  filter: ReturnType<typeof mentionQuery>['filter'],
  limit: number,
  after: TimeCursor | null,
) {
  return { scope, limit, after, ...(Object.keys(filter).length > 0 ? { filter } : {}) };
}

/** A first page asked before the log's first render, by the JSON of its arguments. */
const early = new Map<string, Promise<Result<MentionPage>>>();

/**
 * Asks for a list's first page as the log's code starts, before anything is drawn: the
 * background reads it while the page renders its frame, and the list takes that answer
 * instead of asking once its first render is done.
 */
export function preloadFirstPage(scope: MentionScope, params: RouteParams): void {
  const query = mentionQuery(scope, params);
  const args = pageArgs(query.scope, query.filter, PAGE, null);
  early.set(JSON.stringify(args), ask('listMentions', args));
}

export function useMentionPages(
  scope: MentionScope,
  filter: ReturnType<typeof mentionQuery>['filter'],
  /** Stands for scope and filter: a new object with the same content is the same list. */
  filterKey: string,
  onError: (error: AppErrorData | null) => void,
) {
  const [items, setItems] = useState<Mention[]>([]);
  const [total, setTotal] = useState<number | null>(0);
  const [next, setNext] = useState<TimeCursor | null>(null);
  const [loaded, setLoaded] = useState(false);
  const request = useRef(0);

  const load = useCallback(
    async (after: TimeCursor | null) => {
      // Only the latest request paints: an earlier search answering late is dropped.
      const mine = ++request.current;
      const found: Mention[] = [];
      let cursor = after;
      let page: Result<MentionPage> | null = null;
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const args = pageArgs(scope, filter, PAGE - found.length, cursor);
        // Only the list's very first request may have been asked early.
        const preloaded = early.get(JSON.stringify(args));
        early.clear();
        page = await (preloaded ?? ask('listMentions', args));
        if (mine !== request.current) return;
        if (!page.ok) break;
        found.push(...page.value.items);
        cursor = page.value.next;
        // A filter that matches little comes back short with a cursor: read on a few times.
        if (found.length >= PAGE || !cursor) break;
      }
      setLoaded(true);
      if (!page?.ok) return onError(page?.error ?? null);
      onError(null);
      setItems((current) => (after ? [...current, ...found] : found));
      setTotal(page.value.total);
      setNext(cursor);
    },
    [filterKey],
  );

  // Another list (its scope or filter changed) starts from its first page.
  useEffect(() => {
    setLoaded(false);
    void load(null);
  }, [load]);

  return { items, setItems, total, next, loaded, load };
}
