/**
 * The changes a user makes to a crisis, as data, and what each one does to the crisis and its
 * journal. One pure function, so that every change is journaled the same way.
 */
import type { EventDraft } from './journal';
import type { Crisis, Level } from './types';
import { LEVELS } from './types';

export type CrisisChange =
  | { op: 'level'; level: Level }
  | { op: 'title'; title: string }
  | { op: 'checklist'; itemId: string; done: boolean };

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
  }
}
