/**
 * Records of schema 4 (backup format 1) brought to schema 5 (format 2): messages in kinds and
 * languages. Used by the database migration 4 → 5 and by the backup upgrade 1 → 2, so that a
 * log upgraded in place and one restored from an old file are the same. Like every shipped
 * migration, never edited: a later change of shape gets a module of its own.
 *
 * - A person (directory or crisis) gets a message language (null: the crisis's) and a greeting
 *   name (''); a person of a crisis, the message they were sent (null: none written in Vigie).
 * - A crisis's draft message loses its "Subject:" first line to a subject of its own, and says
 *   its language when that line did ("Subject" → en, "Objet" → fr). A draft was written from
 *   the one template there was, which admitted fault: it is an apology. The fault is not known.
 * - A status update's "Subject:" line becomes its subject.
 * - The settings' templates (one per language for the first message, one for the updates, the
 *   subject as the first line) become the apology kind's subject and body; the other kinds use
 *   the built-in texts.
 */
import { LIMITS, shorten } from './limits';

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asText = (value: unknown) => (typeof value === 'string' ? value : '');

/** A message's "Subject:" (or "Objet :") first line apart from its body. */
export function splitSubject(text: string): {
  subject: string;
  body: string;
  lang: 'en' | 'fr' | null;
} {
  const line = /^(subject|objet)[ \t\u00a0]*:[ \t\u00a0]*(.*)(?:\r?\n)+/i.exec(text);
  if (!line) return { subject: '', body: text, lang: null };
  return {
    subject: shorten(line[2]!.trim(), LIMITS.name),
    body: text.slice(line[0].length),
    lang: line[1]!.toLowerCase() === 'objet' ? 'fr' : 'en',
  };
}

const person = (p: unknown): unknown =>
  isRecord(p) ? { ...p, lang: p.lang ?? null, greeting: asText(p.greeting) } : p;

export function crisisV5(crisis: unknown): unknown {
  if (!isRecord(crisis)) return crisis;
  const inform = isRecord(crisis.inform) ? crisis.inform : {};
  const draft = splitSubject(asText(inform.message));
  const plan = isRecord(crisis.plan) ? crisis.plan : null;
  return {
    ...crisis,
    inform: {
      ...inform,
      stakeholders: Array.isArray(inform.stakeholders)
        ? inform.stakeholders.map((p) =>
            isRecord(p) ? { ...(person(p) as Raw), message: null } : p,
          )
        : inform.stakeholders,
      subject: draft.subject,
      message: draft.body,
      lang: draft.lang,
      variant: draft.body.trim() ? 'apology' : null,
      fault: 'unknown',
    },
    ...(plan && {
      plan: {
        ...plan,
        updates: Array.isArray(plan.updates)
          ? plan.updates.map((u) => {
              if (!isRecord(u)) return u;
              const { subject, body } = splitSubject(asText(u.text));
              return { ...u, subject, text: body };
            })
          : plan.updates,
      },
    }),
  };
}

const empty = () => ({ subject: '', body: '' });

function ownTemplate(text: unknown) {
  const value = asText(text);
  if (!value.trim()) return empty();
  const { subject, body } = splitSubject(value);
  return { subject, body };
}

function variants(old: unknown) {
  const perLang = isRecord(old) ? old : {};
  const pair = () => ({ en: empty(), fr: empty() });
  return {
    holding: pair(),
    clarification: pair(),
    apology: { en: ownTemplate(perLang.en), fr: ownTemplate(perLang.fr) },
    journalist: pair(),
    internal: pair(),
  };
}

export function settingsV5(settings: unknown): unknown {
  if (!isRecord(settings)) return settings;
  const templates = isRecord(settings.templates) ? settings.templates : {};
  return {
    ...settings,
    ...(Array.isArray(settings.stakeholders) && {
      stakeholders: settings.stakeholders.map(person),
    }),
    templates: { inform: variants(templates.inform), update: variants(templates.update) },
  };
}
