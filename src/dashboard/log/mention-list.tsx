/**
 * A paged list of mentions (the inbox, all mentions, or one crisis's), newest first, with the
 * search and filters of the route's query, and the bulk actions: create a crisis from the
 * selection, move it, tag it, delete it (with undo).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, tn } from '../../core/i18n';
import type {
  AppErrorData,
  CrisisSummary,
  MentionPatch,
  MentionScope,
} from '../../core/messaging/protocol';
import type { Level } from '../../core/model/types';
import { ask } from '../../ui/background';
import { ErrorMessage, LiveRegion, LoadMore, Toast } from '../../ui/components';
import { formatCount } from '../../ui/format';
import { replaceRouteParams, type RouteParams } from '../../ui/use-hash-route';
import { MentionFilterBar, type ParamsPatch } from '../filter-bar';
import { isFiltered, MENTION_PARAMS, mentionQuery } from '../list-filters';
import { BulkToolbar } from './bulk-toolbar';
import { CreateCrisisForm } from './create-crisis-form';
import { MentionRow } from './mention-row';
import { PAGE, useMentionPages } from './use-mention-pages';

/** Distinct values, at most `max`, for a field's suggestions. */
const distinct = (values: Iterable<string>, max = 50) => [...new Set(values)].slice(0, max);

