/**
 * The mention list's bulk actions over the ticked mentions: tick them all, a crisis from them,
 * move them (into the inbox or an open crisis), delete them, tag them.
 */
import { useState } from 'preact/hooks';
import { t, tn } from '../../core/i18n';
import type { CrisisSummary } from '../../core/messaging/protocol';
import type { Mention } from '../../core/model/types';
import { formatCount } from '../../ui/format';

/** Where the ticked mentions go: the inbox or an open crisis, chosen, then moved. */
function MoveControl(props: {
  disabled: boolean;
  inboxTarget: boolean;
  moveTargets: readonly CrisisSummary[];
  onMove: (to: string) => Promise<boolean>;
}) {
  const [moveTo, setMoveTo] = useState('');
  const move = async () => {
    if (moveTo && (await props.onMove(moveTo))) setMoveTo('');
  };
  return (
    <>
      <label>
        <span class="visually-hidden">{t('logMoveTo')}</span>
        <select
          value={moveTo}
          disabled={props.disabled}
          onChange={(e) => setMoveTo(e.currentTarget.value)}
        >
          <option value="">{t('logMoveTo')}</option>
          {props.inboxTarget && <option value="inbox">{t('navInbox')}</option>}
          {props.moveTargets.map((c) => (
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
        disabled={!moveTo || props.disabled}
        onClick={() => void move()}
      >
        {t('logMove')}
      </button>
    </>
  );
}

/** A tag for every ticked mention, typed (the tags in use suggested), then added. */
function TagForm(props: { disabled: boolean; onTag: (tag: string) => Promise<boolean> }) {
  const [tagToAdd, setTagToAdd] = useState('');
  const tag = async () => {
    const add = tagToAdd.trim();
    if (add && (await props.onTag(add))) setTagToAdd('');
  };
  return (
    <form
      class="bulk-tag"
      onSubmit={(e) => {
        e.preventDefault();
        void tag();
      }}
    >
      <label>
        <span class="visually-hidden">{t('filterTagToAdd')}</span>
        <input
          type="text"
          value={tagToAdd}
          list="vigie-filter-tags"
          placeholder={t('filterTagPlaceholder')}
          maxLength={60}
          disabled={props.disabled}
          data-testid="log-tag-input"
          onInput={(e) => setTagToAdd(e.currentTarget.value)}
        />
      </label>
      <button
        type="submit"
        class="button"
        data-testid="log-tag"
        disabled={props.disabled || !tagToAdd.trim()}
      >
        {t('filterAddTag')}
      </button>
    </form>
  );
}

export function BulkToolbar(props: {
  items: readonly Mention[];
  selected: ReadonlySet<string>;
  onSelectAll: (all: boolean) => void;
  /** The open crises the ticked mentions may move into. */
  moveTargets: readonly CrisisSummary[];
  /** Whether the inbox is offered too (not in the inbox's own list). */
  inboxTarget: boolean;
  onCreate: () => void;
  /** Moves the ticked mentions ('inbox' or a crisis's id); true once done. */
  onMove: (to: string) => Promise<boolean>;
  onDelete: () => void;
  /** Adds a tag to the ticked mentions; true once done. */
  onTag: (tag: string) => Promise<boolean>;
}) {
  const { items, selected } = props;
  const count = selected.size;
  const allSelected = items.length > 0 && items.every((m) => selected.has(m.id));

  return (
    <div class="toolbar" role="toolbar" aria-label={t('logBulkActions')}>
      <label>
        <input
          type="checkbox"
          checked={allSelected}
          disabled={items.length === 0}
          onChange={(e) => props.onSelectAll(e.currentTarget.checked)}
        />{' '}
        {t('logSelectAll')}
      </label>
      <span class="muted small">{tn('logSelectedCount', count, formatCount(count))}</span>
      <button
        type="button"
        class="button"
        data-testid="log-create-crisis"
        disabled={count === 0}
        onClick={props.onCreate}
      >
        {t('logCreateCrisisFromSelection')}
      </button>
      <MoveControl
        disabled={count === 0}
        inboxTarget={props.inboxTarget}
        moveTargets={props.moveTargets}
        onMove={props.onMove}
      />
      <button
        type="button"
        class="button danger"
        data-testid="log-mention-delete"
        disabled={count === 0}
        onClick={props.onDelete}
      >
        {t('logDelete')}
      </button>
      <TagForm disabled={count === 0} onTag={props.onTag} />
    </div>
  );
}
