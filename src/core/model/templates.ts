/**
 * The messages Vigie drafts: a first message to the people concerned (step 3) and status
 * updates (step 4), each in five kinds (holding statement, clarification, apology, reply to a
 * journalist, internal note) and two languages, with a subject apart from the body. Here, their
 * placeholders, how a template is chosen and filled, and the kind of message suggested; the
 * built-in texts are in default-templates.ts, what the placeholders say in message-values.ts.
 * Unknown placeholders stay as typed, so a typo shows instead of vanishing.
 */
import { DEFAULT_TEMPLATES, type TemplateTexts } from './default-templates';
import type {
  Crisis,
  Fault,
  MessageLang,
  MessageVariant,
  Settings,
  StakeholderRole,
  TemplateKind,
  TemplateText,
} from './types';

export const PLACEHOLDERS = [
  'crisis',
  'summary',
  'areas',
  'cost',
  'level',
  'detected',
  'nextUpdate',
  'greeting',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Record<Placeholder, string>;

/** Fills a template's placeholders. */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{(\w+)\}/g, (typed, name: string) =>
    (PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : typed,
  );
}

/** A mailto: link that opens the user's mail client with the subject and the body apart. */
export function mailtoLink(to: string, subject: string, body: string): string {
  const address = /^[^\s@<>()]+@[^\s@<>()]+$/.test(to.trim()) ? to.trim() : '';
  return `mailto:${encodeURIComponent(address).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/**
 * The kind of message Vigie suggests: to a journalist, the reply to a journalist; to the boss
 * or a supervisor, the internal note; otherwise what is known of the fault says it (ours: an
 * apology; not ours: the facts; not known yet: a holding statement, which promises no more
 * than is known). A crisis only watched (level 1) calls for a note to management first.
 */
export function suggestVariant(
  crisis: Pick<Crisis, 'level'> & { inform: { fault: Fault } },
  role?: StakeholderRole,
): MessageVariant {
  if (role === 'press') return 'journalist';
  if (role === 'boss' || role === 'supervisor' || crisis.level === 1) return 'internal';
  const { fault } = crisis.inform;
  return fault === 'ours' ? 'apology' : fault === 'not-ours' ? 'clarification' : 'holding';
}

/** No template of the user's own: every subject and body empty, the built-in texts in use. */
export const NO_TEMPLATES: TemplateTexts = {
  inform: emptyVariants(),
  update: emptyVariants(),
};

function emptyVariants(): TemplateTexts['inform'] {
  const empty = () => ({ en: { subject: '', body: '' }, fr: { subject: '', body: '' } });
  return {
    holding: empty(),
    clarification: empty(),
    apology: empty(),
    journalist: empty(),
    internal: empty(),
  };
}

/** The template in use: the user's subject and body where written, else the built-in ones. */
export function templateFor(
  templates: Settings['templates'],
  kind: TemplateKind,
  variant: MessageVariant,
  lang: MessageLang,
): TemplateText {
  const own = templates[kind][variant][lang];
  const builtIn = DEFAULT_TEMPLATES[kind][variant][lang];
  return { subject: own.subject || builtIn.subject, body: own.body || builtIn.body };
}

/** A message drafted from its template: subject and body filled in the message's language. */
export function draftFrom(template: TemplateText, values: TemplateValues): TemplateText {
  return {
    subject: fillTemplate(template.subject, values),
    body: fillTemplate(template.body, values),
  };
}
