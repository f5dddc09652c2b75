/**
 * The messages Vigie drafts: a first message to the people concerned (step 3) and status
 * updates (step 4), each in five kinds (holding statement, clarification, apology, reply to a
 * journalist, internal note) and two languages, with a subject apart from the body.
 *
 * A message is written wholly in its own language, whatever the language of Vigie's interface:
 * every placeholder ({summary}, dates, areas, amounts, the level, the greeting) is filled with
 * the words and formats of the message's language, from the tables below (message content, not
 * interface text: hence not in _locales). Unknown placeholders stay as typed, so a typo shows
 * instead of vanishing.
 */
import { rankDamages } from './assessment';
import type {
  Crisis,
  DamageArea,
  Fault,
  Level,
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

/** The words of a message, per language: what a placeholder says in a sentence. */
const WORDS: Record<
  MessageLang,
  {
    areas: Record<Exclude<DamageArea, 'custom'>, string>;
    levels: Record<Level, string>;
    summary: (title: string, areas: string) => string;
    greeting: (name: string) => string;
    noCost: string;
  }
> = {
  en: {
    areas: {
      customers: 'our customers',
      social: 'social networks',
      press: 'the press',
      search: 'search results',
      employees: 'our employees',
      partners: 'our partners and suppliers',
      finance: 'our finances',
      legal: 'legal matters',
    },
    levels: { 1: 'watch', 2: 'alert', 3: 'crisis', 4: 'major crisis' },
    summary: (title, areas) => `“${title}”${areas ? `, which affects ${areas}` : ''}`,
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    noCost: 'not estimated yet',
  },
  fr: {
    areas: {
      customers: 'nos clients',
      social: 'les réseaux sociaux',
      press: 'la presse',
      search: 'les résultats de recherche',
      employees: 'nos salariés',
      partners: 'nos partenaires et fournisseurs',
      finance: 'nos finances',
      legal: 'le plan juridique',
    },
    levels: { 1: 'veille', 2: 'alerte', 3: 'crise', 4: 'crise majeure' },
    summary: (title, areas) => `« ${title} »${areas ? `, qui touche ${areas}` : ''}`,
    greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    noCost: 'pas encore estimé',
  },
};

/**
 * The locale a message's dates and amounts are written in: the browser's own when it is of the
 * message's language (an English user in Britain keeps day-month order), else the language.
 */
export function messageLocale(lang: MessageLang, browserLocale: string): string {
  return browserLocale.toLowerCase().split('-')[0] === lang ? browserLocale : lang;
}

/** What the placeholders say for `crisis`, in `lang`. */
export function messageValues(args: {
  crisis: Crisis;
  lang: MessageLang;
  locale: string;
  nextUpdate: number;
  greetingName: string;
}): TemplateValues {
  const { crisis, lang, locale } = args;
  const words = WORDS[lang];
  const damages = rankDamages(crisis.assess.damages);
  const areaList = new Intl.ListFormat(locale, { type: 'conjunction' }).format(
    damages.map((d) => (d.area === 'custom' ? d.customArea || '—' : words.areas[d.area])),
  );
  const totals = new Map<string, number>();
  for (const d of crisis.assess.damages) {
    if (d.cost > 0) totals.set(d.currency, (totals.get(d.currency) ?? 0) + d.cost);
  }
  const cost = [...totals]
    .map(([currency, amount]) => {
      try {
        return new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          maximumFractionDigits: 0,
        }).format(amount);
      } catch {
        // A currency code Intl does not know: the amount, then the code as typed.
        return `${new Intl.NumberFormat(locale).format(amount)} ${currency}`;
      }
    })
    .join(' + ');
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
  return {
    crisis: crisis.title,
    summary: words.summary(crisis.title, areaList),
    areas: areaList,
    cost: cost || words.noCost,
    level: words.levels[crisis.level],
    detected: dateTime.format(new Date(crisis.openedAt)),
    nextUpdate: dateTime.format(new Date(args.nextUpdate)),
    greeting: words.greeting(args.greetingName.trim()),
  };
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

type Texts = Record<TemplateKind, Record<MessageVariant, Record<MessageLang, TemplateText>>>;

/**
 * The built-in templates, used while the user has not written their own in the settings.
 * Brackets mark what only the user knows ([the facts…]): a draft, never sent as it stands.
 */
