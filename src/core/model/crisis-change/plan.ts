/**
 * Changes to step 4, plan: the actions of the plan, the apologies owed, and the status updates
 * sent.
 */
import { newId } from '../ids';
import { ACTION_STATUSES, type Action, type Apology } from '../types';
import type { ChangeHandlers } from './change';
import { upsertById } from './upsert-by-id';

export const planChanges: ChangeHandlers<
  'action' | 'action-remove' | 'apology' | 'apology-remove' | 'update-sent'
> = {
  action(crisis, change) {
    const what = change.action.what.trim().slice(0, 1000);
    if (!change.action.id || !what || !ACTION_STATUSES.includes(change.action.status)) return null;
    const action: Action = {
      ...change.action,
      what,
      owner: change.action.owner.trim().slice(0, 200),
      damageId: crisis.assess.damages.some((d) => d.id === change.action.damageId)
        ? change.action.damageId
        : null,
      replacesChecklistId: crisis.react.checklist.some(
        (i) => i.temporary && i.id === change.action.replacesChecklistId,
      )
        ? change.action.replacesChecklistId
        : null,
    };
    const before = crisis.plan.actions.find((a) => a.id === action.id);
    const actions = upsertById(crisis.plan.actions, action);
    const done = action.status === 'done' && before?.status !== 'done';
    return {
      crisis: { ...crisis, plan: { ...crisis.plan, actions } },
      events: [
        {
          type: done ? 'action-done' : 'action-changed',
          data: { actionId: action.id, what: action.what, status: action.status, added: !before },
        },
      ],
    };
  },

  'action-remove'(crisis, change) {
    const action = crisis.plan.actions.find((a) => a.id === change.actionId);
    if (!action) return null;
    const actions = crisis.plan.actions.filter((a) => a.id !== action.id);
    return {
      crisis: { ...crisis, plan: { ...crisis.plan, actions } },
      events: [
        {
          type: 'action-changed',
          data: { actionId: action.id, what: action.what, removed: true },
        },
      ],
    };
  },

  apology(crisis, change) {
    const party = change.apology.party.trim().slice(0, 200);
    if (!change.apology.id || !party) return null;
    const apology: Apology = {
      ...change.apology,
      party,
      note: change.apology.note.slice(0, 5000),
    };
    const before = crisis.plan.apologies.find((a) => a.id === apology.id);
    const apologies = upsertById(crisis.plan.apologies, apology);
    const sent = apology.sentAt !== null && !before?.sentAt;
    return {
      crisis: { ...crisis, plan: { ...crisis.plan, apologies } },
      events: sent ? [{ type: 'apology-sent', data: { apologyId: apology.id, party } }] : [],
    };
  },

  'apology-remove'(crisis, change) {
    const apologies = crisis.plan.apologies.filter((a) => a.id !== change.apologyId);
    if (apologies.length === crisis.plan.apologies.length) return null;
    // An apology already made stays in the journal ('apology-sent'): removing the row tidies
    // the plan, it does not rewrite what happened.
    return {
      crisis: { ...crisis, plan: { ...crisis.plan, apologies } },
      events: [],
    };
  },

  'update-sent'(crisis, change, now) {
    const text = change.text.trim().slice(0, 100_000);
    if (!text) return null;
    const subject = change.subject.replace(/\s+/g, ' ').trim().slice(0, 1_000);
    // Applied again on a cell's copy, the same update keeps its id: it is not sent twice.
    const id = change.updateId ?? newId();
    if (crisis.plan.updates.some((u) => u.id === id)) return null;
    const update = { id, sentAt: now, subject, text };
    return {
      crisis: {
        ...crisis,
        plan: { ...crisis.plan, updates: [...crisis.plan.updates, update] },
      },
      events: [{ type: 'update-sent', data: { updateId: update.id } }],
    };
  },
};
