/**
 * When Vigie must speak up: for an open crisis, at half the reaction target, when it is
 * overdue, and when stakeholders have had no status update for the level's cadence; on the
 * morning of the day an action (open crisis) or a precaution (any crisis: prevention outlives
 * the crisis) is due. Alarms are rebuilt from this schedule whenever the background starts, so
 * a stopped worker misses nothing.
 */
import { agendaFor, agendaOrder } from './agenda';
import { reactionDueAt } from './deadlines';
import { hasReacted } from './steps';
import type { Crisis, Settings } from './types';
import { HOUR } from '../time';

/** A day's item is called to mind at this local hour of its day: the start of a working day. */
const MORNING_HOUR = 9;

export const REMINDER_KINDS = [
  'react-half',
  'react-overdue',
  'update-due',
  'action-due',
  'precaution-due',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Whether a text read back from an alarm or a notification's id is a reminder's kind. */
export const isReminderKind = (kind: string | undefined): kind is ReminderKind =>
  (REMINDER_KINDS as readonly (string | undefined)[]).includes(kind);

export interface Reminder {
  kind: ReminderKind;
  crisisId: string;
  /** The action or precaution reminded of; absent for the crisis's own deadlines. */
  itemId?: string;
  /** When it is due (ms since epoch); a time already past means "now". */
  at: number;
}

/** Every reminder still to come (or due) for a crisis. */
export function remindersFor(crisis: Crisis, settings: Settings): Reminder[] {
  const list: Reminder[] = [];
  if (crisis.state === 'open' && !hasReacted(crisis)) {
    const due = reactionDueAt(crisis, settings);
    const opened = Date.parse(crisis.openedAt);
    list.push({ kind: 'react-half', crisisId: crisis.id, at: opened + (due - opened) / 2 });
    list.push({ kind: 'react-overdue', crisisId: crisis.id, at: due });
  }
  for (const item of agendaFor(crisis, settings)) {
    if (item.kind === 'update') list.push({ kind: 'update-due', crisisId: crisis.id, at: item.at });
    if (item.kind === 'action' || item.kind === 'precaution') {
      list.push({
        kind: item.kind === 'action' ? 'action-due' : 'precaution-due',
        crisisId: crisis.id,
        itemId: item.itemId!,
        at: agendaOrder(item) + MORNING_HOUR * HOUR,
      });
    }
  }
  return list;
}

/** The alarm name of a reminder, and back. */
export function alarmName(r: Pick<Reminder, 'kind' | 'crisisId' | 'itemId'>): string {
  return r.itemId ? `${r.kind}|${r.crisisId}|${r.itemId}` : `${r.kind}|${r.crisisId}`;
}

export function parseAlarmName(
  name: string,
): Pick<Reminder, 'kind' | 'crisisId' | 'itemId'> | null {
  const [kind, crisisId, itemId, extra] = name.split('|');
  if (!crisisId || extra !== undefined || !isReminderKind(kind)) return null;
  const withItem = kind === 'action-due' || kind === 'precaution-due';
  if (withItem !== Boolean(itemId)) return null;
  return { kind, crisisId, ...(itemId && { itemId }) };
}

/** What the background must do about reminders now: alarms to set, reminders already due. */
export interface ReminderPlan {
  alarms: { name: string; when: number }[];
  dueNow: Reminder[];
}

/**
 * Plans the alarms of every open crisis. A reminder whose time passed while the worker or the
 * browser was stopped is due now, unless the journal says it was already given (`sent` holds
 * `alarmName@at` of every reminder-sent event).
 */
export function planReminders(
  crises: readonly Crisis[],
  settings: Settings,
  sent: ReadonlySet<string>,
  now: number,
): ReminderPlan {
  const plan: ReminderPlan = { alarms: [], dueNow: [] };
  for (const crisis of crises) {
    for (const reminder of remindersFor(crisis, settings)) {
      if (reminder.at > now) plan.alarms.push({ name: alarmName(reminder), when: reminder.at });
      else if (!sent.has(sentKey(reminder))) plan.dueNow.push(reminder);
    }
  }
  return plan;
}

/** How the journal remembers that a reminder was given. */
export function sentKey(r: Reminder): string {
  return `${alarmName(r)}@${r.at}`;
}
