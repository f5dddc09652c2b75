/**
 * The changes a user makes to a crisis, as data, and what each one does to the crisis and its
 * journal. One pure function, so that every change is journaled the same way.
 */
import type { EventDraft } from './journal';
import type {
  Action,
  Apology,
  Crisis,
  CrisisStakeholder,
  DamageRow,
  Fault,
  Level,
  MessageLang,
  MessageVariant,
  PostMortem,
  SentMessage,
  StepId,
} from './types';
import { CRISIS_TITLE_MAX } from './crisis';
import { stepCriteriaMet } from './steps';
import { newId } from './ids';
import { LIMITS } from './limits';
import {
  ACTION_STATUSES,
  DAMAGE_AREAS,
  FAULTS,
  LEVELS,
  MESSAGE_LANGS,
  MESSAGE_VARIANTS,
  ROLES,
  STEPS,
} from './types';

export type CrisisChange =
  | { op: 'level'; level: Level }
  | { op: 'title'; title: string }
  | { op: 'checklist'; itemId: string; done: boolean }
  | { op: 'damage'; row: DamageRow }
  | { op: 'damage-remove'; rowId: string }
  | { op: 'stakeholder'; stakeholder: CrisisStakeholder }
  | { op: 'stakeholder-remove'; stakeholderId: string }
  /** Informed (with the message they were sent, when written in Vigie), or not after all. */
  | { op: 'informed'; stakeholderId: string; informed: boolean; message?: SentMessage | null }
  /** The draft of step 3's message: its subject and body. */
  | { op: 'message'; subject: string; text: string }
  /** The message language, kind and what is known of the fault, remembered for the crisis. */
  | { op: 'inform-options'; lang?: MessageLang; variant?: MessageVariant; fault?: Fault }
  | { op: 'action'; action: Action }
  | { op: 'action-remove'; actionId: string }
  | { op: 'accept-damage'; rowId: string; accepted: boolean }
  | { op: 'apology'; apology: Apology }
  | { op: 'apology-remove'; apologyId: string }
  | { op: 'update-sent'; subject: string; text: string }
  /**
   * A note of the user's in the journal ("called the journalist at 15:10"), at the time it
   * happened. The journal is append-only: an edit is a new line with the same noteId, and an
   * empty text removes the note from view.
   */
  | { op: 'note'; noteId: string; text: string; happenedAt: string }
  | { op: 'postmortem'; learn: PostMortem }
  /**
   * The user marks a step done (its work done, or, when not, saying why it counts as done) or
   * skips it (saying why): an explicit choice, journaled with its reason.
   */
  | { op: 'step-mark'; step: StepId; state: 'done' | 'skipped'; reason: string };

/** A stakeholder as the user may enter it: a name, a known role, a known language or none. */
function cleanStakeholder(s: CrisisStakeholder): CrisisStakeholder | null {
  const name = s.name.trim().slice(0, 200);
  if (!s.id || !name || !ROLES.includes(s.role)) return null;
  return {
    ...s,
    name,
    channel: s.channel.trim().slice(0, 100),
    contact: s.contact.trim().slice(0, 500),
    key: Boolean(s.key),
    lang: s.lang && MESSAGE_LANGS.includes(s.lang) ? s.lang : null,
    greeting: s.greeting.trim().slice(0, 200),
  };
}

/** A sent message as kept: a known language and kind, its texts within their limits. */
function cleanMessage(m: SentMessage | null | undefined): SentMessage | null {
  if (!m || !MESSAGE_LANGS.includes(m.lang) || !MESSAGE_VARIANTS.includes(m.variant)) return null;
  return { ...m, subject: m.subject.slice(0, 1_000), body: m.body.slice(0, 100_000) };
}

