/**
 * Pure functions over mentions: keys that identify a page and a quote, the canonical form of a
 * capture that its evidence hash covers, and the edits a user may make.
 */
import { LIMITS, wasShortened } from './limits';
import type { Mention, MentionKind, MentionPatch, MentionSelectors } from './types';

/** The page a URL shows: the URL without its #fragment. */
export function pageKeyOf(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** The host name of a URL, or '' for URLs without one (file:, data:, about:). */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** What makes two flags the same: same page, same kind of target, same quote in the same context. */
export function dedupeKeyOf(m: {
  url: string;
  kind: MentionKind;
  quote: string;
  selectors: MentionSelectors | null;
  linkUrl: string | null;
  srcUrl: string | null;
}): string {
  return JSON.stringify([
    pageKeyOf(m.url),
    m.kind,
    m.quote,
    m.selectors?.quote.prefix ?? '',
    m.selectors?.quote.suffix ?? '',
    m.linkUrl ?? '',
    m.srcUrl ?? '',
  ]);
}

/**
 * The raw capture as the evidence hash covers it, in a fixed key order. Notes, tags, tone, reach
 * and the crisis live beside the capture and are left out, so editing them never changes the hash.
 */
export function canonicalCapture(m: {
  url: string;
  quote: string;
  selectors: MentionSelectors | null;
  linkUrl: string | null;
  srcUrl: string | null;
  capturedAt: string;
}): string {
  return JSON.stringify({
    url: m.url,
    quote: m.quote,
    selectors: m.selectors
      ? {
          quote: {
            exact: m.selectors.quote.exact,
            prefix: m.selectors.quote.prefix ?? '',
            suffix: m.selectors.quote.suffix ?? '',
          },
          position: { start: m.selectors.position.start, end: m.selectors.position.end },
        }
      : null,
    linkUrl: m.linkUrl,
    srcUrl: m.srcUrl,
    capturedAt: m.capturedAt,
  });
}

const MAX_NOTE = 20_000;
const MAX_TAG = 60;
const MAX_TAGS = 30;

/** Tags as the user means them: trimmed, without empties or repeats, within sane bounds. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ').slice(0, MAX_TAG);
    if (tag) seen.add(tag);
    if (seen.size >= MAX_TAGS) break;
  }
  return [...seen];
}

/** Applies a user's edit; a tone the user sets always wins over the suggested one. */
export function applyMentionPatch(m: Mention, patch: MentionPatch, now: string): Mention {
  const next: Mention = { ...m, updatedAt: now, triagedAt: m.triagedAt ?? now };
  if (patch.note !== undefined) next.note = patch.note.slice(0, MAX_NOTE);
  if (patch.tags !== undefined) next.tags = normalizeTags(patch.tags);
  if (patch.tone !== undefined) {
    next.tone = patch.tone;
    next.toneSource = 'user';
  }
  if (patch.reach !== undefined) next.reach = patch.reach;
  return next;
}

/** A short label for lists: the quote, else the link or image, else the page title. */
export function mentionLabel(m: Mention): string {
  return m.quote || m.linkUrl || m.srcUrl || m.pageTitle || m.url;
}

/**
 * The texts of a mention's capture that were shortened when it was stored (a page made them
 * longer than a record holds), by field: their fingerprint is that of the whole text.
 */
export function shortenedFields(m: Mention): string[] {
  const quote = m.selectors?.quote;
  const texts: [string, string | null | undefined, number, 'end' | 'start'][] = [
    ['url', m.url, LIMITS.url, 'end'],
    ['pageTitle', m.pageTitle, LIMITS.pageTitle, 'end'],
    ['quote', m.quote, LIMITS.quote, 'end'],
    ['selectors.quote.exact', quote?.exact, LIMITS.quote, 'end'],
    ['selectors.quote.prefix', quote?.prefix, LIMITS.context, 'start'],
    ['selectors.quote.suffix', quote?.suffix, LIMITS.context, 'end'],
    ['linkUrl', m.linkUrl, LIMITS.url, 'end'],
    ['srcUrl', m.srcUrl, LIMITS.url, 'end'],
  ];
  return texts.flatMap(([field, text, max, side]) =>
    typeof text === 'string' && wasShortened(text, max, side) ? [field] : [],
  );
}

/** The longest name a new crisis gets from a mention (the user may write a longer one). */
const NAME_FROM_MENTION = 120;

/**
 * The name a crisis opened from a mention gets: the title of the page it was flagged on (what
 * the story is called where it broke), else the mention's own words; shortened to a title's
 * length, blanks collapsed. The user renames it at any time.
 */
export function crisisNameFor(m: Mention): string {
  const name = (m.pageTitle || mentionLabel(m)).replace(/\s+/g, ' ').trim();
  return name.length > NAME_FROM_MENTION ? `${name.slice(0, NAME_FROM_MENTION - 1)}…` : name;
}
