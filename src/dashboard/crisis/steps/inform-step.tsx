/**
 * Step 3, inform the people concerned: who must hear it (pre-filled from the directory in the
 * settings; key people marked), what is known of the fault, and a message to each, of the kind
 * the situation calls for (Vigie suggests one), written wholly in the person's language with
 * their name in the greeting, sent by copy or through the mail client. Whoever is marked
 * informed keeps the message they were sent. Nothing here hides the error: key people not yet
 * informed stay flagged until they are.
 */
import { useState } from 'preact/hooks';
import { t, tn, uiLanguage, type MessageKey } from '../../../core/i18n';
import type { CrisisChange } from '../../../core/model/crisis-change';
import { newId } from '../../../core/model/ids';
import { mailtoLink, suggestVariant } from '../../../core/model/templates';
import {
  FAULTS,
  type Crisis,
  type CrisisStakeholder,
  type Fault,
  type MessageLang,
  type MessageVariant,
  type SentMessage,
  type Settings,
} from '../../../core/model/types';
import { formatDateTime, LANGUAGE_NAMES } from '../../../ui/format';
import { DraftFields, useDraft } from './message-draft';
import { roleName, variantName } from '../../../ui/labels';
import { PersonForm } from '../../person-form';

const FAULT_KEYS: Record<Fault, MessageKey> = {
  unknown: 'faultUnknown',
  ours: 'faultOurs',
  'not-ours': 'faultNotOurs',
};

const newPerson = (): CrisisStakeholder => ({
  id: newId(),
  name: '',
  role: 'boss',
  channel: 'email',
  contact: '',
  key: true,
  lang: null,
  greeting: '',
  informedAt: null,
  message: null,
});

/** The message language of the crisis: as chosen for it, else the language Vigie is used in. */
export const crisisLang = (crisis: Crisis): MessageLang => crisis.inform.lang ?? uiLanguage();

/** What a person was sent, in a few words: its subject, kind and language. */
export function sentText(message: SentMessage): string {
  return t('informSent', [
    message.subject,
    variantName(message.variant),
    LANGUAGE_NAMES[message.lang],
  ]);
}

function FaultQuestion(props: { fault: Fault; onChange: (fault: Fault) => void }) {
  return (
    <fieldset class="fault" data-testid="inform-fault">
      <legend>{t('informFault')}</legend>
      {FAULTS.map((fault) => (
        <label key={fault} class="inline">
          <input
            type="radio"
            name="fault"
            value={fault}
            checked={props.fault === fault}
            onChange={() => props.onChange(fault)}
          />
          {t(FAULT_KEYS[fault])}
        </label>
      ))}
    </fieldset>
  );
}

/** The message to one person (or to anyone, without a name), and what can be done with it. */
function Composer(props: {
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
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(draft.text.body);
      setStatus(t('informCopied'));
      props.onPrepared(message);
    } catch {
      setStatus(t('informCopyFailed'));
    }
  };

  return (
    <div class="composer" data-testid="inform-composer">
      <p>
        <label>
          {t('informTo')}{' '}
          <select
            data-testid="inform-to"
            value={to?.id ?? ''}
            onChange={(e) => {
              setChosen(null);
              setStatus('');
              props.onTo(e.currentTarget.value);
            }}
          >
            <option value="">{t('informToAnyone')}</option>
            {crisis.inform.stakeholders.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      </p>
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
          {status}
        </span>
      </p>
    </div>
  );
}

