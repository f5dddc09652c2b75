/**
 * Changes to step 3, inform: the people concerned, whether each was informed (and with which
 * message), the draft of the message, and the options it is written with.
 */
import {
  FAULTS,
  MESSAGE_LANGS,
  MESSAGE_VARIANTS,
  ROLES,
  type CrisisStakeholder,
  type SentMessage,
} from '../types';
import type { ChangeHandlers } from './change';
import { upsertById } from './upsert-by-id';

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

export const informChanges: ChangeHandlers<
  'stakeholder' | 'stakeholder-remove' | 'informed' | 'message' | 'inform-options'
> = {
  stakeholder(crisis, change) {
    const person = cleanStakeholder(change.stakeholder);
    if (!person) return null;
    const stakeholders = upsertById(crisis.inform.stakeholders, person);
    return {
      crisis: { ...crisis, inform: { ...crisis.inform, stakeholders } },
      events: [],
    };
  },

  'stakeholder-remove'(crisis, change) {
    const list = crisis.inform.stakeholders;
    if (!list.some((p) => p.id === change.stakeholderId)) return null;
    const stakeholders = list.filter((p) => p.id !== change.stakeholderId);
    return {
      crisis: { ...crisis, inform: { ...crisis.inform, stakeholders } },
      events: [],
    };
  },

  informed(crisis, change, now) {
    const person = crisis.inform.stakeholders.find((p) => p.id === change.stakeholderId);
    if (!person || (person.informedAt !== null) === change.informed) return null;
    const message = change.informed ? cleanMessage(change.message) : null;
    const stakeholders = crisis.inform.stakeholders.map((p) =>
      p.id === person.id ? { ...p, informedAt: change.informed ? now : null, message } : p,
    );
    return {
      crisis: { ...crisis, inform: { ...crisis.inform, stakeholders } },
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
  },

  message(crisis, change) {
    const message = change.text.slice(0, 100_000);
    const subject = change.subject.replace(/\s+/g, ' ').trim().slice(0, 1_000);
    if (message === crisis.inform.message && subject === crisis.inform.subject) return null;
    return {
      crisis: { ...crisis, inform: { ...crisis.inform, subject, message } },
      events: [],
    };
  },

  'inform-options'(crisis, change) {
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
    return same ? null : { crisis: { ...crisis, inform }, events: [] };
  },
};
