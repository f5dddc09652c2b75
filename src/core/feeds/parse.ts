/**
 * The feed parser's entry: a fetched feed's bytes to a ParsedFeed, or the reason it cannot be
 * read, never a throw. Pure and DOM-free: it runs in Chromium's service worker and Firefox's
 * background page alike. The format comes from the content (an address ending in `.rss` may
 * serve Atom): JSON Feed when it opens with `{`, otherwise XML whose root names the format.
 */
import { decodeFeed } from './decode';
import { readXml } from './feed-xml';
import { parseJsonFeed } from './json-feed';
import type { ParseResult } from './types';
import { FEED_ROOTS, mapXmlFeed } from './xml-feed';

/** The largest feed read: 5 MB, checked before any of it is decoded. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;

/**
 * The feed in `bytes`, fetched from `opts.url` (the base of its relative links) with
 * `opts.contentType` as its Content-Type header (its charset read as decode.ts says).
 * Failures: 'too-large' over MAX_FEED_BYTES; 'unsupported-charset'; 'too-many-entities' for a
 * DOCTYPE declaring entities (the expansion bombs); 'not-a-feed' for HTML or anything else whose
 * root is not a feed's; 'malformed' for JSON that does not parse or XML too broken to recover an
 * item from.
 */
export function parseFeed(
  bytes: Uint8Array,
  opts: { readonly url: string; readonly contentType?: string | null },
): ParseResult {
  if (bytes.length > MAX_FEED_BYTES) {
    return { ok: false, failure: 'too-large', detail: `${bytes.length} bytes` };
  }
  try {
    const decoded = decodeFeed(bytes, opts.contentType);
    if (!decoded.ok) return decoded;
    const { text } = decoded;
    const first = text[text.search(/\S/)];
    if (first === '{') return parseJsonFeed(text, opts.url);
    if (first !== '<') return { ok: false, failure: 'not-a-feed', detail: 'neither XML nor JSON' };
    const xml = readXml(text, (local) => FEED_ROOTS.has(local));
    return xml.ok ? mapXmlFeed(xml.root, opts.url) : xml;
  } catch (error) {
    // Nothing above throws by design; should a feed still find a way, it is one Vigie cannot
    // read, never an exception in the poll that fetched it.
    return { ok: false, failure: 'malformed', detail: String(error) };
  }
}
