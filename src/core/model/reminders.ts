/**
 * When Vigie must speak up for an open crisis: at half the reaction target, when it is overdue,
 * and when stakeholders have had no status update for the level's cadence. Alarms are rebuilt
 * from this schedule whenever the background starts, so a stopped worker misses nothing.
 */
import { hasReacted } from './steps';
import type { Crisis, Settings } from './types';

const HOUR = 3_600_000;

export type ReminderKind = 'react-half' | 'react-overdue' | 'update-due';

export interface Reminder {
  kind: ReminderKind;
  crisisId: string;
  /** When it is due (ms since epoch); a time already past means "now". */
  at: number;
}

/** Every reminder still to come (or due) for a crisis; none once it is closed. */
export function remindersFor(crisis: Crisis, settings: Settings): Reminder[] {
  if (crisis.state !== 'open') return [];
  const opened = Date.parse(crisis.openedAt);
  const target = settings.reactionTargetsHours[crisis.level] * HOUR;
  const list: Reminder[] = [];
  if (!hasReacted(crisis)) {
    list.push({ kind: 'react-half', crisisId: crisis.id, at: opened + target / 2 });
    list.push({ kind: 'react-overdue', crisisId: crisis.id, at: opened + target });
  }
  const updates = crisis.plan.updates.map((u) => Date.parse(u.sentAt));
  const last = updates.length ? Math.max(...updates) : opened;
  list.push({
    kind: 'update-due',
    crisisId: crisis.id,
    at: last + settings.updateCadenceHours[crisis.level] * HOUR,
  });
  return list;
}

/** The alarm name of a reminder, and back. */
export function alarmName(r: Pick<Reminder, 'kind' | 'crisisId'>): string {
  return `${r.kind}|${r.crisisId}`;
}

export function parseAlarmName(name: string): Pick<Reminder, 'kind' | 'crisisId'> | null {
  const [kind, crisisId] = name.split('|');
  if (!crisisId || !['react-half', 'react-overdue', 'update-due'].includes(kind ?? '')) return null;
  return { kind: kind as ReminderKind, crisisId };
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
