/**
 * What every form of the settings screen shares: its save call, the bar that says "Saved"
 * (announced) or what went wrong, the unsaved-edits signal to its section, and the focus moved
 * once the next render has drawn its target.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useLayoutEffect, useState } from 'preact/hooks';
import { t } from '../../core/i18n';
import type { AppErrorData } from '../../core/messaging/protocol';
import type { Settings } from '../../core/model/types';
import { ask } from '../../ui/background';
import { ErrorMessage, LiveRegion } from '../../ui/components';

/** Called with the settings as saved. */
export type Saved = (settings: Settings) => void;

/**
 * What a section of the screen is told of its form: edited (there are unsaved edits) or saved.
 * The section holds the unsaved-edits guard; its forms need not each keep one.
 */
export const SectionDraft = createContext({ edited: () => {}, saved: () => {} });

/** One section's save: the patch goes to the background, the answer says it was kept. */
export function useSectionSave(onSaved: Saved) {
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
export function useFocusLater() {
  const [target, setTarget] = useState<string | null>(null);
  useLayoutEffect(() => {
    if (!target) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}

/**
 * A list of the settings edited in place, one entry at a time (or a new one added below): the
 * entry being edited ('new' while one is added), and the save of an entry kept or removed, the
 * focus going back to its Edit button or to `<prefix>-add`.
 */
export function useEntryList<K extends 'stakeholders' | 'watchlist'>(
  settings: Settings,
  field: K,
  prefix: string,
  save: (patch: Partial<Settings>, said?: string) => Promise<boolean>,
) {
  type Entry = Settings[K][number];
  const list: readonly Entry[] = settings[field];
  const [editing, setEditing] = useState<string | null>(null);
  const focusLater = useFocusLater();
  const close = (focus: string) => {
    setEditing(null);
    focusLater(focus);
  };
  const keep = async (entry: Entry) => {
    const known = list.some((e) => e.id === entry.id);
    const next = known ? list.map((e) => (e.id === entry.id ? entry : e)) : [...list, entry];
    if (await save({ [field]: next }))
      close(known ? `${prefix}-${entry.id}-edit` : `${prefix}-add`);
  };
  const remove = async (entry: Entry, said: string) => {
    const next = list.filter((e) => e.id !== entry.id);
    if (await save({ [field]: next }, said)) focusLater(`${prefix}-add`);
  };
  return { editing, setEditing, close, keep, remove };
}