/** A damage row as the user may enter it: a known area, degree 1–5, a cost of zero or more. */
function cleanDamage(row: DamageRow): DamageRow | null {
  if (!row.id || !DAMAGE_AREAS.includes(row.area)) return null;
  const degree = Math.min(5, Math.max(1, Math.round(row.degree))) as DamageRow['degree'];
  const cost = Number.isFinite(row.cost) && row.cost > 0 ? row.cost : 0;
  return {
    ...row,
    degree,
    cost,
    customArea: row.area === 'custom' ? row.customArea.trim().slice(0, 100) : '',
    currency: (row.currency.trim().toUpperCase() || 'EUR').slice(0, 3),
    note: row.note.slice(0, 5000),
    mentionIds: [...new Set(row.mentionIds)],
  };
}

/** The crisis after `change`, and the journal lines it writes; null when nothing changes. */
export function applyCrisisChange(
  crisis: Crisis,
  change: CrisisChange,
  now: string,
): { crisis: Crisis; events: EventDraft[] } | null {
  switch (change.op) {
    case 'level': {
      if (!LEVELS.includes(change.level) || change.level === crisis.level) return null;
      return {
        crisis: { ...crisis, level: change.level, updatedAt: now },
        events: [
          {
            type: 'level-changed',
            data: { from: crisis.level, to: change.level, level: change.level },
          },
        ],
      };
    }
    case 'title': {
      const title = change.title.trim().slice(0, CRISIS_TITLE_MAX);
      if (!title || title === crisis.title) return null;
      return {
        crisis: { ...crisis, title, updatedAt: now },
        events: [{ type: 'renamed', data: { from: crisis.title, to: title } }],
      };
    }
    case 'checklist': {
      const item = crisis.react.checklist.find((i) => i.id === change.itemId);
      if (!item || item.done === change.done) return null;
      const checklist = crisis.react.checklist.map((i) =>
        i.id === item.id ? { ...i, done: change.done, doneAt: change.done ? now : null } : i,
      );
      return {
        crisis: { ...crisis, react: { ...crisis.react, checklist }, updatedAt: now },
        events: [
          {
            type: change.done ? 'checklist-done' : 'checklist-undone',
            data: { itemId: item.id, label: item.label, temporary: item.temporary },
          },
        ],
      };
    }
    case 'damage': {
      const row = cleanDamage(change.row);
      if (!row) return null;
      const exists = crisis.assess.damages.some((d) => d.id === row.id);
      const damages = exists
        ? crisis.assess.damages.map((d) => (d.id === row.id ? row : d))
        : [...crisis.assess.damages, row];
      const area = row.area === 'custom' ? row.customArea : row.area;
      return {
        crisis: { ...crisis, assess: { damages }, updatedAt: now },
        events: [
          {
            type: 'damage-changed',
            data: { rowId: row.id, area, degree: row.degree, added: !exists },
          },
        ],
      };
    }
    case 'damage-remove': {
      const row = crisis.assess.damages.find((d) => d.id === change.rowId);
      if (!row) return null;
      const damages = crisis.assess.damages.filter((d) => d.id !== row.id);
      return {
        crisis: { ...crisis, assess: { damages }, updatedAt: now },
        events: [
          { type: 'damage-changed', data: { rowId: row.id, area: row.area, removed: true } },
        ],
      };
    }
    case 'stakeholder': {
      const person = cleanStakeholder(change.stakeholder);
      if (!person) return null;
      const list = crisis.inform.stakeholders;
      const exists = list.some((p) => p.id === person.id);
      const stakeholders = exists
        ? list.map((p) => (p.id === person.id ? person : p))
        : [...list, person];
      return {
        crisis: { ...crisis, inform: { ...crisis.inform, stakeholders }, updatedAt: now },
        events: [],
      };
    }
    case 'stakeholder-remove': {
      const list = crisis.inform.stakeholders;
      if (!list.some((p) => p.id === change.stakeholderId)) return null;
      const stakeholders = list.filter((p) => p.id !== change.stakeholderId);
      return {
        crisis: { ...crisis, inform: { ...crisis.inform, stakeholders }, updatedAt: now },
        events: [],
      };
    }
    case 'informed': {
      const person = crisis.inform.stakeholders.find((p) => p.id === change.stakeholderId);
      if (!person || (person.informedAt !== null) === change.informed) return null;
      const message = change.informed ? cleanMessage(change.message) : null;
      const stakeholders = crisis.inform.stakeholders.map((p) =>
        p.id === person.id ? { ...p, informedAt: change.informed ? now : null, message } : p,
      );
      return {
        crisis: { ...crisis, inform: { ...crisis.inform, stakeholders }, updatedAt: now },
        events: change.informed
          ? [
              {
                type: 'stakeholder-informed',
                data: {
                  stakeholderId: person.id,
                  name: person.name,
                  key: person.key,
                  ...(message && {
                    subject: message.subject,
                    lang: message.lang,
                    variant: message.variant,
                  }),
                },
              },
            ]
          : [
              {
                type: 'stakeholder-uninformed',
                data: { stakeholderId: person.id, name: person.name },
              },
            ],
      };
    }
    case 'message': {
      const message = change.text.slice(0, 100_000);
      const subject = change.subject.replace(/\s+/g, ' ').trim().slice(0, 1_000);
      if (message === crisis.inform.message && subject === crisis.inform.subject) return null;
      return {
        crisis: { ...crisis, inform: { ...crisis.inform, subject, message }, updatedAt: now },
        events: [],
      };
    }
    case 'inform-options': {
      const inform = { ...crisis.inform };
      if (change.lang && MESSAGE_LANGS.includes(change.lang)) inform.lang = change.lang;
      if (change.variant && MESSAGE_VARIANTS.includes(change.variant)) {
        inform.variant = change.variant;
      }
      if (change.fault && FAULTS.includes(change.fault)) inform.fault = change.fault;
      const same =
        inform.lang === crisis.inform.lang &&
        inform.variant === crisis.inform.variant &&
        inform.fault === crisis.inform.fault;
      return same ? null : { crisis: { ...crisis, inform, updatedAt: now }, events: [] };
    }
    case 'action': {
      const what = change.action.what.trim().slice(0, 1000);
      if (!change.action.id || !what || !ACTION_STATUSES.includes(change.action.status))
        return null;
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
      const actions = before
        ? crisis.plan.actions.map((a) => (a.id === action.id ? action : a))
        : [...crisis.plan.actions, action];
      const done = action.status === 'done' && before?.status !== 'done';
      return {
        crisis: { ...crisis, plan: { ...crisis.plan, actions }, updatedAt: now },
        events: [
          {
            type: done ? 'action-done' : 'action-changed',
            data: { actionId: action.id, what: action.what, status: action.status, added: !before },
          },
        ],
      };
    }
    case 'action-remove': {
      const action = crisis.plan.actions.find((a) => a.id === change.actionId);
      if (!action) return null;
      const actions = crisis.plan.actions.filter((a) => a.id !== action.id);
      return {
        crisis: { ...crisis, plan: { ...crisis.plan, actions }, updatedAt: now },
        events: [
          {
            type: 'action-changed',
            data: { actionId: action.id, what: action.what, removed: true },
          },
        ],
      };
    }
    case 'accept-damage': {
      const row = crisis.assess.damages.find((d) => d.id === change.rowId);
      if (!row || row.accepted === change.accepted) return null;
      const damages = crisis.assess.damages.map((d) =>
        d.id === row.id ? { ...d, accepted: change.accepted } : d,
      );
      return {
        crisis: { ...crisis, assess: { damages }, updatedAt: now },
        events: [
          {
            type: 'damage-changed',
            data: {
              rowId: row.id,
              area: row.area === 'custom' ? row.customArea : row.area,
              accepted: change.accepted,
            },
          },
        ],
      };
    }
    case 'apology': {
      const party = change.apology.party.trim().slice(0, 200);
      if (!change.apology.id || !party) return null;
      const apology: Apology = {
        ...change.apology,
        party,
        note: change.apology.note.slice(0, 5000),
      };
      const before = crisis.plan.apologies.find((a) => a.id === apology.id);
      const apologies = before
        ? crisis.plan.apologies.map((a) => (a.id === apology.id ? apology : a))
        : [...crisis.plan.apologies, apology];
      const sent = apology.sentAt !== null && !before?.sentAt;
      return {
        crisis: { ...crisis, plan: { ...crisis.plan, apologies }, updatedAt: now },
        events: sent ? [{ type: 'apology-sent', data: { apologyId: apology.id, party } }] : [],
      };
    }
    case 'apology-remove': {
      const apologies = crisis.plan.apologies.filter((a) => a.id !== change.apologyId);
      if (apologies.length === crisis.plan.apologies.length) return null;
      // An apology already made stays in the journal ('apology-sent'): removing the row tidies
      // the plan, it does not rewrite what happened.
      return {
        crisis: { ...crisis, plan: { ...crisis.plan, apologies }, updatedAt: now },
        events: [],
      };
    }
    case 'update-sent': {
      const text = change.text.trim().slice(0, 100_000);
      if (!text) return null;
      const subject = change.subject.replace(/\s+/g, ' ').trim().slice(0, 1_000);
      const update = { id: newId(), sentAt: now, subject, text };
      return {
        crisis: {
          ...crisis,
          plan: { ...crisis.plan, updates: [...crisis.plan.updates, update] },
          updatedAt: now,
        },
        events: [{ type: 'update-sent', data: { updateId: update.id } }],
      };
    }
    case 'note': {
      const happened = Date.parse(change.happenedAt);
      if (!/^[\w-]{1,100}$/.test(change.noteId) || Number.isNaN(happened)) return null;
      const text = change.text.trim().slice(0, LIMITS.note);
      return {
        crisis: { ...crisis, updatedAt: now },
        events: [
          {
            type: 'note',
            data: {
              noteId: change.noteId,
              text,
              happenedAt: new Date(happened).toISOString(),
            },
          },
        ],
      };
    }
    case 'postmortem': {
      const text = (value: string, max = 5000) => value.trim().slice(0, max);
      const list = (values: readonly string[], max = 200) =>
        values.map((v) => text(v, max)).filter(Boolean);
      const l = change.learn;
      const learn: PostMortem = {
        whatHappened: text(l.whatHappened, 20_000),
        whys: list(l.whys, 2000).slice(0, 10),
        decision: text(l.decision),
        circumstances: text(l.circumstances),
        rootCause: text(l.rootCause, 200),
        precautions: l.precautions
          .filter((p) => p.id && text(p.what))
          .map((p) => ({ ...p, what: text(p.what, 1000), owner: text(p.owner, 200) })),
        watchTerms: [...new Set(list(l.watchTerms, 100))],
      };
      if (JSON.stringify(learn) === JSON.stringify(crisis.learn)) return null;
      return {
        crisis: { ...crisis, learn, updatedAt: now },
        events: [{ type: 'postmortem-changed', data: { rootCause: learn.rootCause } }],
      };
    }
    case 'step-mark': {
      const { step, state } = change;
      if (!STEPS.includes(step) || (state !== 'done' && state !== 'skipped')) return null;
      if (crisis.steps[step] === state) return null;
      const reason = change.reason.trim().slice(0, 2_000);
      // A step whose work is not done is done only with the user's reason; a skip always has one.
      if (!reason && (state === 'skipped' || !stepCriteriaMet(crisis, step))) return null;
      return {
        crisis: { ...crisis, steps: { ...crisis.steps, [step]: state }, updatedAt: now },
        events: [
          {
            type: state === 'done' ? 'step-done' : 'step-skipped',
            data: reason ? { step, reason } : { step },
          },
        ],
      };
    }
  }
}
