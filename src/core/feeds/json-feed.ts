/**
 * JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) to a ParsedFeed. Every field is
 * checked for its type: a feed is data from anywhere.
 */
import { LIMITS, shorten } from '../model/limits';
import { feedItem, MAX_ITEMS } from './feed-item';
import { feedLink } from './feed-links';
import { parseFeedDate } from './feed-dates';
import { htmlToText, languageTag, oneLine, plainText } from './feed-text';
import type { FeedItem, ParseResult } from './types';

type Json = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const stringOf = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The first author's name: 1.1's `authors`, else 1.0's `author`. */
function authorOf(object: Json): string {
  const authors = Array.isArray(object.authors) ? object.authors : [object.author];
  const first: unknown = authors.find((a) => isObject(a) && stringOf(a.name).trim());
  return isObject(first) ? oneLine(stringOf(first.name)) : '';
}

function item(value: unknown, feedUrl: string, feedAuthor: string): FeedItem | undefined {
  if (!isObject(value)) return undefined;
  const id = typeof value.id === 'number' ? String(value.id) : stringOf(value.id);
  return feedItem({
    guid: id,
    // `url` is the item's own page; `external_url`, what a link post points at.
    url: feedLink(stringOf(value.url), feedUrl) || feedLink(stringOf(value.external_url), feedUrl),
    title: oneLine(plainText(stringOf(value.title))),
    text:
      plainText(stringOf(value.content_text)) ||
      htmlToText(stringOf(value.content_html)) ||
      plainText(stringOf(value.summary)),
    published:
      parseFeedDate(stringOf(value.date_published)) ?? parseFeedDate(stringOf(value.date_modified)),
    author: authorOf(value) || feedAuthor,
  });
}

/**
 * The JSON Feed `text` holds; links resolve against `feedUrl`. JSON that does not parse is
 * 'malformed'; JSON that is no JSON Feed (no `version` of jsonfeed.org, no `items`), 'not-a-feed'.
 */
export function parseJsonFeed(text: string, feedUrl: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, failure: 'malformed', detail: String(error) };
  }
  if (
    !isObject(data) ||
    !/^https?:\/\/jsonfeed\.org\/version\//.test(stringOf(data.version)) ||
    !Array.isArray(data.items)
  ) {
    return { ok: false, failure: 'not-a-feed', detail: 'JSON, not a JSON Feed' };
  }
  const feedAuthor = authorOf(data);
  const siteUrl = feedLink(stringOf(data.home_page_url), feedUrl);
  const lang = languageTag(stringOf(data.language));
  return {
    ok: true,
    feed: {
      format: 'json',
      title: shorten(oneLine(plainText(stringOf(data.title))), LIMITS.name),
      ...(siteUrl ? { siteUrl } : {}),
      ...(lang ? { lang } : {}),
      items: data.items
        .slice(0, MAX_ITEMS)
        .map((value: unknown) => item(value, feedUrl, feedAuthor))
        .filter((value): value is FeedItem => value !== undefined),
    },
  };
}
