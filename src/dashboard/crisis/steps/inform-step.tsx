/**
 * Step 3, inform the people concerned: who must hear it (pre-filled from the directory in the
 * settings; key people marked), what is known of the fault, and a message to each, of the kind
 * the situation calls for (Vigie suggests one), written wholly in the person's language with
 * their name in the greeting, sent by copy or through the mail client. Whoever is marked
 * informed keeps the message they were sent. Nothing here hides the error: key people not yet
 * informed stay flagged until they are.
 */
import { useState } from 'preact/hooks';
import { t, tn, type MessageKey } from '../../../core/i18n';
import type { CrisisChange } from '../../../core/model/crisis-change';
import { newId } from '../../../core/model/ids';
import {
  FAULTS,
  type Crisis,
  type CrisisStakeholder,
  type Fault,
  type SentMessage,
  type Settings,
} from '../../../core/model/types';
import { formatDateTime, LANGUAGE_NAMES } from '../../../ui/format';
import { roleName, variantName } from '../../../ui/labels';
import { PersonForm } from '../../person-form';
import { EditDelete } from './edit-delete';
import { ROW_STYLE } from './row-style';
import { EditableRows } from './editable-rows';
import { Composer } from './inform-composer';

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

/** What a person was sent, in a few words: its subject, kind and language. */
function sentText(message: SentMessage): string {
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

/** One person to inform: who, how to reach them, informed or not (and with what); its buttons. */
function PersonRow(props: {
  person: CrisisStakeholder;
  /** The message marking them informed keeps. */
  prepared: SentMessage | null;
  onWrite: () => void;
  onEdit: () => void;
  onChange: (change: CrisisChange) => void;
}) {
  const { person: s, onChange } = props;
  return (
    <li class="row" style={ROW_STYLE}>
      <div>
        <strong>{s.name}</strong> {s.key && <span class="chip level-3">{t('informKey')}</span>}
        <div class="meta small muted">
          <span>{roleName(s.role)}</span>
          {s.channel && <span>{s.channel}</span>}
          {s.contact && <span>{s.contact}</span>}
          {s.lang && <span lang={s.lang}>{LANGUAGE_NAMES[s.lang]}</span>}
          <span>
            {s.informedAt ? t('informInformedAt', formatDateTime(s.informedAt)) : t('informNotYet')}
          </span>
        </div>
        {s.message && <p class="small">{sentText(s.message)}</p>}
      </div>
      <div class="meta">
        <button
          type="button"
          class="button"
          aria-label={t('informWrite', s.name)}
          onClick={props.onWrite}
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
              message: props.prepared,
            })
          }
        >
          {s.informedAt ? t('informUndo') : t('informMark')}
        </button>
        <EditDelete
          names={[t('informEdit', s.name), t('informRemove', s.name)]}
          onEdit={props.onEdit}
          onDelete={() => onChange({ op: 'stakeholder-remove', stakeholderId: s.id })}
        />
      </div>
    </li>
  );
}

export function InformStep(props: {
  crisis: Crisis;
  settings: Settings;
  onChange: (change: CrisisChange) => void;
}) {
  const { crisis, settings, onChange } = props;
  const [toId, setToId] = useState('');
  // The message last copied or opened in the mail client, per person ('' for anyone): marking
  // that person informed keeps it.
  const [prepared, setPrepared] = useState<Record<string, SentMessage>>({});
  const people = crisis.inform.stakeholders;
  const to = people.find((p) => p.id === toId) ?? null;
  const waiting = people.filter((s) => s.key && !s.informedAt);
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
      <EditableRows
        testid="inform-people"
        items={people}
        blank={newPerson}
        addLabel={t('informAdd')}
        row={(s, edit) => (
          <PersonRow
            key={s.id}
            person={s}
            prepared={prepared[s.id] ?? prepared[''] ?? null}
            onWrite={() => write(s.id)}
            onEdit={edit}
            onChange={onChange}
          />
        )}
        form={(person, handlers) => <PersonForm person={person} {...handlers} />}
        onSave={(stakeholder) => onChange({ op: 'stakeholder', stakeholder })}
      />

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
