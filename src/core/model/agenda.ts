/**
 * What is due, across every crisis: reaction deadlines and status updates of open crises (the
 * same times as their reminders), their actions' due dates, and the precautions of any crisis,
 * closed or not, since prevention outlives the crisis. The today view groups them as overdue,
 * due today and due this week; the crisis list counts down to each crisis's next one.
 *
 * Actions and precautions are due on a day (stored as that day's midnight UTC): they are due
 * all that day, wherever the user is, and overdue from the next one.
 */
import { reactionDueAt } from './deadlines';
import { hasReacted } from './steps';
import type { Crisis, Level, Settings } from './types';
import { DAY } from '../time';
import { updateDueAt } from './deadlines';

export type AgendaKind = 'reaction' | 'update' | 'action' | 'precaution';

export interface AgendaItem {
  kind: AgendaKind;
  crisisId: string;
  crisisTitle: string;
  level: Level;
  /** The action or precaution; null for a crisis's own deadlines. */
  itemId: string | null;
  /** What is to be done, as the user wrote it; '' for a crisis's own deadlines. */
  what: string;
  /** A time (ms since epoch), or for a day's item that day's midnight UTC. */
  at: number;
  /** Due on a day rather than at a time. */
  allDay: boolean;
}

/** Everything still to do by a time or a day for one crisis. */
export function agendaFor(crisis: Crisis, settings: Settings): AgendaItem[] {
  const base = { crisisId: crisis.id, crisisTitle: crisis.title, level: crisis.level };
  const items: AgendaItem[] = [];
  const day = (due: string | null) => {
    const at = due === null ? NaN : Date.parse(due.slice(0, 10));
    return Number.isNaN(at) ? null : at;
  };
  if (crisis.state === 'open') {
    if (!hasReacted(crisis)) {
      const at = reactionDueAt(crisis, settings);
      items.push({ ...base, kind: 'reaction', itemId: null, what: '', at, allDay: false });
    }
    const at = updateDueAt(crisis, settings);
    items.push({ ...base, kind: 'update', itemId: null, what: '', at, allDay: false });
    for (const action of crisis.plan.actions) {
      const at = day(action.due);
      if (at === null || action.status === 'done') continue;
      items.push({
        ...base,
        kind: 'action',
        itemId: action.id,
        what: action.what,
        at,
        allDay: true,
      });
    }
  }
  for (const precaution of crisis.learn.precautions) {
    const at = day(precaution.due);
    if (at === null || precaution.done) continue;
    items.push({
      ...base,
      kind: 'precaution',
      itemId: precaution.id,
      what: precaution.what,
      at,
      allDay: true,
    });
  }
  return items;
}

export type AgendaBucket = 'overdue' | 'today' | 'week' | 'later';

/** The local calendar day of a time, as YYYY-MM-DD. */
export function localDay(time: number): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The calendar day an item is due on: a day item's own, a timed item's local one. */
export function dueDay(item: Pick<AgendaItem, 'at' | 'allDay'>): string {
  return item.allDay ? new Date(item.at).toISOString().slice(0, 10) : localDay(item.at);
}

/**
 * Overdue once its time (or its whole day) has passed; due today on today's local date; due
 * this week within the next seven days.
 */
export function agendaBucket(item: Pick<AgendaItem, 'at' | 'allDay'>, now: number): AgendaBucket {
  const today = localDay(now);
  const day = dueDay(item);
  if (item.allDay ? day < today : item.at <= now) return 'overdue';
  if (day === today) return 'today';
  return day <= localDay(now + 7 * DAY) ? 'week' : 'later';
}

/**
 * A sort key that puts a day's items at the start of their local day, among the timed ones.
 */
export function agendaOrder(item: Pick<AgendaItem, 'at' | 'allDay'>): number {
  if (!item.allDay) return item.at;
  const [y, m, d] = dueDay(item).split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

/** The items of every crisis, soonest first. */
export function agenda(crises: readonly Crisis[], settings: Settings): AgendaItem[] {
  return crises
    .flatMap((c) => agendaFor(c, settings))
    .sort((a, b) => agendaOrder(a) - agendaOrder(b));
}
