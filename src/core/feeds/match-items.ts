/**
 * Watched terms in a feed's items, found and scored as on a page: the same compiled watchlist
 * (case, accents, whole words, French elisions: monitoring/watch.ts), the same sentence
 * around a term, the same negativity scorer with the user's word rules (as
 * monitoring/score-sightings.ts calls it), and the same W3C selectors a right-click gives, over
 * the item's title or text since a feed item has no page. Runs in the background, which holds
 * the scorer's word lists.
 */
import { describeQuoteOffsets } from '../anchoring/describe-text-quote';
import { codePointCount } from '../anchoring/text-index';
import { LIMITS, shorten } from '../model/limits';
import type { MentionSelectors, WordRule } from '../model/types';
import { sightingId } from '../monitoring/report';
import { scoringLang } from '../monitoring/score-sightings';
import { sentenceRange, type CompiledWatchlist } from '../monitoring/watch';
import { scoreNegativity } from '../sentiment';
import type { FeedItem } from './types';

/** The longest sentence kept around a term, either side of it (as on pages: analyze.ts). */
const SENTENCE_MAX = 300;
/** Context kept around a sentence, as a right-click capture keeps it (analyze.ts's). */
const CONTEXT_LENGTH = 64;
/** The most text kept either side of a sentence (analyze.ts's SIGHTING_CONTEXT_MAX). */
const CONTEXT_MAX = 2_000;
/** At most this many sentences of an item are scored: an item is an article's summary. */
const MAX_SENTENCES = 20;

/** A sentence of an item that holds watched terms, scored. */
export interface ItemSentence {
  /** Where the sentence is: the item's title or its text. */
  field: 'title' | 'text';
  /** The watched terms in it, each once, in order. */
  termIds: string[];
  /** The whole sentence, blanks collapsed: what a mention of it quotes. */
  exact: string;
  /** The same, clipped to 300 characters for display. */
  sentence: string;
  /** The sentence within the field's text (the title, or the text), with its context. */
  selectors: MentionSelectors;
  /** How negative the sentence reads, 0–1. */
  score: number;
  negative: boolean;
}

/**
 * An item that mentions watched terms: the sentence to show (its most negative one; the first
 * of equals, the title before the text), and every term it names.
 */
export interface ItemMatch extends ItemSentence {
  /** `sightingId` of the sentence's first term and its text, as pages' sightings have. */
  id: string;
  /** Every watched term of the item, each once, as the user wrote it, title first. */
  terms: { termId: string; term: string }[];
  /** How many sentences of the item hold a term (the ones scored, at most 20). */
  sentenceCount: number;
}

export interface MatchOptions {
  /** The user's word rules, which override the scorer's lexicons. */
  rules: readonly WordRule[];
  /** The feed's language tag when it gives one ("fr-FR"); else each sentence's is detected. */
  lang?: string | null;
}

/** The sentences of `text` that hold watched terms, in order, with their selectors. */
function sentencesOf(
  text: string,
  field: 'title' | 'text',
  watchlist: CompiledWatchlist,
  terms: Map<string, string>,
  limit: number,
): Omit<ItemSentence, 'score' | 'negative'>[] {
  const found = new Map<string, Omit<ItemSentence, 'score' | 'negative'>>();
  for (const hit of watchlist.find(text)) {
    if (!terms.has(hit.termId)) terms.set(hit.termId, shorten(hit.term, LIMITS.name));
    const { start, end } = sentenceRange(text, hit.start, hit.end, SENTENCE_MAX);
    const key = `${start}:${end}`;
    const known = found.get(key);
    if (known) {
      if (!known.termIds.includes(hit.termId)) known.termIds.push(hit.termId);
      continue;
    }
    if (found.size >= limit) continue;
    const exact = text.slice(start, end).replace(/\s+/g, ' ');
    const quote = describeQuoteOffsets(text, start, end, { minimumQuoteLength: CONTEXT_LENGTH });
    if (quote.prefix !== undefined) quote.prefix = shorten(quote.prefix, CONTEXT_MAX, 'start');
    if (quote.suffix !== undefined) quote.suffix = shorten(quote.suffix, CONTEXT_MAX);
    found.set(key, {
      field,
      termIds: [hit.termId],
      exact,
      sentence: exact.length > SENTENCE_MAX ? `${exact.slice(0, SENTENCE_MAX - 1)}…` : exact,
      selectors: {
        quote,
        position: {
          type: 'TextPositionSelector',
          start: codePointCount(text, start),
          end: codePointCount(text, end),
        },
      },
    });
  }
  return [...found.values()];
}

/**
 * The watched terms in `item`'s title and text, with the sentence to show and how negative it
 * reads; null when the item names none.
 */
export function matchItem(
  item: FeedItem,
  watchlist: CompiledWatchlist,
  options: MatchOptions,
): ItemMatch | null {
  if (watchlist.size === 0) return null;
  const terms = new Map<string, string>();
  const inTitle = sentencesOf(item.title, 'title', watchlist, terms, MAX_SENTENCES);
  const inText = sentencesOf(item.text, 'text', watchlist, terms, MAX_SENTENCES - inTitle.length);
  const found = [...inTitle, ...inText];
  if (found.length === 0) return null;

  const lang = scoringLang(options.lang ?? null);
  let best: ItemSentence | undefined;
  for (const sentence of found) {
    const negativity = scoreNegativity(sentence.exact, { lang, rules: options.rules });
    const scored: ItemSentence = {
      ...sentence,
      score: Math.round(negativity.score * 1000) / 1000,
      negative: negativity.negative,
    };
    // A negative sentence before any other; then the higher score; the first of equals.
    if (
      !best ||
      (scored.negative && !best.negative) ||
      (scored.negative === best.negative && scored.score > best.score)
    ) {
      best = scored;
    }
  }
  const shown = best!;
  return {
    ...shown,
    id: sightingId(shown.termIds[0]!, shown.exact),
    terms: [...terms].map(([termId, term]) => ({ termId, term })),
    sentenceCount: found.length,
  };
}

/** The items of a read that name watched terms, each with its match, in the feed's order. */
export function matchItems(
  items: readonly FeedItem[],
  watchlist: CompiledWatchlist,
  options: MatchOptions,
): { item: FeedItem; match: ItemMatch }[] {
  const matched: { item: FeedItem; match: ItemMatch }[] = [];
  if (watchlist.size === 0) return matched;
  for (const item of items) {
    const match = matchItem(item, watchlist, options);
    if (match) matched.push({ item, match });
  }
  return matched;
}
