/**
 * An item as every format's mapping hands it over, bounded to what Vigie's records hold
 * (src/core/model/limits.ts), and how many of a feed's items are read.
 */
import { LIMITS, shorten } from '../model/limits';
import { oneLine } from './feed-text';
import type { FeedItem } from './types';

/** The most items read from one feed, its first ones: a feed lists its newest first. */
export const MAX_ITEMS = 500;

/** What a mapping reads of an item, as text already, before it is bounded. */
export interface ItemFields {
  readonly guid: string | undefined;
  readonly url: string;
  readonly title: string;
  readonly text: string;
  readonly published: string | undefined;
  readonly author: string | undefined;
}

/**
 * `fields` as a FeedItem: title and author cut to LIMITS.name, text to LIMITS.message (marked
 * where cut), a guid longer than LIMITS.url dropped (a cut id would be another id). Undefined
 * for an item with neither URL, title nor text: there is nothing of it to show or watch.
 */
export function feedItem(fields: ItemFields): FeedItem | undefined {
  const { url, title, text, published } = fields;
  if (!url && !title && !text) return undefined;
  const guid = fields.guid?.trim();
  const author = fields.author && oneLine(fields.author);
  return {
    ...(guid && guid.length <= LIMITS.url ? { guid } : {}),
    url,
    title: shorten(title, LIMITS.name),
    text: shorten(text, LIMITS.message),
    ...(published ? { published } : {}),
    ...(author ? { author: shorten(author, LIMITS.name) } : {}),
  };
}
