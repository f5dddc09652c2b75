/**
 * A mention list's pages: the first page (taken from the answer asked for before the log's
 * first render, when there is one, drawn by that render when it has come), the next ones on demand, a filter that matches little read
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
/** The same, once answered: the list's first render then draws it at once. */
const answered = new Map<string, MentionPage>();

/**
 * Asks for a list's first page as the log's code starts, before anything is drawn. The log
 * waits a moment for the answer (main.tsx): answered by then, the list's first render draws
 * its rows and the page is laid out once; answered later, the list takes that answer instead
 * of asking once its first render is done.
 */
export function preloadFirstPage(
  scope: MentionScope,
  params: RouteParams,
): Promise<Result<MentionPage>> {
  const query = mentionQuery(scope, params);
  const args = pageArgs(query.scope, query.filter, PAGE, null);
  const key = JSON.stringify(args);
  const reply = ask('listMentions', args);
  early.set(key, reply);
  void reply.then((page) => {
    // Kept only while nothing else took it: a list already drawn asks afresh.
    if (page.ok && early.get(key) === reply) answered.set(key, page.value);
  });
  return reply;
}

export function useMentionPages(
  scope: MentionScope,
  filter: ReturnType<typeof mentionQuery>['filter'],
  /** Stands for scope and filter: a new object with the same content is the same list. */
  filterKey: string,
  onError: (error: AppErrorData | null) => void,
) {
  // A first page already answered is drawn by the first render: one layout, with the rows.
  const [first] = useState(() => {
    const key = JSON.stringify(pageArgs(scope, filter, PAGE, null));
    const answer = answered.get(key);
    answered.clear();
    // A page that came back short with more to read (a rare filter) is read on by `load`.
    const page = answer && (answer.items.length >= PAGE || !answer.next) ? answer : undefined;
    if (page) early.clear();
    return page;
  });
  const [items, setItems] = useState<Mention[]>(first?.items ?? []);
  const [total, setTotal] = useState<number | null>(first ? first.total : 0);
  const [next, setNext] = useState<TimeCursor | null>(first?.next ?? null);
  const [loaded, setLoaded] = useState(first !== undefined);
  const request = useRef(0);
  /** The first page was drawn from the answer asked early: the first load is not needed. */
  const drawn = useRef(first !== undefined);

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
        // Spent: a list drawn later (the same route, opened again) asks afresh.
        early.clear();
        answered.clear();
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
    if (drawn.current) {
      drawn.current = false;
      return;
    }
    setLoaded(false);
    void load(null);
  }, [load]);

  return { items, setItems, total, next, loaded, load };
}
