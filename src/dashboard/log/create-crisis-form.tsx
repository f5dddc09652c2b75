/** The form that opens a crisis from the ticked mentions: its name (offered) and its level. */
import { useState } from 'preact/hooks';
import { t } from '../../core/i18n';
import { crisisNameFor } from '../../core/model/mention';
import type { Level, Mention } from '../../core/model/types';
import { EditForm } from '../../ui/edit-form';
import { LevelOptions } from '../../ui/components';
import { CrisisNameField } from '../crisis-name-field';

export function CreateCrisisForm(props: {
  first: Mention | undefined;
  onCreate: (title: string, level: Level) => void;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(() => (props.first ? crisisNameFor(props.first) : ''));
  const [level, setLevel] = useState<Level>(2);
  return (
    <EditForm
      onSubmit={() => props.onCreate(title, level)}
      onCancel={props.onCancel}
      submitTestId="log-create-crisis-confirm"
      submitLabel={t('logCreateCrisis')}
    >
      <CrisisNameField label={t('logCrisisTitle')} value={title} onInput={setTitle} />
      <label>
        {t('levelLabel')}
        <select
          value={String(level)}
          onChange={(e) => setLevel(Number(e.currentTarget.value) as Level)}
        >
          <LevelOptions />
        </select>
      </label>
    </EditForm>
  );
}
