/**
 * Step 4, plan and act while keeping people informed: considered actions tied to the damage they
 * repair, apologies to each affected party, and status updates logged on a cadence. What the
 * plan misses (a damage with no repair, a temporary fix with no lasting one) stays flagged.
 */
import { useState } from 'preact/hooks';
import { t } from '../../../core/i18n';
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
import { areaName, statusName } from '../../../ui/labels';
import { EditDelete } from './edit-delete';
import { ROW_STYLE } from './row-style';
import { ActionForm } from './plan-action-form';
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

function RepairButton(props: { onClick: () => void }) {
  return (
    <button type="button" class="button link" onClick={props.onClick}>
      {t('planAddRepair')}
    </button>
  );
}

/** What the plan misses: damages with no repair, temporary fixes with no lasting one. */
function PlanGaps(props: {
  crisis: Crisis;
  onAdd: (action: Action) => void;
  onChange: (change: CrisisChange) => void;
}) {
  return (
    <>
      {unrepairedDamages(props.crisis).map((d) => (
        <p key={d.id} class="error">
          {t('planUnrepaired', areaName(d))}{' '}
          <RepairButton onClick={() => props.onAdd(newAction({ damageId: d.id }))} />
          <button
            type="button"
            class="button link"
            title={t('planAcceptHelp')}
            data-testid="plan-accept"
            onClick={() => props.onChange({ op: 'accept-damage', rowId: d.id, accepted: true })}
          >
            {t('planAccept')}
          </button>
        </p>
      ))}
      {temporaryFixesToReplace(props.crisis).map((item) => (
        <p key={item.id} class="error">
          {t('planTemporary', checklistLabel(item))}{' '}
          <RepairButton onClick={() => props.onAdd(newAction({ replacesChecklistId: item.id }))} />
        </p>
      ))}
    </>
  );
}

/** One action: what, the damage it repairs, the fix it replaces, who, when; and its status. */
function ActionRow(props: {
  crisis: Crisis;
  action: Action;
  onEdit: () => void;
  onChange: (change: CrisisChange) => void;
}) {
  const { crisis, action: a, onChange } = props;
  const damage = crisis.assess.damages.find((d) => d.id === a.damageId);
  const damageName = damage ? areaName(damage) : null;
  const fix = crisis.react.checklist.find((i) => i.id === a.replacesChecklistId);
  const fixName = fix ? checklistLabel(fix) : null;
  return (
    <li class="row" style={ROW_STYLE}>
      <div>
        <strong>{a.what}</strong>
        <div class="meta small muted">
          {damageName && <span>{t('actionRepairsIs', damageName)}</span>}
          {fixName && <span>{t('actionReplacesIs', fixName)}</span>}
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
        <EditDelete
          onEdit={props.onEdit}
          onDelete={() => onChange({ op: 'action-remove', actionId: a.id })}
        />
      </div>
    </li>
  );
}

/** The damages the user accepted to leave unrepaired, each to take back. */
function AcceptedDamages(props: { crisis: Crisis; onChange: (change: CrisisChange) => void }) {
  const accepted = props.crisis.assess.damages.filter((d) => d.accepted);
  if (accepted.length === 0) return null;
  return (
    <>
      <h3 class="section">{t('planAcceptedTitle')}</h3>
      <ul class="rows" data-testid="plan-accepted">
        {accepted.map((d) => (
          <li key={d.id} class="row" style={ROW_STYLE}>
            <span>{t('planAcceptedRow', areaName(d))}</span>
            <button
              type="button"
              class="button link"
              onClick={() => props.onChange({ op: 'accept-damage', rowId: d.id, accepted: false })}
            >
              {t('planAcceptUndo')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

export function PlanStep(props: {
  crisis: Crisis;
  settings: Settings;
  onChange: (change: CrisisChange) => void;
}) {
  const { crisis, settings, onChange } = props;
  const [editing, setEditing] = useState<Action | null>(null);
  return (
    <section class="step-panel" aria-labelledby="plan-title">
      <h2 class="section" id="plan-title">
        {t('planTitle')}
      </h2>
      <PlanGaps crisis={crisis} onAdd={setEditing} onChange={onChange} />
      {crisis.plan.actions.length === 0 && <p class="muted small">{t('planEmpty')}</p>}
      <ul class="rows">
        {crisis.plan.actions.map((a) => (
          <ActionRow
            key={a.id}
            crisis={crisis}
            action={a}
            onEdit={() => setEditing(a)}
            onChange={onChange}
          />
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
      <AcceptedDamages crisis={crisis} onChange={onChange} />
      <Apologies crisis={crisis} onChange={onChange} />
      <StatusUpdates crisis={crisis} settings={settings} onChange={onChange} />
    </section>
  );
}