export function InformStep(props: {
  crisis: Crisis;
  settings: Settings;
  onChange: (change: CrisisChange) => void;
}) {
  const { crisis, settings, onChange } = props;
  const [editing, setEditing] = useState<CrisisStakeholder | null>(null);
  const [toId, setToId] = useState('');
  // The message last copied or opened in the mail client, per person ('' for anyone): marking
  // that person informed keeps it.
  const [prepared, setPrepared] = useState<Record<string, SentMessage>>({});
  const people = crisis.inform.stakeholders;
  const to = people.find((p) => p.id === toId) ?? null;
  const waiting = people.filter((s) => s.key && !s.informedAt);
  const known = editing && people.some((p) => p.id === editing.id);

  const personForm = (person: CrisisStakeholder) => (
    <PersonForm
      person={person}
      onCancel={() => setEditing(null)}
      onSave={(stakeholder) => {
        onChange({ op: 'stakeholder', stakeholder });
        setEditing(null);
      }}
    />
  );
  const write = (id: string) => {
    setToId(id);
    requestAnimationFrame(() => document.getElementById('inform-message-title')?.focus());
  };

  return (
    <section class="step-panel" aria-labelledby="inform-title">
      <h2 class="section" id="inform-title">
        {t('informTitle')}
      </h2>
      {waiting.length > 0 && (
        <p class="error" data-testid="inform-waiting">
          {tn('informWaiting', waiting.length, [
            String(waiting.length),
            waiting.map((s) => s.name).join(', '),
          ])}
        </p>
      )}
      {people.length === 0 && <p class="muted small">{t('informEmpty')}</p>}
      <ul class="rows" data-testid="inform-people">
        {people.map((s) =>
          editing?.id === s.id ? (
            <li key={s.id}>{personForm(editing)}</li>
          ) : (
            <li key={s.id} class="row" style={{ gridTemplateColumns: '1fr auto' }}>
              <div>
                <strong>{s.name}</strong>{' '}
                {s.key && <span class="chip level-3">{t('informKey')}</span>}
                <div class="meta small muted">
                  <span>{roleName(s.role)}</span>
                  {s.channel && <span>{s.channel}</span>}
                  {s.contact && <span>{s.contact}</span>}
                  {s.lang && <span lang={s.lang}>{LANGUAGE_NAMES[s.lang]}</span>}
                  <span>
                    {s.informedAt
                      ? t('informInformedAt', formatDateTime(s.informedAt))
                      : t('informNotYet')}
                  </span>
                </div>
                {s.message && <p class="small">{sentText(s.message)}</p>}
              </div>
              <div class="meta">
                <button
                  type="button"
                  class="button"
                  aria-label={t('informWrite', s.name)}
                  onClick={() => write(s.id)}
                >
                  {t('informWriteShort')}
                </button>
                <button
                  type="button"
                  class={`button ${s.informedAt ? '' : 'primary'}`}
                  onClick={() =>
                    onChange({
                      op: 'informed',
                      stakeholderId: s.id,
                      informed: !s.informedAt,
                      message: prepared[s.id] ?? prepared[''] ?? null,
                    })
                  }
                >
                  {s.informedAt ? t('informUndo') : t('informMark')}
                </button>
                <button
                  type="button"
                  class="button link"
                  aria-label={t('informEdit', s.name)}
                  onClick={() => setEditing(s)}
                >
                  {t('logEdit')}
                </button>
                <button
                  type="button"
                  class="button link"
                  aria-label={t('informRemove', s.name)}
                  onClick={() => onChange({ op: 'stakeholder-remove', stakeholderId: s.id })}
                >
                  {t('logDelete')}
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      {editing && !known ? (
        personForm(editing)
      ) : (
        <p>
          <button type="button" class="button" onClick={() => setEditing(newPerson())}>
            {t('informAdd')}
          </button>
        </p>
      )}

      <h3 class="section" id="inform-message-title" tabIndex={-1}>
        {t('informMessage')}
      </h3>
      <p class="muted small">{t('informMessageHelp')}</p>
      <FaultQuestion
        fault={crisis.inform.fault}
        onChange={(fault) => onChange({ op: 'inform-options', fault })}
      />
      <Composer
        key={to?.id ?? ''}
        crisis={crisis}
        settings={settings}
        to={to}
        onTo={setToId}
        onChange={onChange}
        onPrepared={(message) => setPrepared((all) => ({ ...all, [to?.id ?? '']: message }))}
      />
    </section>
  );
}
