/**
 * What a message's placeholders say for a crisis. A message is written wholly in its own
 * language, whatever the language of Vigie's interface: every placeholder ({summary}, dates,
 * areas, amounts, the level, the greeting) is filled with the words and formats of the message's
 * language, from the table below (message content, not interface text: hence not in _locales).
 */
import { rankDamages } from './assessment';
import type { TemplateValues } from './templates';
import type { Crisis, DamageArea, Level, MessageLang } from './types';

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
