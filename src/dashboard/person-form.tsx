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
      <label>
        {t('informRole')}
        <select
          value={person.role}
          onChange={(e) => set({ role: e.currentTarget.value as StakeholderRole })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {roleName(role)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('informChannel')}
        <input
          type="text"
          maxLength={LIMITS.name}
          value={person.channel}
          onInput={(e) => set({ channel: e.currentTarget.value })}
        />
      </label>
      <label>
        {t('informContact')}
        <input
          type="text"
          maxLength={LIMITS.name}
          value={person.contact}
          onInput={(e) => set({ contact: e.currentTarget.value })}
        />
      </label>
      <label>
        {t('personLanguage')}
        <select
          value={person.lang ?? ''}
          onChange={(e) => set({ lang: (e.currentTarget.value || null) as MessageLang | null })}
        >
          <option value="">{t('personLanguageOfCrisis')}</option>
          {(Object.keys(LANGUAGE_NAMES) as MessageLang[]).map((lang) => (
            <option key={lang} value={lang}>
              {LANGUAGE_NAMES[lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('personGreeting')}
        <input
          type="text"
          maxLength={200}
          value={person.greeting}
          onInput={(e) => set({ greeting: e.currentTarget.value })}
        />
      </label>
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