export const DEFAULT_TEMPLATES: Texts = {
  inform: {
    holding: {
      en: {
        subject: '{crisis}: what we know so far',
        body:
          '{greeting}\n\n' +
          'We are aware of {summary}, and we are looking into it now. We do not have every ' +
          'answer yet and we will not guess: we want to give you facts.\n\n' +
          'We will write to you again by {nextUpdate} at the latest, sooner if we learn more.\n\n' +
          'Thank you for your patience.\n',
      },
      fr: {
        subject: '{crisis} : ce que nous savons à ce stade',
        body:
          '{greeting}\n\n' +
          'Nous avons connaissance de {summary} et nous l’examinons dès maintenant. Nous n’avons ' +
          'pas encore toutes les réponses et ne voulons pas avancer d’hypothèses : nous tenons à ' +
          'vous donner des faits.\n\n' +
          'Nous reviendrons vers vous au plus tard le {nextUpdate}, plus tôt si nous en ' +
          'apprenons davantage.\n\n' +
          'Merci de votre patience.\n',
      },
    },
    clarification: {
      en: {
        subject: '{crisis}: the facts',
        body:
          '{greeting}\n\n' +
          'You may have seen {summary}. We have looked into it carefully, and we want to set ' +
          'out the facts.\n\n' +
          '[The facts, in two or three sentences, with their sources.]\n\n' +
          'We understand why this caused concern, and we remain available to answer any ' +
          'question. If anything changes, we will write to you by {nextUpdate}.\n',
      },
      fr: {
        subject: '{crisis} : les faits',
        body:
          '{greeting}\n\n' +
          'Vous avez peut-être vu {summary}. Nous avons examiné la situation avec attention et ' +
          'tenons à rétablir les faits.\n\n' +
          '[Les faits, en deux ou trois phrases, avec leurs sources.]\n\n' +
          'Nous comprenons que cela ait pu vous inquiéter et restons à votre disposition pour ' +
          'répondre à vos questions. Si la situation évolue, nous reviendrons vers vous au plus ' +
          'tard le {nextUpdate}.\n',
      },
    },
    apology: {
      en: {
        subject: '{crisis}: our apologies, and what we are doing',
        body:
          '{greeting}\n\n' +
          'We made a mistake, and we want you to hear it from us first: {summary}.\n\n' +
          'We have stopped what caused it and we are preparing a plan of action to put it ' +
          'right. We will update you by {nextUpdate} at the latest.\n\n' +
          'We are sorry for the trouble this causes you.\n',
      },
      fr: {
        subject: '{crisis} : nos excuses, et ce que nous faisons',
        body:
          '{greeting}\n\n' +
          'Nous avons commis une erreur et tenons à ce que vous l’appreniez par nous : ' +
          '{summary}.\n\n' +
          'Nous avons mis fin à ce qui l’a causée et préparons un plan d’action pour la ' +
          'réparer. Nous reviendrons vers vous au plus tard le {nextUpdate}.\n\n' +
          'Nous vous prions de nous excuser pour la gêne occasionnée.\n',
      },
    },
    journalist: {
      en: {
        subject: 'Re: {crisis}',
        body:
          '{greeting}\n\n' +
          'Thank you for contacting us about {summary}.\n\n' +
          'What we can confirm today: [the facts established, with their dates].\n' +
          'What we are still checking: [what is not established yet].\n\n' +
          'We will come back to you by {nextUpdate} with more. I remain available for any ' +
          'question.\n',
      },
      fr: {
        subject: 'Re : {crisis}',
        body:
          '{greeting}\n\n' +
          'Merci de nous avoir contactés au sujet de {summary}.\n\n' +
          'Ce que nous pouvons confirmer aujourd’hui : [les faits établis, avec leurs dates].\n' +
          'Ce que nous vérifions encore : [ce qui n’est pas encore établi].\n\n' +
          'Nous reviendrons vers vous au plus tard le {nextUpdate}. Je reste à votre ' +
          'disposition pour toute question.\n',
      },
    },
    internal: {
      en: {
        subject: 'Internal: {crisis}, situation and decisions needed',
        body:
          '{greeting}\n\n' +
          'Situation: {summary}.\n' +
          'Detected: {detected}. Level: {level}. Estimated cost so far: {cost}.\n\n' +
          'Done so far: [containment actions].\n' +
          'Decisions needed from you: [decisions, with their deadlines].\n\n' +
          'Next note by {nextUpdate}. This note is internal: please do not forward it.\n',
      },
      fr: {
        subject: 'Interne : {crisis}, situation et décisions à prendre',
        body:
          '{greeting}\n\n' +
          'Situation : {summary}.\n' +
          'Détection : {detected}. Niveau : {level}. Coût estimé à ce stade : {cost}.\n\n' +
          'Fait jusqu’ici : [actions d’endiguement].\n' +
          'Décisions attendues de votre part : [décisions, avec leurs échéances].\n\n' +
          'Prochaine note au plus tard le {nextUpdate}. Cette note est interne : merci de ne ' +
          'pas la transférer.\n',
      },
    },
  },
  update: {
    holding: {
      en: {
        subject: '{crisis}: where we stand',
        body:
          '{greeting}\n\n' +
          'As promised, here is where we stand on {summary}.\n\n' +
          'What we have learnt since our last message: [the facts].\n' +
          'What we are doing: [the actions under way].\n\n' +
          'Our next update will reach you by {nextUpdate}.\n',
      },
      fr: {
        subject: '{crisis} : point de situation',
        body:
          '{greeting}\n\n' +
          'Comme promis, voici où nous en sommes au sujet de {summary}.\n\n' +
          'Ce que nous avons appris depuis notre dernier message : [les faits].\n' +
          'Ce que nous faisons : [les actions en cours].\n\n' +
          'Notre prochain point vous parviendra au plus tard le {nextUpdate}.\n',
      },
    },
    clarification: {
      en: {
        subject: '{crisis}: further to our message',
        body:
          '{greeting}\n\n' +
          'Further to our message about {summary}, here is what has happened since.\n\n' +
          '[New facts, corrections obtained, their sources.]\n\n' +
          'We remain available for any question; our next update will reach you by ' +
          '{nextUpdate}.\n',
      },
      fr: {
        subject: '{crisis} : suite à notre message',
        body:
          '{greeting}\n\n' +
          'Suite à notre message au sujet de {summary}, voici ce qui s’est passé depuis.\n\n' +
          '[Faits nouveaux, rectifications obtenues, leurs sources.]\n\n' +
          'Nous restons à votre disposition ; notre prochain point vous parviendra au plus ' +
          'tard le {nextUpdate}.\n',
      },
    },
    apology: {
      en: {
        subject: '{crisis}: putting it right',
        body:
          '{greeting}\n\n' +
          'We are officially rectifying {summary}. Here is what we have done since our last ' +
          'message, and what comes next.\n\n' +
          'Done: [the repairs carried out].\n' +
          'Next: [the repairs planned, with their dates].\n\n' +
          'Our next update will reach you by {nextUpdate}.\n',
      },
      fr: {
        subject: '{crisis} : ce que nous réparons',
        body:
          '{greeting}\n\n' +
          'Nous rectifions officiellement {summary}. Voici ce que nous avons fait depuis notre ' +
          'dernier message, et la suite.\n\n' +
          'Fait : [les réparations effectuées].\n' +
          'À venir : [les réparations prévues, avec leurs dates].\n\n' +
          'Notre prochain point vous parviendra au plus tard le {nextUpdate}.\n',
      },
    },
    journalist: {
      en: {
        subject: 'Re: {crisis}: update',
        body:
          '{greeting}\n\n' +
          'Further to our exchange about {summary}, here is what we can now confirm: ' +
          '[the facts].\n\n' +
          'We will come back to you by {nextUpdate} if there is more.\n',
      },
      fr: {
        subject: 'Re : {crisis} : point',
        body:
          '{greeting}\n\n' +
          'Suite à notre échange au sujet de {summary}, voici ce que nous pouvons désormais ' +
          'confirmer : [les faits].\n\n' +
          'Nous reviendrons vers vous au plus tard le {nextUpdate} s’il y a du nouveau.\n',
      },
    },
    internal: {
      en: {
        subject: 'Internal: {crisis}, situation update',
        body:
          '{greeting}\n\n' +
          'Situation: {summary}. Level: {level}. Estimated cost so far: {cost}.\n\n' +
          'Since the last note: [what changed].\n' +
          'Decisions needed: [decisions, with their deadlines].\n\n' +
          'Next note by {nextUpdate}.\n',
      },
      fr: {
        subject: 'Interne : {crisis}, point de situation',
        body:
          '{greeting}\n\n' +
          'Situation : {summary}. Niveau : {level}. Coût estimé à ce stade : {cost}.\n\n' +
          'Depuis la dernière note : [ce qui a changé].\n' +
          'Décisions attendues : [décisions, avec leurs échéances].\n\n' +
          'Prochaine note au plus tard le {nextUpdate}.\n',
      },
    },
  },
};

/** No template of the user's own: every subject and body empty, the built-in texts in use. */
export const NO_TEMPLATES: Texts = {
  inform: emptyVariants(),
  update: emptyVariants(),
};

function emptyVariants(): Texts['inform'] {
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
