/**
 * The changes a user makes to a crisis, as data, and what each one does to the crisis and its
 * journal. One pure function, so that every change is journaled the same way.
 */
import type { EventDraft } from './journal';
import type {
  Crisis,
  CrisisStakeholder,
  DamageArea,
  DamageRow,
  Level,
  StakeholderRole,
} from './types';
import { LEVELS } from './types';

export type CrisisChange =
  | { op: 'level'; level: Level }
  | { op: 'title'; title: string }
  | { op: 'checklist'; itemId: string; done: boolean }
  | { op: 'damage'; row: DamageRow }
  | { op: 'damage-remove'; rowId: string }
  | { op: 'stakeholder'; stakeholder: CrisisStakeholder }
  | { op: 'stakeholder-remove'; stakeholderId: string }
  | { op: 'informed'; stakeholderId: string; informed: boolean }
  | { op: 'message'; text: string };

const AREAS: readonly DamageArea[] = [
  'customers',
  'social',
  'press',
  'search',
  'employees',
  'partners',
  'finance',
  'legal',
  'custom',
];

const ROLES: readonly StakeholderRole[] = ['boss', 'supervisor', 'client', 'partner', 'other'];

/** A stakeholder as the user may enter it: a name, a known role. */
function cleanStakeholder(s: CrisisStakeholder): CrisisStakeholder | null {
  const name = s.name.trim().slice(0, 200);
  if (!s.id || !name || !ROLES.includes(s.role)) return null;
  return {
    ...s,
    name,
    channel: s.channel.trim().slice(0, 100),
    contact: s.contact.trim().slice(0, 500),
    key: Boolean(s.key),
  };
}

/** A damage row as the user may enter it: a known area, degree 1–5, a cost of zero or more. */
function cleanDamage(row: DamageRow): DamageRow | null {
  if (!row.id || !AREAS.includes(row.area)) return null;
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
      const title = change.title.trim().slice(0, 200);
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
      const stakeholders = crisis.inform.stakeholders.map((p) =>
        p.id === person.id ? { ...p, informedAt: change.informed ? now : null } : p,
      );
      return {
        crisis: { ...crisis, inform: { ...crisis.inform, stakeholders }, updatedAt: now },
        events: change.informed
          ? [
              {
                type: 'stakeholder-informed',
                data: { stakeholderId: person.id, name: person.name, key: person.key },
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
      if (change.text === crisis.inform.message) return null;
      const message = change.text.slice(0, 20_000);
      return {
        crisis: { ...crisis, inform: { ...crisis.inform, message }, updatedAt: now },
        events: [],
      };
    }
  }
}
