/**
 * Step 4, plan and act while keeping people informed: considered actions tied to the damage they
 * repair, apologies to each affected party, and status updates logged on a cadence. What the
 * plan misses (a damage with no repair, a temporary fix with no lasting one) stays flagged.
 */
import { useState } from 'preact/hooks';
import { t } from '../../../core/i18n';
import { rankDamages } from '../../../core/model/assessment';
import type { CrisisChange } from '../../../core/model/crisis-change';
import { newId } from '../../../core/model/ids';
import { temporaryFixesToReplace, unrepairedDamages } from '../../../core/model/plan';
import {
  ACTION_STATUSES,
  type Action,
  type ActionStatus,
  type Crisis,
  type Settings,
} from '../../../core/model/types';
import { checklistLabel, formatDay } from '../../../ui/format';
import { EditForm } from '../../../ui/edit-form';
import { areaName, statusName } from '../../../ui/labels';
import { Apologies } from './plan-apologies';
import { StatusUpdates } from './plan-updates';

const newAction = (overrides: Partial<Action> = {}): Action => ({
  id: newId(),
  what: '',
  damageId: null,
  owner: '',
  due: null,
  status: 'todo',
  replacesChecklistId: null,
  ...overrides,
});

const temporaryFixes = (crisis: Crisis) => crisis.react.checklist.filter((i) => i.temporary);

function ActionForm(props: {
  crisis: Crisis;
  action: Action;
  onSave: (a: Action) => void;
  onCancel: () => void;
}) {
  const [action, setAction] = useState(props.action);
  const set = (patch: Partial<Action>) => setAction({ ...action, ...patch });
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
      {temporaryFixes(props.crisis).length > 0 && (
        <label>
          {t('actionReplaces')}
          <select
            value={action.replacesChecklistId ?? ''}
            onChange={(e) => set({ replacesChecklistId: e.currentTarget.value || null })}
          >
            <option value="">—</option>
            {temporaryFixes(props.crisis).map((item) => (
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
      <label>
        {t('actionDue')}
        <input
          type="date"
          value={action.due?.slice(0, 10) ?? ''}
          onInput={(e) =>
            set({
              due: e.currentTarget.value ? new Date(e.currentTarget.value).toISOString() : null,
            })
          }
        />
      </label>
    </EditForm>
  );
}

export function PlanStep(props: {
  crisis: Crisis;
  settings: Settings;
  onChange: (change: CrisisChange) => void;
}) {
  const { crisis, settings, onChange } = props;
  const [editing, setEditing] = useState<Action | null>(null);
  const unrepaired = unrepairedDamages(crisis);
  const temporary = temporaryFixesToReplace(crisis);
  const accepted = crisis.assess.damages.filter((d) => d.accepted);
  const damageName = (id: string | null) => {
    const row = crisis.assess.damages.find((d) => d.id === id);
    return row ? areaName(row) : null;
  };
  const fixName = (id: string | null) => {
    const item = crisis.react.checklist.find((i) => i.id === id);
    return item ? checklistLabel(item) : null;
  };

  return (
    <section class="step-panel" aria-labelledby="plan-title">
      <h2 class="section" id="plan-title">
        {t('planTitle')}
      </h2>
      {unrepaired.map((d) => (
        <p key={d.id} class="error">
          {t('planUnrepaired', areaName(d))}{' '}
          <button
            type="button"
            class="button link"
            onClick={() => setEditing(newAction({ damageId: d.id }))}
          >
            {t('planAddRepair')}
          </button>
          <button
            type="button"
            class="button link"
            title={t('planAcceptHelp')}
            data-testid="plan-accept"
            onClick={() => onChange({ op: 'accept-damage', rowId: d.id, accepted: true })}
          >
            {t('planAccept')}
          </button>
        </p>
      ))}
      {temporary.map((item) => (
        <p key={item.id} class="error">
          {t('planTemporary', checklistLabel(item))}{' '}
          <button
            type="button"
            class="button link"
            onClick={() => setEditing(newAction({ replacesChecklistId: item.id }))}
          >
            {t('planAddRepair')}
          </button>
        </p>
      ))}
      {crisis.plan.actions.length === 0 && <p class="muted small">{t('planEmpty')}</p>}
      <ul class="rows">
        {crisis.plan.actions.map((a) => (
          <li key={a.id} class="row" style={{ gridTemplateColumns: '1fr auto' }}>
            <div>
              <strong>{a.what}</strong>
              <div class="meta small muted">
                {damageName(a.damageId) && (
                  <span>{t('actionRepairsIs', damageName(a.damageId)!)}</span>
                )}
                {fixName(a.replacesChecklistId) && (
                  <span>{t('actionReplacesIs', fixName(a.replacesChecklistId)!)}</span>
                )}
                {a.owner && <span>{t('actionOwnerIs', a.owner)}</span>}
                {a.due && <span>{t('actionDueIs', formatDay(a.due))}</span>}
              </div>
            </div>
            <div class="meta">
              <label>
                <span class="visually-hidden">{t('actionStatus')}</span>
                <select
                  value={a.status}
                  aria-label={t('actionStatus')}
                  onChange={(e) =>
                    onChange({
                      op: 'action',
                      action: { ...a, status: e.currentTarget.value as ActionStatus },
                    })
                  }
                >
                  {ACTION_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {statusName(s)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" class="button link" onClick={() => setEditing(a)}>
                {t('logEdit')}
              </button>
              <button
                type="button"
                class="button link"
                onClick={() => onChange({ op: 'action-remove', actionId: a.id })}
              >
                {t('logDelete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {editing ? (
        <ActionForm
          key={editing.id}
          crisis={crisis}
          action={editing}
          onCancel={() => setEditing(null)}
          onSave={(action) => {
            onChange({ op: 'action', action });
            setEditing(null);
          }}
        />
      ) : (
        <p>
          <button type="button" class="button" onClick={() => setEditing(newAction())}>
            {t('planAddAction')}
          </button>
        </p>
      )}

      {accepted.length > 0 && (
        <>
          <h3 class="section">{t('planAcceptedTitle')}</h3>
          <ul class="rows" data-testid="plan-accepted">
            {accepted.map((d) => (
              <li key={d.id} class="row" style={{ gridTemplateColumns: '1fr auto' }}>
                <span>{t('planAcceptedRow', areaName(d))}</span>
                <button
                  type="button"
                  class="button link"
                  onClick={() => onChange({ op: 'accept-damage', rowId: d.id, accepted: false })}
                >
                  {t('planAcceptUndo')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      <Apologies crisis={crisis} onChange={onChange} />
      <StatusUpdates crisis={crisis} settings={settings} onChange={onChange} />
    </section>
  );
}