export function MentionList(props: {
  scope: MentionScope;
  onChanged: () => void;
  /** The route's query: given, the list shows the filter bar and follows its filters. */
  params?: RouteParams;
}) {
  const { onChanged, params } = props;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [crises, setCrises] = useState<CrisisSummary[]>([]);
  const [crisesKnown, setCrisesKnown] = useState(false);
  const crisesAsked = useRef(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [creating, setCreating] = useState(false);
  const [undo, setUndo] = useState<{ token: string; count: number } | null>(null);
  const [notice, setNotice] = useState('');
  // scopeKey and filterKey stand for scope and filter: a new object with the same content is
  // the same list.
  const scopeKey = JSON.stringify(props.scope);
  const paramsKey = JSON.stringify(params ?? {});
  const { scope, filter } = useMemo(
    () => mentionQuery(props.scope, params ?? {}),
    [scopeKey, paramsKey],
  );
  const filterKey = JSON.stringify([scope, filter]);
  const filtered = params !== undefined && isFiltered(params, MENTION_PARAMS);
  const closeUndo = useCallback(() => setUndo(null), []);
  const closeNotice = useCallback(() => setNotice(''), []);

  const { items, setItems, total, next, loaded, setLoaded, painted, load } = useMentionPages(
    scope,
    filter,
    filterKey,
    setError,
  );

  // The open crises: named on the rows, offered to move into and to filter by. Read once the
  // first page is shown (the database answers one request at a time: the page comes first),
  // and again after an action, not at every search.
  const loadCrises = useCallback(async () => {
    const reply = await ask('listCrises', { state: 'open', limit: 50, after: null });
    if (reply.ok) setCrises(reply.value.items);
    setCrisesKnown(true);
  }, []);

  useEffect(() => {
    if (loaded && !crisesAsked.current) {
      crisesAsked.current = true;
      void loadCrises();
    }
  }, [loaded, loadCrises]);

  const reload = useCallback(async () => {
    setSelected(new Set());
    await Promise.all([load(null), loadCrises()]);
    onChanged();
  }, [load, loadCrises, onChanged]);

  useEffect(() => {
    setLoaded(false);
    setSelected(new Set());
    void load(null);
  }, [load]);

  // A flag made elsewhere (the menu, the popup in another tab) is listed when the log comes
  // back into view: the first page is read again, unless the user is in the middle of
  // something here (a selection, a crisis being named, further pages read).
  const quiet = selected.size === 0 && !creating && items.length <= PAGE;
  const quietNow = useRef(quiet);
  quietNow.current = quiet;
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible' && quietNow.current) void load(null);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [load]);

  useLayoutEffect(() => {
    if (!loaded) return;
    // For `npm run bench` (log_first_page_ms, log_search_ms): when a page was painted.
    performance.mark('vigie-list');
  }, [loaded, painted]);

  useEffect(() => {
    if (loaded && crisesKnown) document.body.dataset.ready = 'true';
  }, [loaded, crisesKnown]);

  // The latest query, for a field whose typing pause ends after another filter changed.
  const latest = useRef(params ?? {});
  latest.current = params ?? {};
  const changeParams = (patch: ParamsPatch) => {
    const merged: Record<string, string> = { ...latest.current };
    for (const [key, value] of Object.entries(patch)) merged[key] = value ?? '';
    replaceRouteParams(merged);
  };

  const ids = [...selected];
  /** A call's value, or null with its error shown. */
  const act = async <T,>(
    call: Promise<{ ok: true; value: T } | { ok: false; error: AppErrorData }>,
  ) => {
    const reply = await call;
    if (!reply.ok) {
      setError(reply.error);
      return null;
    }
    return reply.value;
  };
  // The rows' callbacks, the same at every drawing of the list (see MentionRow).
  const select = useCallback((id: string, on: boolean) => {
    setSelected((current) => {
      const nextSet = new Set(current);
      if (on) nextSet.add(id);
      else nextSet.delete(id);
      return nextSet;
    });
  }, []);
  const save = useCallback(
    async (id: string, patch: MentionPatch) => {
      const updated = await act(ask('updateMention', { id, patch }));
      if (!updated) return false;
      setItems((list) => list.map((x) => (x.id === updated.id ? updated : x)));
      onChanged();
      return true;
    },
    [onChanged],
  );
  /**
   * The crisis a row names: its title when it is open, a plain link when it is closed; nothing
   * until the open crises are known.
   */
  const crisisOf = (id: string | null) =>
    id && scope.in !== 'crisis' && crisesKnown
      ? { id, title: crises.find((c) => c.id === id)?.title ?? null }
      : null;

  const remove = async () => {
    const done = await act(ask('deleteMentions', { ids }));
    if (done) {
      setNotice(done.notDeleted > 0 ? t('logNotDeleted', formatCount(done.notDeleted)) : '');
      setUndo({ token: done.undoToken, count: done.deleted });
      await reload();
    }
  };

  const restore = async () => {
    if (!undo) return;
    setUndo(null);
    if (await act(ask('restoreMentions', { undoToken: undo.token }))) await reload();
  };

  const create = async (title: string, level: Level) => {
    const crisis = await act(ask('createCrisis', { title, level, mentionIds: ids }));
    if (!crisis) return;
    setCreating(false);
    onChanged();
    // The new crisis is where the work goes on: the log opens it, its heading focused.
    location.hash = `#crisis/${crisis.id}`;
  };

  const move = async (to: string): Promise<boolean> => {
    const crisisId = to === 'inbox' ? null : to;
    const done = await act(ask('moveMentions', { ids, crisisId }));
    if (!done) return false;
    const title = crises.find((c) => c.id === crisisId)?.title ?? '';
    setUndo(null);
    // Said where they went: out of sight of this list, they are not lost.
    setNotice(
      crisisId === null
        ? tn('logMovedToInbox', done.moved, formatCount(done.moved))
        : tn('logMovedInto', done.moved, [formatCount(done.moved), title]),
    );
    await reload();
    return true;
  };

  const tag = async (add: string): Promise<boolean> => {
    const done = await act(ask('tagMentions', { ids, add: [add] }));
    if (!done) return false;
    setUndo(null);
    setNotice(tn('filterTagged', done.tagged, [add, formatCount(done.tagged)]));
    await reload();
    return true;
  };

  const shown = (() => {
    if (!loaded) return t('loading');
    if (total !== null)
      return tn('logShowing', items.length, [formatCount(items.length), formatCount(total)]);
    return next
      ? tn('filterShowingMore', items.length, formatCount(items.length))
      : tn('logShowing', items.length, [formatCount(items.length), formatCount(items.length)]);
  })();
  return (
    <div>
      {params && (
        <MentionFilterBar
          params={params}
          onChange={changeParams}
          crises={props.scope.in === 'all' ? crises : null}
          sites={distinct(items.map((m) => m.site).filter(Boolean))}
          tags={distinct(items.flatMap((m) => m.tags))}
        />
      )}
      <BulkToolbar
        items={items}
        selected={selected}
        onSelectAll={(all) => setSelected(all ? new Set(items.map((m) => m.id)) : new Set())}
        moveTargets={crises.filter((c) => scope.in !== 'crisis' || c.id !== scope.crisisId)}
        inboxTarget={scope.in !== 'inbox'}
        onCreate={() => setCreating(true)}
        onMove={move}
        onDelete={() => void remove()}
        onTag={tag}
      />
      {creating && (
        <CreateCrisisForm
          first={items.find((m) => selected.has(m.id))}
          onCreate={(title, level) => void create(title, level)}
          onCancel={() => setCreating(false)}
        />
      )}
      <ErrorMessage error={error} />
      <p class="muted small" aria-live="polite" data-testid="log-shown">
        {shown}
      </p>
      {loaded && !error && items.length === 0 && !next && (
        <p class="status">
          {filtered
            ? t('filterNoMatch')
            : scope.in === 'crisis'
              ? t('logEmptyCrisis')
              : t('logEmpty')}
        </p>
      )}
      <ul class="rows">
        {items.map((m) => {
          const crisis = crisisOf(m.crisisId);
          return (
            <MentionRow
              key={m.id}
              mention={m}
              crisisId={crisis?.id ?? null}
              crisisTitle={crisis?.title ?? null}
              selected={selected.has(m.id)}
              onSelect={select}
              onSave={save}
            />
          );
        })}
      </ul>
      {next && <LoadMore onClick={() => void load(next)} />}
      <LiveRegion>
        {undo && (
          <Toast
            onClose={closeUndo}
            action={{ label: t('undo'), run: () => void restore(), testid: 'log-undo' }}
          >
            {tn('logDeleted', undo.count, formatCount(undo.count))}
            {notice && ` ${notice}`}
          </Toast>
        )}
        {!undo && notice && <Toast onClose={closeNotice}>{notice}</Toast>}
      </LiveRegion>
    </div>
  );
}
