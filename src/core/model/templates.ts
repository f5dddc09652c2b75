/**
 * Message templates: the user's text with {crisis}, {summary} and {nextUpdate} placeholders.
 * Unknown placeholders stay as typed, so a typo shows instead of vanishing.
 */

export interface TemplateValues {
  crisis: string;
  summary: string;
  nextUpdate: string;
}

/** Fills a template's placeholders. */
export function fillTemplate(template: string, values: TemplateValues): string {
  return template.replace(
    /\{(crisis|summary|nextUpdate)\}/g,
    (_, name: keyof TemplateValues) => values[name],
  );
}

/** A mailto: link that opens the user's mail client with the message ready. */
export function mailtoLink(to: string, subject: string, body: string): string {
  const address = /^[^\s@<>()]+@[^\s@<>()]+$/.test(to.trim()) ? to.trim() : '';
  return `mailto:${encodeURIComponent(address).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/**
 * The built-in templates, used while the user has not written their own in the settings.
 * They are message content, not interface text: a French user may write to an English client,
 * so both languages are offered whatever the browser's language (hence not in _locales).
 * The inform template admits the error and says a plan of action is being prepared.
 */
export const DEFAULT_TEMPLATES = {
  inform: {
    en:
      'Subject: {crisis}\n\n' +
      'Hello,\n\n' +
      'We made a mistake, and we want you to hear it from us first: {summary}.\n' +
      'We have stopped what caused it and we are preparing a plan of action to put it right. ' +
      'We will update you by {nextUpdate} at the latest.\n\n' +
      'We are sorry for the trouble this causes.\n',
    fr:
      'Objet : {crisis}\n\n' +
      'Bonjour,\n\n' +
      'Nous avons commis une erreur et nous tenons à ce que vous l’appreniez par nous : {summary}.\n' +
      'Nous avons stoppé ce qui l’a causée et nous préparons un plan d’action pour la réparer. ' +
      'Nous vous tiendrons informé au plus tard le {nextUpdate}.\n\n' +
      'Nous vous prions de nous excuser pour la gêne occasionnée.\n',
  },
  update: {
    en:
      'Subject: {crisis}: where we stand\n\n' +
      'Hello,\n\n' +
      'We are officially rectifying {summary}. Here is what we have done since our last message, ' +
      'and what comes next. Our next update will reach you by {nextUpdate}.\n',
    fr:
      'Objet : {crisis} : point de situation\n\n' +
      'Bonjour,\n\n' +
      'Nous rectifions officiellement {summary}. Voici ce que nous avons fait depuis notre dernier ' +
      'message, et la suite. Notre prochain point vous parviendra au plus tard le {nextUpdate}.\n',
  },
} as const;
