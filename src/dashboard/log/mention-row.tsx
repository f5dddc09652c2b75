/**
 * One mention in the crisis log: its quote and capture, the form that edits what the user may
 * change (mention-edit-form.tsx), its evidence. Page-derived text is rendered as text only.
 */
import { useRef, useState } from 'preact/hooks';
import { t } from '../../core/i18n';
import type { MentionPatch } from '../../core/messaging/protocol';
import type { Mention } from '../../core/model/types';
import { MentionText } from '../../ui/components';
import { formatDateTime, isOpenableUrl, reachName, toneName } from '../../ui/format';
import { memo } from '../../ui/memo';
import { EvidencePanel } from '../evidence/evidence-panel';
import { mentionLabel } from '../../core/model/mention';
import { MentionEditForm } from './mention-edit-form';

/** Longer than this, a quote is folded to a few lines in the list. */
const LONG_QUOTE = 600;

/** A tooltip for a text a page wrote: the text, or its start when it is very long. */
function tooltip(text: string): string | undefined {
  if (!text) return undefined;
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/**
 * The quote, folded to a few lines when a page made it very long (a select-all), until asked
 * for whole.
 */
function FoldedQuote({ mention }: { mention: Mention }) {
  const [whole, setWhole] = useState(false);
  const long = mentionLabel(mention).length > LONG_QUOTE;
  return (
    <>
      <MentionText mention={mention} testid="log-mention-quote" clamp={long && !whole} />
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
    </>
  );
}

/** Where and when the mention was captured, its tone and reach, its crisis and tags. */
function MentionMeta(props: {
  mention: Mention;
  crisisId: string | null;
  crisisTitle: string | null;
}) {
  const { mention: m, crisisId, crisisTitle } = props;
  return (
    <div class="meta small muted">
      <span class="one-line" data-testid="log-mention-title" title={tooltip(m.pageTitle)}>
        {m.pageTitle || m.url}
      </span>
      <span>{m.site}</span>
      <time dateTime={m.capturedAt}>{formatDateTime(m.capturedAt)}</time>
      <span class={`tone-${m.tone}`}>{toneName(m.tone)}</span>
      <span>{t('logReachIs', reachName(m.reach))}</span>
      {crisisId && (
        <a href={`#crisis/${crisisId}`}>
          {crisisTitle ? t('logInCrisis', crisisTitle) : t('logInClosedCrisis')}
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
  );
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
        <FoldedQuote mention={m} />
        <MentionMeta mention={m} crisisId={props.crisisId} crisisTitle={props.crisisTitle} />
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
