/**
 * Step 3, inform the people concerned: who must hear it (pre-filled from the directory in the
 * settings; key people marked), a message that admits the error and announces a plan, sent by
 * copy or through the mail client, and who was informed when. Nothing here hides the error:
 * key people not yet informed stay flagged until they are.
 */
import { useState } from 'preact/hooks';
import { t, uiLanguage, type MessageKey, tn } from '../core/i18n';
import { rankDamages } from '../core/model/assessment';
import type { CrisisChange } from '../core/model/crisis-change';
import { newId } from '../core/model/ids';
import { DEFAULT_TEMPLATES, fillTemplate, mailtoLink } from '../core/model/templates';
import type { Crisis, CrisisStakeholder, Settings, StakeholderRole } from '../core/model/types';
import { formatDateTime } from '../ui/format';
import { areaName } from './assess-step';
import { EditForm } from '../ui/edit-form';

const ROLE_KEYS: Record<StakeholderRole, MessageKey> = {
  boss: 'roleBoss',
  supervisor: 'roleSupervisor',
  client: 'roleClient',
  partner: 'rolePartner',
  other: 'roleOther',
};
const ROLES = Object.keys(ROLE_KEYS) as StakeholderRole[];
export const roleName = (role: StakeholderRole) => t(ROLE_KEYS[role]);
const HOUR = 3_600_000;

/** The draft of the message, from the user's template (or the built-in one) in `lang`. */
export function draftMessage(
  crisis: Crisis,
  settings: Settings,
  lang: 'en' | 'fr',
  now: number,
): string {
  const template = settings.templates.inform[lang] || DEFAULT_TEMPLATES.inform[lang];
  const areas = rankDamages(crisis.assess.damages).map(areaName);
  return fillTemplate(template, {
    crisis: crisis.title,
    summary: areas.length ? `${crisis.title} (${areas.join(', ')})` : crisis.title,
    nextUpdate: formatDateTime(
      new Date(now + settings.updateCadenceHours[crisis.level] * HOUR).toISOString(),
    ),
  });
}

function StakeholderForm(props: { onSave: (s: CrisisStakeholder) => void; onCancel: () => void }) {
  const [person, setPerson] = useState<CrisisStakeholder>({
    id: newId(),
    name: '',
    role: 'boss',
    channel: 'email',
    contact: '',
    key: true,
    informedAt: null,
  });
  const set = (patch: Partial<CrisisStakeholder>) => setPerson({ ...person, ...patch });
  return (
    <EditForm onSubmit={() => props.onSave(person)} onCancel={props.onCancel}>
      <label>
        {t('informName')}
        <input
          type="text"
          required
          value={person.name}
          onInput={(e) => set({ name: e.currentTarget.value })}
        />
      </label>
      <label>
        {t('informRole')}
        <select
          value={person.role}
          onChange={(e) => set({ role: e.currentTarget.value as StakeholderRole })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(ROLE_KEYS[role])}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('informChannel')}
        <input
          type="text"
          value={person.channel}
          onInput={(e) => set({ channel: e.currentTarget.value })}
        />
      </label>
      <label>
        {t('informContact')}
        <input
          type="text"
          value={person.contact}
          onInput={(e) => set({ contact: e.currentTarget.value })}
        />
      </label>
      <label>
        <span>
          <input
            type="checkbox"
            checked={person.key}
            onChange={(e) => set({ key: e.currentTarget.checked })}
          />{' '}
          {t('informKey')}
        </span>
      </label>
    </EditForm>
  );
}

export function InformStep(props: {
  crisis: Crisis;
  settings: Settings;
  onChange: (change: CrisisChange) => void;
}) {
  const { crisis, settings } = props;
  const [adding, setAdding] = useState(false);
  const [lang, setLang] = useState<'en' | 'fr'>(uiLanguage());
  const [text, setText] = useState(
    () => crisis.inform.message || draftMessage(crisis, settings, lang, Date.now()),
  );
  const [status, setStatus] = useState('');
  const waiting = crisis.inform.stakeholders.filter((s) => s.key && !s.informedAt);
  const subject = text.split('\n')[0]?.replace(/^(Subject|Objet)\s*:\s*/i, '') ?? crisis.title;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('informCopied'));
    } catch {
      setStatus(t('informCopyFailed'));
    }
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
      {crisis.inform.stakeholders.length === 0 && <p class="muted small">{t('informEmpty')}</p>}
      <ul class="rows">
        {crisis.inform.stakeholders.map((s) => (
          <li key={s.id} class="row" style={{ gridTemplateColumns: '1fr auto' }}>
            <div>
              <strong>{s.name}</strong>{' '}
              {s.key && <span class="chip level-3">{t('informKey')}</span>}
              <div class="meta small muted">
                <span>{t(ROLE_KEYS[s.role])}</span>
                {s.channel && <span>{s.channel}</span>}
                {s.contact && <span>{s.contact}</span>}
                <span>
                  {s.informedAt
                    ? t('informInformedAt', formatDateTime(s.informedAt))
                    : t('informNotYet')}
                </span>
              </div>
            </div>
            <div class="meta">
              {s.contact.includes('@') && (
                <a class="button" href={mailtoLink(s.contact, subject, text)}>
                  {t('informMail')}
                </a>
              )}
              <button
                type="button"
                class={`button ${s.informedAt ? '' : 'primary'}`}
                onClick={() =>
                  props.onChange({ op: 'informed', stakeholderId: s.id, informed: !s.informedAt })
                }
              >
                {s.informedAt ? t('informUndo') : t('informMark')}
              </button>
              <button
                type="button"
                class="button link"
                aria-label={t('informRemove', s.name)}
                onClick={() => props.onChange({ op: 'stakeholder-remove', stakeholderId: s.id })}
              >
                {t('logDelete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {adding ? (
        <StakeholderForm
          onCancel={() => setAdding(false)}
          onSave={(stakeholder) => {
            props.onChange({ op: 'stakeholder', stakeholder });
            setAdding(false);
          }}
        />
      ) : (
        <p>
          <button type="button" class="button" onClick={() => setAdding(true)}>
            {t('informAdd')}
          </button>
        </p>
      )}

      <h3 class="section">{t('informMessage')}</h3>
      <p class="muted small">{t('informMessageHelp')}</p>
      <p>
        <label>
          {t('informLanguage')}{' '}
          <select
            value={lang}
            onChange={(e) => {
              const next = e.currentTarget.value as 'en' | 'fr';
              setLang(next);
              setText(draftMessage(crisis, settings, next, Date.now()));
            }}
          >
            <option value="fr">Français</option>
            <option value="en">English</option>
          </select>
        </label>
      </p>
      <textarea
        class="message"
        rows={12}
        aria-label={t('informMessage')}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <p class="meta">
        <button
          type="button"
          class="button primary"
          onClick={() => props.onChange({ op: 'message', text })}
        >
          {t('save')}
        </button>
        <button type="button" class="button" onClick={() => void copy()}>
          {t('informCopy')}
        </button>
        <span role="status" class="small muted">
          {status}
        </span>
      </p>
    </section>
  );
}
