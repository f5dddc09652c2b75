/** A mention's tone as shown: the user's once they set one, else what its quote scores now. */
import type { Mention, Tone, WordRule } from '../model/types';
import { detectLanguage, type Lang } from './detect-language';
import { scoreNegativity } from './score-negativity';

/** 'fr' or 'en' from a page's declared BCP 47 language ("fr-CA" → 'fr'), null for others. */
function pageLang(lang: string | null): Lang | null {
  const primary = lang?.toLowerCase().split('-')[0];
  return primary === 'fr' || primary === 'en' ? primary : null;
}

/**
 * The tone a mention shows: the user's, once they set one (it always wins); otherwise the one
 * its quote scores now, with the user's current word rules, so that a rule added later changes
 * the suggestion on mentions already flagged. A mention without a quote (a page, a link, an
 * image) keeps the tone it was flagged with. The quote's own words decide its language before
 * the page's declaration does: pages often declare the wrong one.
 */
export function effectiveTone(
  mention: Pick<Mention, 'tone' | 'toneSource' | 'quote' | 'lang'>,
  rules: readonly WordRule[] = [],
): Tone {
  if (mention.toneSource === 'user' || !mention.quote.trim()) return mention.tone;
  const lang = detectLanguage(mention.quote) ?? pageLang(mention.lang);
  return scoreNegativity(mention.quote, { lang, rules }).tone;
}
