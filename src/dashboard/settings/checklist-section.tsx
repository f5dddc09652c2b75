/**
 * The settings' default containment checklist: its items edited, reordered (the first one,
 * stopping the damage, stays first), removed and added; built-in items follow the UI language
 * until the user changes their text.
 */
import { useState } from 'preact/hooks';
import { builtInChecklistLabel, t } from '../../core/i18n';
import { newId } from '../../core/model/ids';
import { LIMITS } from '../../core/model/limits';
import { DEFAULT_CHECKLIST } from '../../core/model/settings';
import type { Settings } from '../../core/model/types';
import { FieldError } from '../../ui/components';
import { SaveBar, useFocusLater, useSectionSave, type Saved } from './section-form';

const FIRST = 'stop-damage';
// The built-in items' text, in the UI language (their stored label stays empty).
const builtInText = builtInChecklistLabel;

type Item = Settings['checklist'][number];

/** An item as the user edits it: a built-in one shows its text, to edit from. */
const toDraft = (item: Item): Item => ({ ...item, label: item.label || builtInText(item.id) });

/** An item as stored: a built-in one left as it was (or emptied) keeps following the language. */
function toStored(item: Item): Item {
  const label = item.label.trim();
  const builtIn = builtInText(item.id);
  return { ...item, label: builtIn && (!label || label === builtIn) ? '' : label };
}

/** The `i`th item's row: its number, text, whether it is temporary, and its buttons. */
function ChecklistRow(props: {
  list: ReturnType<typeof useChecklist>;
  i: number;
  error: string | undefined;
}) {
  const { list, i, error } = props;
  const { items, pinned, set } = list;
  const item = items[i]!;
  const n = String(i + 1);
  const errorId = `checklist-${item.id}-error`;
  return (
    <li>
      <span class="muted settings-number" aria-hidden="true">
        {n}.
      </span>
      <div class="settings-field">
        <input
          type="text"
          id={`checklist-${item.id}`}
          aria-label={t('settingsChecklistItem', n)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? errorId : undefined}
          maxLength={LIMITS.name}
          value={item.label}
          onInput={(e) => set(item.id, { label: e.currentTarget.value })}
        />
        <FieldError id={errorId} text={error} />
      </div>
      <label class="inline">
        <input
          type="checkbox"
          aria-label={t('settingsChecklistTemporaryOf', n)}
          checked={item.temporary}
          onChange={(e) => set(item.id, { temporary: e.currentTarget.checked })}
        />
        {t('settingsChecklistTemporary')}
      </label>
      {pinned(i) ? (
        <span class="small muted settings-first">{t('settingsChecklistFirst')}</span>
      ) : (
        <span class="settings-item-buttons">
          <button
            type="button"
            class="button"
            id={`checklist-${item.id}-up`}
            aria-label={t('settingsChecklistUp', n)}
            disabled={i === 0 || pinned(i - 1)}
            onClick={() => list.move(i, i - 1, 'up')}
          >
            ↑
          </button>
          <button
            type="button"
            class="button"
            id={`checklist-${item.id}-down`}
            aria-label={t('settingsChecklistDown', n)}
            disabled={i === items.length - 1}
            onClick={() => list.move(i, i + 1, 'down')}
          >
            ↓
          </button>
          <button
            type="button"
            class="button link"
            aria-label={t('settingsChecklistRemove', n)}
            onClick={() => list.remove(i)}
          >
            {t('settingsRemove')}
          </button>
        </span>
      )}
    </li>
  );
}

/** The checklist's items as edited, and what can be done to them (the focus following). */
function useChecklist(settings: Settings, clear: () => void) {
  const [items, setItems] = useState(() => settings.checklist.map(toDraft));
  const focusLater = useFocusLater();
  const pinned = (i: number) => i === 0 && items[0]?.id === FIRST;
  const set = (id: string, patch: Partial<Item>) =>
    setItems((all) => all.map((item) => (item.id === id ? { ...item, ...patch } : item)));
  const move = (from: number, to: number, button: 'up' | 'down') => {
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    setItems(next);
    clear();
    // The focus stays on the button pressed, or on the other one once it is at an end.
    const atEnd =
      button === 'up' ? to === 0 || (to === 1 && next[0]?.id === FIRST) : to === next.length - 1;
    const focus = atEnd ? (button === 'up' ? 'down' : 'up') : button;
    focusLater(`checklist-${item!.id}-${focus}`);
  };
  const remove = (i: number) => {
    setItems(items.filter((_, j) => j !== i));
    clear();
    const next = items[i + 1] ?? items[i - 1];
    focusLater(next ? `checklist-${next.id}` : 'checklist-add');
  };
  const add = () => {
    const item = { id: newId(), label: '', temporary: false };
    setItems((all) => [...all, item]);
    clear();
    focusLater(`checklist-${item.id}`);
  };
  return { items, setItems, focusLater, pinned, set, move, remove, add };
}

export function ChecklistSection(props: { settings: Settings; onSaved: Saved }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { status, error, save, clear } = useSectionSave(props.onSaved);
  const list = useChecklist(props.settings, clear);
  const { items, setItems, focusLater } = list;
  const submit = () => {
    const empty = items.filter((item) => !item.label.trim() && !builtInText(item.id));
    setErrors(Object.fromEntries(empty.map((item) => [item.id, t('settingsChecklistEmptyItem')])));
    if (empty[0]) return focusLater(`checklist-${empty[0].id}`);
    void save({ checklist: items.map(toStored) });
  };
  const reset = async () => {
    setErrors({});
    if (await save({ checklist: DEFAULT_CHECKLIST }, t('settingsChecklistRestored'))) {
      setItems(DEFAULT_CHECKLIST.map(toDraft));
    }
  };

  return (
    <form
      class="settings-form"
      data-testid="settings-checklist"
      onInput={clear}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <ol class="settings-checklist">
        {items.map((item, i) => (
          <ChecklistRow key={item.id} list={list} i={i} error={errors[item.id]} />
        ))}
      </ol>
      <p>
        <button type="button" class="button" id="checklist-add" onClick={list.add}>
          {t('settingsChecklistAdd')}
        </button>
      </p>
      <SaveBar status={status} error={error}>
        <button type="submit" class="button primary" data-testid="settings-checklist-save">
          {t('save')}
        </button>
        <button type="button" class="button" onClick={() => void reset()}>
          {t('settingsChecklistReset')}
        </button>
      </SaveBar>
    </form>
  );
}
