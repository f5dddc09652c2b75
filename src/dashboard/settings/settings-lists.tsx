/**
 * The settings screen's list editors: the default containment checklist and the stakeholder
 * directory. Also what every section of the screen shares: its save call, and the bar that says
 * "Saved" (announced) or what went wrong.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useLayoutEffect, useState } from 'preact/hooks';
import { builtInChecklistLabel, t } from '../../core/i18n';
import type { AppErrorData } from '../../core/messaging/protocol';
import { newId } from '../../core/model/ids';
import { DEFAULT_CHECKLIST } from '../../core/model/settings';
import type { Settings, Stakeholder } from '../../core/model/types';
import { ask } from '../../ui/background';
import { ErrorMessage, FieldError, LiveRegion } from '../../ui/components';
import { LANGUAGE_NAMES } from '../../ui/format';
import { PersonForm } from '../person-form';
import { roleName } from '../../ui/labels';
import { LIMITS } from '../../core/model/limits';

/**
 * What a section of the screen is told of its form: edited (there are unsaved edits) or saved.
 * The section holds the unsaved-edits guard; its forms need not each keep one.
 */
/** Called with the settings as saved. */
export type Saved = (settings: Settings) => void;

export const SectionDraft = createContext({ edited: () => {}, saved: () => {} });

/** One section's save: the patch goes to the background, the answer says it was kept. */
export function useSectionSave(onSaved: (settings: Settings) => void) {
  const draft = useContext(SectionDraft);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const save = async (patch: Partial<Settings>, said = t('settingsSaved')) => {
    setStatus('');
    setError(null);
    const reply = await ask('updateSettings', { patch });
    if (!reply.ok) {
      setError(reply.error);
      return false;
    }
    onSaved(reply.value);
    setStatus(said);
    draft.saved();
    return true;
  };
  // Called on every edit of the section's form: the last "Saved" no longer holds.
  const clear = () => {
    setStatus('');
    draft.edited();
  };
  return { status, error, save, clear };
}

/** A section's buttons, then its status line and its error. */
export function SaveBar(props: {
  status: string;
  error: AppErrorData | null;
  children?: ComponentChildren;
}) {
  return (
    <>
      <div class="settings-actions">
        {props.children}
        <LiveRegion class="settings-saved">{props.status}</LiveRegion>
      </div>
      <ErrorMessage error={props.error} />
    </>
  );
}

/**
 * Moves the focus to the element with `id` once the next render has put it in the page (a
 * layout effect, so that keys typed at once already go there).
 */
function useFocusLater() {
  const [target, setTarget] = useState<string | null>(null);
  useLayoutEffect(() => {
    if (!target) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}

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

export function ChecklistSection(props: {
  settings: Settings;
  onSaved: (settings: Settings) => void;
}) {
  const [items, setItems] = useState(() => props.settings.checklist.map(toDraft));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { status, error, save, clear } = useSectionSave(props.onSaved);
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
        {items.map((item, i) => {
          const n = String(i + 1);
          const errorId = `checklist-${item.id}-error`;
          return (
            <li key={item.id}>
              <span class="muted settings-number" aria-hidden="true">
                {n}.
              </span>
              <div class="settings-field">
                <input
                  type="text"
                  id={`checklist-${item.id}`}
                  aria-label={t('settingsChecklistItem', n)}
                  aria-invalid={errors[item.id] ? 'true' : undefined}
                  aria-describedby={errors[item.id] ? errorId : undefined}
                  maxLength={LIMITS.name}
                  value={item.label}
                  onInput={(e) => set(item.id, { label: e.currentTarget.value })}
                />
                <FieldError id={errorId} text={errors[item.id]} />
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
                    onClick={() => move(i, i - 1, 'up')}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    class="button"
                    id={`checklist-${item.id}-down`}
                    aria-label={t('settingsChecklistDown', n)}
                    disabled={i === items.length - 1}
                    onClick={() => move(i, i + 1, 'down')}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    class="button link"
                    aria-label={t('settingsChecklistRemove', n)}
                    onClick={() => remove(i)}
                  >
                    {t('settingsRemove')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
      <p>
        <button
          type="button"
          class="button"
          id="checklist-add"
          onClick={() => {
            const item = { id: newId(), label: '', temporary: false };
            setItems((all) => [...all, item]);
            clear();
            focusLater(`checklist-${item.id}`);
          }}
        >
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

export function DirectorySection(props: {
  settings: Settings;
  onSaved: (settings: Settings) => void;
}) {
  const people = props.settings.stakeholders;
  // The person being edited, or 'new' while one is being added.
  const [editing, setEditing] = useState<string | null>(null);
  const { status, error, save } = useSectionSave(props.onSaved);
  const focusLater = useFocusLater();
  const close = (focus: string) => {
    setEditing(null);
    focusLater(focus);
  };
  const keep = async (person: Stakeholder) => {
    const known = people.some((p) => p.id === person.id);
    const next = known ? people.map((p) => (p.id === person.id ? person : p)) : [...people, person];
    if (await save({ stakeholders: next }))
      close(known ? `person-${person.id}-edit` : 'person-add');
  };
  const remove = async (person: Stakeholder) => {
    const next = people.filter((p) => p.id !== person.id);
    if (await save({ stakeholders: next }, t('settingsDirectoryRemoved', person.name))) {
      focusLater('person-add');
    }
  };

  return (
    <div class="settings-form" data-testid="settings-directory">
      {people.length === 0 && <p class="muted small">{t('settingsDirectoryEmpty')}</p>}
      {people.length > 0 && (
        <ul class="rows settings-people">
          {people.map((p) =>
            editing === p.id ? (
              <li key={p.id}>
                <PersonForm
                  submitTestId="settings-person-save"
                  person={p}
                  onSave={(person) => void keep(person)}
                  onCancel={() => close(`person-${p.id}-edit`)}
                />
              </li>
            ) : (
              <li key={p.id} class="row" data-testid="settings-person">
                <div>
                  <strong>{p.name}</strong>{' '}
                  {p.key && <span class="chip level-3">{t('informKey')}</span>}
                  <div class="meta small muted">
                    <span>{roleName(p.role)}</span>
                    {p.lang && <span lang={p.lang}>{LANGUAGE_NAMES[p.lang]}</span>}
                    {p.channel && <span>{p.channel}</span>}
                    {p.contact && <span>{p.contact}</span>}
                  </div>
                </div>
                <div class="meta">
                  <button
                    type="button"
                    class="button"
                    id={`person-${p.id}-edit`}
                    aria-label={t('settingsDirectoryEdit', p.name)}
                    onClick={() => setEditing(p.id)}
                  >
                    {t('logEdit')}
                  </button>
                  <button
                    type="button"
                    class="button link"
                    aria-label={t('informRemove', p.name)}
                    onClick={() => void remove(p)}
                  >
                    {t('settingsRemove')}
                  </button>
                </div>
              </li>
            ),
          )}
        </ul>
      )}
      {editing === 'new' ? (
        <PersonForm
          submitTestId="settings-person-save"
          person={{
            id: newId(),
            name: '',
            role: 'boss',
            channel: '',
            contact: '',
            key: true,
            lang: null,
            greeting: '',
          }}
          onSave={(person) => void keep(person)}
          onCancel={() => close('person-add')}
        />
      ) : (
        <p>
          <button type="button" class="button" id="person-add" onClick={() => setEditing('new')}>
            {t('settingsDirectoryAdd')}
          </button>
        </p>
      )}
      <SaveBar status={status} error={error} />
    </div>
  );
}
