/** The settings' stakeholder directory: the people to inform, each edited, removed or added. */
import { t } from '../../core/i18n';
import { newId } from '../../core/model/ids';
import type { Settings, Stakeholder } from '../../core/model/types';
import { LANGUAGE_NAMES } from '../../ui/format';
import { roleName } from '../../ui/labels';
import { PersonForm } from '../person-form';
import { SaveBar, useEntryList, useSectionSave, type Saved } from './section-form';

/** A person as the directory lists them: name, key or not, role, language, channel, contact. */
function PersonRow(props: { person: Stakeholder; onEdit: () => void; onRemove: () => void }) {
  const p = props.person;
  return (
    <li class="row" data-testid="settings-person">
      <div>
        <strong>{p.name}</strong> {p.key && <span class="chip level-3">{t('informKey')}</span>}
        <div class="meta small muted">
          <span>{roleName(p.role)}</span>
          {p.lang && <span lang={p.lang}>{LANGUAGE_NAMES[p.lang]}</span>}
          {p.channel && <span>{p.channel}</span>}
          {p.contact && <span>{p.contact}</span>}
        </div>
      </div>
      <div class="meta">
        <button
          type="button"
          class="button"
          id={`person-${p.id}-edit`}
          aria-label={t('settingsDirectoryEdit', p.name)}
          onClick={props.onEdit}
        >
          {t('logEdit')}
        </button>
        <button
          type="button"
          class="button link"
          aria-label={t('informRemove', p.name)}
          onClick={props.onRemove}
        >
          {t('settingsRemove')}
        </button>
      </div>
    </li>
  );
}

/** A person not in the directory yet. */
const newPerson = (): Stakeholder => ({
  id: newId(),
  name: '',
  role: 'boss',
  channel: '',
  contact: '',
  key: true,
  lang: null,
  greeting: '',
});

export function DirectorySection(props: { settings: Settings; onSaved: Saved }) {
  const people = props.settings.stakeholders;
  const { status, error, save } = useSectionSave(props.onSaved);
  const { editing, setEditing, close, keep, remove } = useEntryList(
    props.settings,
    'stakeholders',
    'person',
    save,
  );

  return (
    <div class="settings-form" data-testid="settings-directory">
      {people.length === 0 && <p class="muted small">{t('settingsDirectoryEmpty')}</p>}
      {people.length > 0 && (
        <ul class="rows settings-people">
          {people.map((p) =>
            editing === p.id ? (
              <li key={p.id}>
                <PersonForm
                  submitTestId="settings-person-save"
                  person={p}
                  onSave={(person) => void keep(person)}
                  onCancel={() => close(`person-${p.id}-edit`)}
                />
              </li>
            ) : (
              <PersonRow
                key={p.id}
                person={p}
                onEdit={() => setEditing(p.id)}
                onRemove={() => void remove(p, t('settingsDirectoryRemoved', p.name))}
              />
            ),
          )}
        </ul>
      )}
      {editing === 'new' ? (
        <PersonForm
          submitTestId="settings-person-save"
          person={newPerson()}
          onSave={(person) => void keep(person)}
          onCancel={() => close('person-add')}
        />
      ) : (
        <p>
          <button type="button" class="button" id="person-add" onClick={() => setEditing('new')}>
            {t('settingsDirectoryAdd')}
          </button>
        </p>
      )}
      <SaveBar status={status} error={error} />
    </div>
  );
}
