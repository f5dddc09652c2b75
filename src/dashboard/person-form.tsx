/**
 * A person to inform, as the directory in the settings and each crisis's list edit them: name,
 * role, channel, contact, whether they are key, the language to write to them in and the name
 * a message greets them by.
 */
import { useRef, useState } from 'preact/hooks';
import { t } from '../core/i18n';
import { LIMITS } from '../core/model/limits';
import {
  ROLES,
  type MessageLang,
  type Stakeholder,
  type StakeholderRole,
} from '../core/model/types';
import { FieldError } from '../ui/components';
import { EditForm } from '../ui/edit-form';
import { LANGUAGE_NAMES } from '../ui/format';
import { roleName } from '../ui/labels';

/** A line of text with its label. */
function TextField(props: {
  label: string;
  max: number;
  value: string;
  onInput: (value: string) => void;
}) {
  return (
    <label>
      {props.label}
      <input
        type="text"
        maxLength={props.max}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </label>
  );
}

function RoleSelect(props: { value: StakeholderRole; onChange: (role: StakeholderRole) => void }) {
  return (
    <label>
      {t('informRole')}
      <select
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value as StakeholderRole)}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {roleName(role)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The language to write to the person in, or none: the crisis's. */
function LanguageSelect(props: {
  value: MessageLang | null;
  onChange: (lang: MessageLang | null) => void;
}) {
  return (
    <label>
      {t('personLanguage')}
      <select
        value={props.value ?? ''}
        onChange={(e) => props.onChange((e.currentTarget.value || null) as MessageLang | null)}
      >
        <option value="">{t('personLanguageOfCrisis')}</option>
        {(Object.keys(LANGUAGE_NAMES) as MessageLang[]).map((lang) => (
          <option key={lang} value={lang}>
            {LANGUAGE_NAMES[lang]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function PersonForm<T extends Stakeholder>(props: {
  person: T;
  onSave: (person: T) => void;
  onCancel: () => void;
  submitTestId?: string;
}) {
  const [person, setPerson] = useState(props.person);
  const [missing, setMissing] = useState(false);
  const set = (patch: Partial<Stakeholder>) => setPerson((p) => ({ ...p, ...patch }));
  const name = useRef<HTMLInputElement>(null);
  const errorId = `person-${person.id}-name-error`;
  return (
    <EditForm
      submitTestId={props.submitTestId}
      onCancel={props.onCancel}
      onSubmit={() => {
        if (person.name.trim()) {
          return props.onSave({
            ...person,
            name: person.name.trim(),
            greeting: person.greeting.trim(),
          });
        }
        setMissing(true);
        name.current?.focus();
      }}
    >
      <div class="settings-field">
        <label>
          {t('informName')}
          <input
            type="text"
            ref={name}
            aria-invalid={missing ? 'true' : undefined}
            aria-describedby={missing ? errorId : undefined}
            maxLength={LIMITS.name}
            value={person.name}
            onInput={(e) => set({ name: e.currentTarget.value })}
          />
        </label>
        <FieldError id={errorId} text={missing ? t('settingsDirectoryNameMissing') : undefined} />
      </div>
      <RoleSelect value={person.role} onChange={(role) => set({ role })} />
      <TextField
        label={t('informChannel')}
        max={LIMITS.name}
        value={person.channel}
        onInput={(channel) => set({ channel })}
      />
      <TextField
        label={t('informContact')}
        max={LIMITS.name}
        value={person.contact}
        onInput={(contact) => set({ contact })}
      />
      <LanguageSelect value={person.lang} onChange={(lang) => set({ lang })} />
      <TextField
        label={t('personGreeting')}
        max={200}
        value={person.greeting}
        onInput={(greeting) => set({ greeting })}
      />
      <label class="inline">
        <input
          type="checkbox"
          checked={person.key}
          onChange={(e) => set({ key: e.currentTarget.checked })}
        />
        {t('informKey')}
      </label>
    </EditForm>
  );
}
