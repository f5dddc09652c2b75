/**
 * A crisis's journal, in the order things happened, with the user's own notes ("called the
 * journalist at 15:10") among Vigie's lines. A note is written with the time it happened (now
 * unless changed), and can be edited or removed; the records stay append-only (see
 * `journalLines`).
 */
import { useState } from 'preact/hooks';
import { t } from '../../core/i18n';
import type { CrisisChange } from '../../core/model/crisis-change';
import { newId } from '../../core/model/ids';
import { localDay } from '../../core/model/agenda';
import { journalLines, type JournalLine } from '../../core/model/journal';
import { LIMITS } from '../../core/model/limits';
import type { CrisisEvent } from '../../core/model/types';
import { EditForm } from '../../ui/edit-form';
import { formatDateTime } from '../../ui/format';
import { eventTextBy } from './event-text';

/** A time (ISO, or ms) as the value of a datetime-local field: local, to the minute. */
function localInput(time: string | number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localDay(d.getTime())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

interface Draft {
  noteId: string;
  text: string;
  /** The datetime-local field's value. */
  when: string;
}

function NoteForm(props: { draft: Draft; onSave: (draft: Draft) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState(props.draft);
  const [missing, setMissing] = useState(false);
  return (
    <EditForm
      submitTestId="journal-note-save"
      onCancel={props.onCancel}
      onSubmit={() => {
        if (!draft.text.trim() || Number.isNaN(Date.parse(draft.when))) return setMissing(true);
        props.onSave(draft);
      }}
    >
      <label class="wide">
        {t('journalNoteText')}
        <textarea
          rows={2}
          maxLength={LIMITS.note}
          value={draft.text}
          aria-invalid={missing && !draft.text.trim() ? 'true' : undefined}
          onInput={(e) => setDraft({ ...draft, text: e.currentTarget.value })}
        />
      </label>
      <label>
        {t('journalNoteWhen')}
        <input
          type="datetime-local"
          required
          max={localInput(Date.now())}
          value={draft.when}
          onInput={(e) => setDraft({ ...draft, when: e.currentTarget.value })}
        />
      </label>
      {missing && (
        <p class="error small" role="alert">
          {t('journalNoteMissing')}
        </p>
      )}
    </EditForm>
  );
}

/** A line of the journal, when it happened and what; a note of the user's, with its buttons. */
function JournalEntry(props: {
  line: JournalLine;
  onEdit: (draft: Draft) => void;
  onRemove: (note: { noteId: string; text: string }) => void;
}) {
  const { line } = props;
  const { note } = line;
  return (
    <li class={note ? 'note' : undefined}>
      <time class="small muted" dateTime={line.at}>
        {formatDateTime(line.at)}
      </time>{' '}
      — {eventTextBy(line.event)}
      {note && (
        <>
          {note.edited && (
            <span class="small muted">
              {' '}
              {t('journalNoteEdited', formatDateTime(line.event.at))}
            </span>
          )}{' '}
          <button
            type="button"
            class="button link small"
            aria-label={t('journalNoteEdit', note.text.slice(0, 60))}
            onClick={() =>
              props.onEdit({ noteId: note.noteId, text: note.text, when: localInput(line.at) })
            }
          >
            {t('logEdit')}
          </button>{' '}
          <button
            type="button"
            class="button link small"
            aria-label={t('journalNoteRemove', note.text.slice(0, 60))}
            onClick={() => props.onRemove(note)}
          >
            {t('settingsRemove')}
          </button>
        </>
      )}
    </li>
  );
}

export function Journal(props: {
  events: readonly CrisisEvent[];
  onChange: (change: CrisisChange) => void;
}) {
  const [editing, setEditing] = useState<Draft | null>(null);
  // The note last removed, as the change that puts it back with one click.
  const [removed, setRemoved] = useState<CrisisChange | null>(null);
  const save = (draft: Draft) => {
    props.onChange({
      op: 'note',
      noteId: draft.noteId,
      text: draft.text,
      // Parsed in the local zone, as the field shows it.
      happenedAt: new Date(draft.when).toISOString(),
    });
    setEditing(null);
  };
  const lines = journalLines(props.events);
  const adding = editing && !lines.some((l) => l.note?.noteId === editing.noteId);
  return (
    <>
      <h2 class="section">{t('crisisJournal')}</h2>
      {adding ? (
        <NoteForm draft={editing} onSave={save} onCancel={() => setEditing(null)} />
      ) : (
        <p>
          <button
            type="button"
            class="button"
            data-testid="journal-add-note"
            onClick={() => setEditing({ noteId: newId(), text: '', when: localInput(Date.now()) })}
          >
            {t('journalAddNote')}
          </button>
        </p>
      )}
      {removed && (
        <p class="status" role="status">
          {t('journalNoteRemoved')}{' '}
          <button
            type="button"
            class="button link"
            onClick={() => {
              props.onChange(removed);
              setRemoved(null);
            }}
          >
            {t('undo')}
          </button>
        </p>
      )}
      <ol class="journal" data-testid="journal">
        {lines.map((line) =>
          line.note && editing?.noteId === line.note.noteId ? (
            <li key={line.event.id}>
              <NoteForm draft={editing} onSave={save} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <JournalEntry
              key={line.event.id}
              line={line}
              onEdit={setEditing}
              onRemove={({ noteId, text }) => {
                props.onChange({ op: 'note', noteId, text: '', happenedAt: line.at });
                setRemoved({ op: 'note', noteId, text, happenedAt: line.at });
              }}
            />
          ),
        )}
      </ol>
    </>
  );
}
