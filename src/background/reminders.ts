/**
 * Deadlines and reminders as browser alarms. The schedule is rebuilt from the database whenever
 * the background starts and whenever a crisis changes, so a stopped worker or browser misses
 * nothing: a reminder that fell due meanwhile is given at once, and only once (the journal
 * records each one).
 */
import { browser, type Alarms } from '../core/browser';
import { t } from '../core/i18n';
import { allCrises, appendEventOnce, getCrisis, listEvents, newEvent } from '../core/db/crises';
import { getSettings } from '../core/db/settings';
import {
  parseAlarmName,
  planReminders,
  remindersFor,
  sentKey,
  type Reminder,
} from '../core/model/reminders';
import type { Crisis } from '../core/model/types';
import { formatDay } from '../ui/format';
import { database } from './database';
import { notify } from './notices';

function message(reminder: Reminder, crisis: Crisis): { title: string; message: string } {
  const { title } = crisis;
  const item = (list: readonly { id: string; what: string; due: string | null }[]) => {
    const found = list.find((entry) => entry.id === reminder.itemId);
    return [found?.what || '—', found?.due ? formatDay(found.due) : '—', title];
  };
  switch (reminder.kind) {
    case 'react-half':
      return { title: t('reminderHalfTitle'), message: t('reminderHalf', title) };
    case 'react-overdue':
      return { title: t('reminderOverdueTitle'), message: t('reminderOverdue', title) };
    case 'update-due':
      return { title: t('reminderUpdateTitle'), message: t('reminderUpdate', title) };
    case 'action-due':
      return {
        title: t('reminderActionTitle'),
        message: t('reminderAction', item(crisis.plan.actions)),
      };
    case 'precaution-due':
      return {
        title: t('reminderPrecautionTitle'),
        message: t('reminderPrecaution', item(crisis.learn.precautions)),
      };
  }
}

/** Whether a reminder still concerns its crisis: a closed one keeps only its precautions. */
const stillWanted = (reminder: Reminder, crisis: Crisis) =>
  crisis.state === 'open' || reminder.kind === 'precaution-due';

/** Notifies a reminder and journals it, unless the journal already has it. */
async function give(reminder: Reminder): Promise<void> {
  const db = await database();
  const crisis = await getCrisis(db, reminder.crisisId);
  if (!crisis || !stillWanted(reminder, crisis)) return;
  const key = sentKey(reminder);
  const event = newEvent(
    crisis.id,
    new Date().toISOString(),
    'reminder-sent',
    { key, kind: reminder.kind, ...(reminder.itemId && { itemId: reminder.itemId }) },
    'vigie',
  );
  const first = await appendEventOnce(
    db,
    event,
    (e) => e.type === 'reminder-sent' && e.data.key === key,
  );
  if (!first) return;
  const text = message(reminder, crisis);
  const notice = { about: 'crisis', crisisId: crisis.id, reminder: reminder.kind } as const;
  await notify(notice, Date.now(), text);
}

let queue: Promise<void> = Promise.resolve();

/** Rebuilds every reminder alarm from the database and gives the reminders already due. */
export function scheduleReminders(): Promise<void> {
  queue = queue
    .then(async () => {
      const db = await database();
      // Every crisis: a closed one may still have precautions due. Only the journals of those
      // with a reminder already due are read, to know which of them were given.
      const [crises, settings] = await Promise.all([allCrises(db), getSettings(db)]);
      const now = Date.now();
      const sent = new Set<string>();
      const due = planReminders(crises, settings, sent, now).dueNow;
      for (const crisisId of new Set(due.map((r) => r.crisisId))) {
        for (const e of await listEvents(db, crisisId)) {
          if (e.type === 'reminder-sent' && typeof e.data.key === 'string') sent.add(e.data.key);
        }
      }
      const plan = planReminders(crises, settings, sent, now);
      const existing = await browser.alarms.getAll();
      const wanted = new Set(plan.alarms.map((a) => a.name));
      await Promise.all(
        existing
          .filter((a) => parseAlarmName(a.name) && !wanted.has(a.name))
          .map((a) => browser.alarms.clear(a.name)),
      );
      for (const alarm of plan.alarms) {
        const current = existing.find((a) => a.name === alarm.name);
        if (current?.scheduledTime !== alarm.when)
          browser.alarms.create(alarm.name, { when: alarm.when });
      }
      for (const reminder of plan.dueNow) await give(reminder);
    })
    .catch((error: unknown) => console.error('Vigie: reminders', error));
  return queue;
}

/** An alarm fired: give its reminder (it is still wanted if the crisis still calls for it). */
export async function onReminderAlarm(alarm: Alarms.Alarm): Promise<boolean> {
  const parsed = parseAlarmName(alarm.name);
  if (!parsed) return false;
  const db = await database();
  const [crisis, settings] = await Promise.all([getCrisis(db, parsed.crisisId), getSettings(db)]);
  const reminder =
    crisis &&
    remindersFor(crisis, settings).find(
      (r) => r.kind === parsed.kind && r.itemId === parsed.itemId,
    );
  if (reminder && reminder.at <= Date.now() + 1000) await give(reminder);
  return true;
}
