/**
 * A journal line in words ("Level changed to 3", "Informed: Jane"), for the crisis view and
 * the report.
 */
import { t, type MessageKey } from '../../core/i18n';
import { STEPS, type CrisisEvent, type CrisisStep } from '../../core/model/types';
import { checklistLabel, stepName } from '../../ui/format';
import { areaLabel } from '../../ui/labels';

const EVENT_KEYS: Partial<Record<CrisisEvent['type'], MessageKey>> = {
  opened: 'eventOpened',
  'level-changed': 'eventLevelChanged',
  'checklist-done': 'eventChecklistDone',
  'checklist-undone': 'eventChecklistUndone',
  renamed: 'eventRenamed',
  'damage-changed': 'eventDamageChanged',
  'stakeholder-informed': 'eventStakeholderInformed',
  'action-changed': 'eventActionChanged',
  'action-done': 'eventActionDone',
  'apology-sent': 'eventApologySent',
  'update-sent': 'eventUpdateSent',
  'postmortem-changed': 'eventPostmortemChanged',
  'stakeholder-uninformed': 'eventStakeholderUninformed',
  'mention-linked': 'eventMentionLinked',
  'mention-unlinked': 'eventMentionUnlinked',
  'step-changed': 'eventStepChanged',
  'step-done': 'eventStepDone',
  'step-skipped': 'eventStepSkipped',
  'reminder-sent': 'eventReminderSent',
  closed: 'eventClosed',
  reopened: 'eventReopened',
};

/** What a reminder said, by its kind (a journal written before a kind existed says less). */
const REMINDER_TITLES: Partial<Record<string, MessageKey>> = {
  'react-half': 'reminderHalfTitle',
  'react-overdue': 'reminderOverdueTitle',
  'update-due': 'reminderUpdateTitle',
  'action-due': 'reminderActionTitle',
  'precaution-due': 'reminderPrecautionTitle',
};

export function eventText(e: CrisisEvent): string {
  // The user's own words, as written.
  if (e.type === 'note') return String(e.data.text ?? '');
  const key = EVENT_KEYS[e.type];
  if (!key) return e.type;
  if (e.type === 'reminder-sent') {
    const title = REMINDER_TITLES[String(e.data.kind)];
    return title ? t('eventReminderSentOf', t(title)) : t(key);
  }
  const step = (value: unknown) =>
    typeof value === 'string' &&
    (value === 'closed' || (STEPS as readonly string[]).includes(value))
      ? stepName(value as CrisisStep)
      : '';
  if (e.type === 'step-done' || e.type === 'step-skipped') {
    const said = t(key, step(e.data.step));
    // Marked by the user: the reason they gave goes with it.
    return typeof e.data.reason === 'string' ? t('eventWithReason', [said, e.data.reason]) : said;
  }
  if (e.type === 'checklist-done' || e.type === 'checklist-undone')
    return t(
      key,
      checklistLabel({ id: String(e.data.itemId ?? ''), label: String(e.data.label ?? '') }),
    );
  if (e.type === 'renamed') return t(key, String(e.data.to ?? ''));
  if (e.type === 'stakeholder-informed' || e.type === 'stakeholder-uninformed') {
    return t(key, String(e.data.name ?? ''));
  }
  if (e.type === 'action-changed' || e.type === 'action-done')
    return t(key, String(e.data.what ?? ''));
  if (e.type === 'apology-sent') return t(key, String(e.data.party ?? ''));
  if (e.type === 'damage-changed') {
    const area = areaLabel(String(e.data.area ?? ''));
    if (e.data.accepted === true) return t('eventDamageAccepted', area);
    if (e.data.accepted === false) return t('eventDamageUnaccepted', area);
    return t(key, area);
  }
  return t(key, [step(e.data.from), step(e.data.to), String(e.data.level ?? '')]);
}

/** A journal line's text with who made it, when the crisis is shared with a team cell. */
export function eventTextBy(e: CrisisEvent): string {
  const text = eventText(e);
  return e.by ? t('eventBy', [text, e.by]) : text;
}
