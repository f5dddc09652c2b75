/**
 * A paged list of mentions (the inbox, all mentions, or one crisis's), newest first, with the
 * bulk actions: create a crisis from the selection, move it, delete it (with undo).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../core/i18n';
import type {
  AppErrorData,
  CrisisSummary,
  MentionScope,
  TimeCursor,
} from '../core/messaging/protocol';
import { mentionLabel } from '../core/model/mention';
import { LEVELS, type Level, type Mention } from '../core/model/types';
import { ask } from '../ui/background';
import { ErrorMessage, LiveRegion, LoadMore, Toast } from '../ui/components';
import { levelName } from '../ui/format';
import { EditForm } from '../ui/edit-form';
import { MentionRow } from './mention-row';

const PAGE = 50;

function CreateCrisisForm(props: {
  first: Mention | undefined;
  onCreate: (title: string, level: Level) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(() =>
    props.first ? mentionLabel(props.first).slice(0, 80) : '',
  );
  const [level, setLevel] = useState<Level>(2);
  return (
    <EditForm
      onSubmit={() => props.onCreate(title, level)}
      onCancel={props.onCancel}
      submitTestId="log-create-crisis-confirm"
      submitLabel={t('logCreateCrisis')}
    >
      <label class="wide">
        {t('logCrisisTitle')}
        <input
          type="text"
          value={title}
          required
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </label>
      <label>
        {t('levelLabel')}
        <select
          value={String(level)}
          onChange={(e) => setLevel(Number(e.currentTarget.value) as Level)}
        >
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {l} · {levelName(l)}
            </option>
          ))}
        </select>
      </label>
    </EditForm>
  );
}

export function MentionList(props: { scope: MentionScope; onChanged: () => void }) {
  const { scope, onChanged } = props;
  const [items, setItems] = useState<Mention[]>([]);
  const [total, setTotal] = useState(0);
  const [next, setNext] = useState<TimeCursor | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [crises, setCrises] = useState<CrisisSummary[]>([]);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [creating, setCreating] = useState(false);
  const [moveTo, setMoveTo] = useState('');
  const [undo, setUndo] = useState<{ token: string; count: number } | null>(null);
  const scopeKey = JSON.stringify(scope);
  const closeUndo = useCallback(() => setUndo(null), []);

  const load = useCallback(
    async (after: TimeCursor | null) => {
      const [page, open] = await Promise.all([
        ask('listMentions', { scope, limit: PAGE, after }),
        ask('listCrises', { state: 'open', limit: 50, after: null }),
      ]);
      setLoaded(true);
      if (!page.ok) return setError(page.error);
      setError(null);
      setItems((current) => (after ? [...current, ...page.value.items] : page.value.items));
      setTotal(page.value.total);
      setNext(page.value.next);
      if (open.ok) setCrises(open.value.items);
    },
    // scopeKey stands for scope: a new object with the same content is the same list.
    [scopeKey],
  );

  const reload = useCallback(async () => {
    setSelected(new Set());
    await load(null);
    onChanged();
  }, [load, onChanged]);

  useEffect(() => {
    setLoaded(false);
    setSelected(new Set());
    void load(null);
  }, [load]);

  useEffect(() => {
    if (loaded) document.body.dataset.ready = 'true';
  }, [loaded]);

  const ids = [...selected];
  /** The crisis a row names: its title when it is open, a plain link when it is closed. */
  const crisisOf = (id: string | null) =>
    id && scope.in !== 'crisis'
      ? { id, title: crises.find((c) => c.id === id)?.title ?? null }
      : null;

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

  const remove = async () => {
    const done = await act(ask('deleteMentions', { ids }));
    if (done) {
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
    if (await act(ask('createCrisis', { title, level, mentionIds: ids }))) {
      setCreating(false);
      await reload();
    }
  };

  const move = async () => {
    if (!moveTo) return;
    const crisisId = moveTo === 'inbox' ? null : moveTo;
    if (await act(ask('moveMentions', { ids, crisisId }))) {
      setMoveTo('');
      await reload();
    }
  };

  const allSelected = items.length > 0 && items.every((m) => selected.has(m.id));
  return (
    <div>
      <div class="toolbar" role="toolbar" aria-label={t('logBulkActions')}>
        <label>
          <input
            type="checkbox"
            checked={allSelected}
            disabled={items.length === 0}
            onChange={(e) =>
              setSelected(e.currentTarget.checked ? new Set(items.map((m) => m.id)) : new Set())
            }
          />{' '}
          {t('logSelectAll')}
        </label>
        <span class="muted small">{t('logSelectedCount', String(selected.size))}</span>
        <button
          type="button"
          class="button"
          data-testid="log-create-crisis"
          disabled={ids.length === 0}
          onClick={() => setCreating(true)}
        >
          {t('logCreateCrisisFromSelection')}
        </button>
        <label>
          <span class="visually-hidden">{t('logMoveTo')}</span>
          <select
            value={moveTo}
            disabled={ids.length === 0}
            onChange={(e) => setMoveTo(e.currentTarget.value)}
          >
            <option value="">{t('logMoveTo')}</option>
            {scope.in !== 'inbox' && <option value="inbox">{t('navInbox')}</option>}
            {crises
              .filter((c) => scope.in !== 'crisis' || c.id !== scope.crisisId)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
          </select>
        </label>
        <button
          type="button"
          class="button"
          data-testid="log-move"
          disabled={!moveTo || ids.length === 0}
          onClick={() => void move()}
        >
          {t('logMove')}
        </button>
        <button
          type="button"
          class="button danger"
          data-testid="log-mention-delete"
          disabled={ids.length === 0}
          onClick={() => void remove()}
        >
          {t('logDelete')}
        </button>
      </div>
      {creating && (
        <CreateCrisisForm
          first={items.find((m) => selected.has(m.id))}
          onCreate={(title, level) => void create(title, level)}
          onCancel={() => setCreating(false)}
        />
      )}
      <ErrorMessage error={error} />
      <p class="muted small" aria-live="polite">
        {loaded ? t('logShowing', [String(items.length), String(total)]) : t('loading')}
      </p>
      {loaded && !error && items.length === 0 && (
        <p class="status">{scope.in === 'crisis' ? t('logEmptyCrisis') : t('logEmpty')}</p>
      )}
      <ul class="rows">
        {items.map((m) => (
          <MentionRow
            key={m.id}
            mention={m}
            crisis={crisisOf(m.crisisId)}
            selected={selected.has(m.id)}
            onSelect={(on) => {
              const nextSet = new Set(selected);
              if (on) nextSet.add(m.id);
              else nextSet.delete(m.id);
              setSelected(nextSet);
            }}
            onSave={async (patch) => {
              const updated = await act(ask('updateMention', { id: m.id, patch }));
              if (updated) setItems((list) => list.map((x) => (x.id === updated.id ? updated : x)));
              if (updated) onChanged();
              return updated !== null;
            }}
          />
        ))}
      </ul>
      {next && <LoadMore onClick={() => void load(next)} />}
      <LiveRegion>
        {undo && (
          <Toast
            onClose={closeUndo}
            action={{ label: t('undo'), run: () => void restore(), testid: 'log-undo' }}
          >
            {t('logDeleted', String(undo.count))}
          </Toast>
        )}
      </LiveRegion>
    </div>
  );
}
