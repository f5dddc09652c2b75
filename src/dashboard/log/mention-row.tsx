/**
 * One mention in the crisis log: its quote and capture, and the form that edits what the user
 * may change (note, tags, tone, reach). Page-derived text is rendered as text only.
 */
import { useRef, useState } from 'preact/hooks';
import { t } from '../../core/i18n';
import type { MentionPatch } from '../../core/messaging/protocol';
import { REACHES, TONES, type Mention, type Reach, type Tone } from '../../core/model/types';
import { MentionText } from '../../ui/components';
import { formatDateTime, isOpenableUrl, reachName, toneName } from '../../ui/format';
import { EditForm } from '../../ui/edit-form';
import { memo } from '../../ui/memo';
import { EvidencePanel } from '../evidence/evidence-panel';
import { LIMITS } from '../../core/model/limits';
import { mentionLabel } from '../../core/model/mention';

function MentionEditForm(props: {
  mention: Mention;
  onSave: (patch: MentionPatch) => void;
  onCancel: () => void;
}) {
  const { mention } = props;
  const [note, setNote] = useState(mention.note);
  const [tags, setTags] = useState(mention.tags.join(', '));
  const [tone, setTone] = useState<Tone>(mention.tone);
  const [reach, setReach] = useState<Reach>(mention.reach);
  return (
    <EditForm
      onSubmit={() => props.onSave({ note, tags: tags.split(','), tone, reach })}
      onCancel={props.onCancel}
      submitTestId="log-mention-save"
    >
      <label class="wide">
        {t('logNote')}
        <textarea
          rows={3}
          maxLength={LIMITS.note}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
      </label>
      <label>
        {t('logTags')}
        <input type="text" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      </label>
      <label>
        {t('logTone')}
        <select value={tone} onChange={(e) => setTone(e.currentTarget.value as Tone)}>
          {TONES.map((value) => (
            <option key={value} value={value}>
              {toneName(value)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('logReach')}
        <select value={reach} onChange={(e) => setReach(e.currentTarget.value as Reach)}>
          {REACHES.map((value) => (
            <option key={value} value={value}>
              {reachName(value)}
            </option>
          ))}
        </select>
      </label>
    </EditForm>
  );
}

/** Longer than this, a quote is folded to a few lines in the list. */
const LONG_QUOTE = 600;

/** A tooltip for a text a page wrote: the text, or its start when it is very long. */
function tooltip(text: string): string | undefined {
  if (!text) return undefined;
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/**
 * A row is drawn again only when one of its props changes (a whole list redrawn for one
 * checkbox, or when the crises' titles arrive, made ticking feel slow): the callbacks take the
 * mention's id and stay the same from one drawing of the list to the next.
 */
export const MentionRow = memo(function MentionRow(props: {
  mention: Mention;
  /** The crisis to name on the row, if any, with its title (null when it is not open). */
  crisisId: string | null;
  crisisTitle: string | null;
  selected: boolean;
  onSelect: (id: string, selected: boolean) => void;
  onSave: (id: string, patch: MentionPatch) => Promise<boolean>;
}) {
  const { mention: m } = props;
  const [editing, setEditing] = useState(false);
  const [showEvidence, setShowEvidence] = useState(false);
  // A quote a page made very long (a select-all) is folded to a few lines until asked for.
  const [whole, setWhole] = useState(false);
  const long = mentionLabel(m).length > LONG_QUOTE;
  const editButton = useRef<HTMLButtonElement>(null);
  const label = m.quote || m.pageTitle || m.url;
  // The keyboard focus goes back to the Edit button when the form closes.
  const closeEditor = () => {
    setEditing(false);
    editButton.current?.focus();
  };
  return (
    <li class="row" data-testid="log-mention" data-mention-id={m.id}>
      <input
        type="checkbox"
        checked={props.selected}
        aria-label={t('logSelectMention', label.slice(0, 80))}
        onChange={(e) => props.onSelect(m.id, e.currentTarget.checked)}
      />
      <div>
        <MentionText mention={m} testid="log-mention-quote" clamp={long && !whole} />
        {long && (
          <button
            type="button"
            class="button link small"
            aria-expanded={whole}
            onClick={() => setWhole(!whole)}
          >
            {t(whole ? 'logQuoteFold' : 'logQuoteWhole')}
          </button>
        )}
        <div class="meta small muted">
          <span class="one-line" data-testid="log-mention-title" title={tooltip(m.pageTitle)}>
            {m.pageTitle || m.url}
          </span>
          <span>{m.site}</span>
          <time dateTime={m.capturedAt}>{formatDateTime(m.capturedAt)}</time>
          <span class={`tone-${m.tone}`}>{toneName(m.tone)}</span>
          <span>{t('logReachIs', reachName(m.reach))}</span>
          {props.crisisId && (
            <a href={`#crisis/${props.crisisId}`}>
              {props.crisisTitle ? t('logInCrisis', props.crisisTitle) : t('logInClosedCrisis')}
            </a>
          )}
          {m.captureLimit === 'unscriptable' && <span>{t('logLimitedCapture')}</span>}
          {m.tags.length > 0 && (
            <span class="tags">
              {m.tags.map((tag) => (
                <span key={tag} class="tag">
                  {tag}
                </span>
              ))}
            </span>
          )}
        </div>
        {m.note && !editing && <p class="note">{m.note}</p>}
        <div class="meta">
          {isOpenableUrl(m.url) ? (
            <a class="button link" href={m.url} target="_blank" rel="noopener noreferrer">
              {t('logOpenSource')}
            </a>
          ) : (
            <span class="small muted">{m.url}</span>
          )}
          <button
            type="button"
            class="button link"
            data-testid="log-mention-edit"
            ref={editButton}
            aria-expanded={editing}
            onClick={() => setEditing(!editing)}
          >
            {t('logEdit')}
          </button>
          <button
            type="button"
            class="button link"
            data-testid="log-mention-evidence"
            aria-expanded={showEvidence}
            onClick={() => setShowEvidence(!showEvidence)}
          >
            {t('evidenceToggle')}
            {m.evidence.pageCopy && ' ✓'}
          </button>
        </div>
        {/* Drawn anew when the mention changes: a check shown is of the record as it is. */}
        {showEvidence && <EvidencePanel key={m.updatedAt} mention={m} />}
        {editing && (
          <MentionEditForm
            mention={m}
            onCancel={closeEditor}
            onSave={(patch) => void props.onSave(m.id, patch).then((ok) => ok && closeEditor())}
          />
        )}
      </div>
    </li>
  );
});
