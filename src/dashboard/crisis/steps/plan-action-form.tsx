/** The form of one of the plan's actions: what, the damage it repairs, the fix it replaces, who, when. */
import { useState } from 'preact/hooks';
import { t } from '../../../core/i18n';
import { rankDamages } from '../../../core/model/assessment';
import type { Action, Crisis } from '../../../core/model/types';
import { EditForm } from '../../../ui/edit-form';
import { checklistLabel } from '../../../ui/format';
import { areaName } from '../../../ui/labels';
import { DueField } from './due-field';
import { TextField } from './text-field';

/** A choice that may stay unmade ("—"): the id of one of `options`, or null. */
function OptionalChoice(props: {
  label: string;
  value: string | null;
  options: [id: string, name: string][];
  onChange: (id: string | null) => void;
}) {
  return (
    <label>
      {props.label}
      <select
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.currentTarget.value || null)}
      >
        <option value="">—</option>
        {props.options.map(([id, name]) => (
          <option key={id} value={id}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ActionForm(props: {
  crisis: Crisis;
  action: Action;
  onSave: (a: Action) => void;
  onCancel: () => void;
}) {
  const [action, setAction] = useState(props.action);
  const set = (patch: Partial<Action>) => setAction({ ...action, ...patch });
  const temporaryFixes = props.crisis.react.checklist.filter((i) => i.temporary);
  return (
    <EditForm onSubmit={() => props.onSave(action)} onCancel={props.onCancel}>
      <TextField
        wide
        label={t('actionWhat')}
        required
        value={action.what}
        onInput={(what) => set({ what })}
      />
      <OptionalChoice
        label={t('actionRepairs')}
        value={action.damageId}
        options={rankDamages(props.crisis.assess.damages).map((d) => [d.id, areaName(d)])}
        onChange={(damageId) => set({ damageId })}
      />
      {temporaryFixes.length > 0 && (
        <OptionalChoice
          label={t('actionReplaces')}
          value={action.replacesChecklistId}
          options={temporaryFixes.map((item) => [item.id, checklistLabel(item)])}
          onChange={(replacesChecklistId) => set({ replacesChecklistId })}
        />
      )}
      <TextField
        label={t('actionOwner')}
        value={action.owner}
        onInput={(owner) => set({ owner })}
      />
      <DueField due={action.due} onDue={(due) => set({ due })} />
    </EditForm>
  );
}
