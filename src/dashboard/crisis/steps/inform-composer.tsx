/**
 * Step 3's message composer: to one person (in their language, their name in the greeting, the
 * kind their role calls for) or to anyone; copied, sent through the mail client, or kept with
 * the person marked informed.
 */
import { useState } from 'preact/hooks';
import { t } from '../../../core/i18n';
import type { CrisisChange } from '../../../core/model/crisis-change';
import { mailtoLink, suggestVariant } from '../../../core/model/templates';
import type {
  Crisis,
  CrisisStakeholder,
  MessageLang,
  MessageVariant,
  SentMessage,
  Settings,
} from '../../../core/model/types';
import { crisisLang, DraftFields, useDraft, type Draft } from './message-draft';

/** Whom the message is to: one of the people to inform, or anyone. */
function RecipientPicker(props: {
  crisis: Crisis;
  to: CrisisStakeholder | null;
  onTo: (id: string) => void;
}) {
  return (
    <p>
      <label>
        {t('informTo')}{' '}
        <select
          data-testid="inform-to"
          value={props.to?.id ?? ''}
          onChange={(e) => props.onTo(e.currentTarget.value)}
        >
          <option value="">{t('informToAnyone')}</option>
          {props.crisis.inform.stakeholders.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
    </p>
  );
}

/** What can be done with the message: saved as the draft, copied, mailed, kept as sent. */
function ComposerButtons(props: {
  to: CrisisStakeholder | null;
  draft: Draft;
  message: SentMessage;
  /** What the last copy did. */
  status: string;
  onStatus: (status: string) => void;
  onPrepared: (message: SentMessage) => void;
  onChange: (change: CrisisChange) => void;
}) {
  const { to, draft, message, onChange } = props;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(draft.text.body);
      props.onStatus(t('informCopied'));
      props.onPrepared(message);
    } catch {
      props.onStatus(t('informCopyFailed'));
    }
  };
  return (
    <p class="meta">
      {!to && (
        <button
          type="button"
          class="button"
          onClick={() =>
            onChange({ op: 'message', subject: draft.text.subject, text: draft.text.body })
          }
        >
          {t('informSaveDraft')}
        </button>
      )}
      <button type="button" class="button" onClick={() => void copy()}>
        {t('informCopy')}
      </button>
      {to?.contact.includes('@') && (
        <a
          class="button"
          data-testid="inform-mail"
          href={mailtoLink(to.contact, draft.text.subject, draft.text.body)}
          onClick={() => props.onPrepared(message)}
        >
          {t('informMailTo', to.name)}
        </a>
      )}
      {to && !to.informedAt && (
        <button
          type="button"
          class="button primary"
          data-testid="inform-mark-with"
          onClick={() =>
            onChange({ op: 'informed', stakeholderId: to.id, informed: true, message })
          }
        >
          {t('informMarkWith', to.name)}
        </button>
      )}
      <span role="status" class="small muted">
        {props.status}
      </span>
    </p>
  );
}

/** The message to one person (or to anyone, without a name), and what can be done with it. */
export function Composer(props: {
  crisis: Crisis;
  settings: Settings;
  to: CrisisStakeholder | null;
  onTo: (id: string) => void;
  onChange: (change: CrisisChange) => void;
  onPrepared: (message: SentMessage) => void;
}) {
  const { crisis, settings, to, onChange } = props;
  const suggested = suggestVariant(crisis, to?.role);
  // To a journalist or to management, the kind their role calls for; else the crisis's own.
  const byRole = to?.role === 'press' || to?.role === 'boss' || to?.role === 'supervisor';
  const [chosen, setChosen] = useState<MessageVariant | null>(null);
  const variant = chosen ?? (byRole ? suggested : (crisis.inform.variant ?? suggested));
  const lang = to?.lang ?? crisisLang(crisis);
  const draft = useDraft({
    kind: 'inform',
    crisis,
    settings,
    variant,
    lang,
    greeting: to?.greeting ?? '',
    // The draft saved for the crisis, when writing to no one in particular.
    saved:
      !to && crisis.inform.message
        ? { subject: crisis.inform.subject, body: crisis.inform.message }
        : null,
  });
  const [status, setStatus] = useState('');
  const message: SentMessage = { ...draft.text, lang, variant };

  const setLang = (next: MessageLang) => {
    // Remembered for the person written to, else for the crisis.
    if (to) onChange({ op: 'stakeholder', stakeholder: { ...to, lang: next } });
    else onChange({ op: 'inform-options', lang: next });
  };
  const setVariant = (next: MessageVariant) => {
    setChosen(next);
    if (!to || !byRole) onChange({ op: 'inform-options', variant: next });
  };

  return (
    <div class="composer" data-testid="inform-composer">
      <RecipientPicker crisis={crisis} to={to} onTo={props.onTo} />
      <DraftFields
        id="inform"
        draft={draft}
        variant={variant}
        suggested={suggested}
        onVariant={setVariant}
        lang={lang}
        onLang={setLang}
        bodyLabel={t('informMessage')}
      />
      <ComposerButtons
        to={to}
        draft={draft}
        message={message}
        status={status}
        onStatus={setStatus}
        onPrepared={props.onPrepared}
        onChange={onChange}
      />
    </div>
  );
}
