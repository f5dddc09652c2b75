/** The form of one of the plan's actions: what, the damage it repairs, the fix it replaces, who, when. */
import { useState } from 'preact/hooks';
import { t } from '../../../core/i18n';
import { rankDamages } from '../../../core/model/assessment';
import type { Action, Crisis } from '../../../core/model/types';
import { EditForm } from '../../../ui/edit-form';
import { checklistLabel } from '../../../ui/format';
import { areaName } from '../../../ui/labels';
import { DueField } from './due-field';

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
      <label class="wide">
        {t('actionWhat')}
        <input
          type="text"
          required
          value={action.what}
          onInput={(e) => set({ what: e.currentTarget.value })}
        />
      </label>
      <label>
        {t('actionRepairs')}
        <select
          value={action.damageId ?? ''}
          onChange={(e) => set({ damageId: e.currentTarget.value || null })}
        >
          <option value="">—</option>
          {rankDamages(props.crisis.assess.damages).map((d) => (
            <option key={d.id} value={d.id}>
              {areaName(d)}
            </option>
          ))}
        </select>
      </label>
      {temporaryFixes.length > 0 && (
        <label>
          {t('actionReplaces')}
          <select
            value={action.replacesChecklistId ?? ''}
            onChange={(e) => set({ replacesChecklistId: e.currentTarget.value || null })}
          >
            <option value="">—</option>
            {temporaryFixes.map((item) => (
              <option key={item.id} value={item.id}>
                {checklistLabel(item)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('actionOwner')}
        <input
          type="text"
          value={action.owner}
          onInput={(e) => set({ owner: e.currentTarget.value })}
        />
      </label>
      <DueField due={action.due} onDue={(due) => set({ due })} />
    </EditForm>
  );
}
