/**
 * RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom (1.0 and 0.3), from the element tree feed-xml.ts reads to
 * a ParsedFeed. Elements are matched by namespace, not by the prefix written: RSS's own
 * namespaces (none, RSS 1.0's, UserLand's `<rss xmlns="http://backend.userland.com/rss2">`) and,
 * in an Atom document, Atom's, read as bare names (`item`, `entry`); the modules as their usual
 * prefix (`dc:date`, `content:encoded`, `media:description`, `feedburner:origLink`, `atom:link`
 * in RSS); an element of a namespace not listed, by the name it is written with.
 */
import { LIMITS, shorten } from '../model/limits';
import { feedItem, MAX_ITEMS, type ItemFields } from './feed-item';
import { feedLink, resolveUrl } from './feed-links';
import { parseFeedDate } from './feed-dates';
import { htmlToText, languageTag, oneLine, plainText } from './feed-text';
import type { XmlElement } from './feed-xml';
import type { FeedFormat, FeedItem, ParseResult } from './types';

/** The namespaces read, by URI: '' for RSS's own, otherwise the module's usual prefix. */
const NAMESPACES: ReadonlyMap<string, string> = new Map([
  ['', ''],
  ['http://purl.org/rss/1.0/', ''],
  ['http://my.netscape.com/rdf/simple/0.9/', ''],
  ['http://backend.userland.com/rss2', ''],
  ['http://www.w3.org/2005/Atom', 'atom'],
  ['http://purl.org/atom/ns#', 'atom'],
  ['http://purl.org/dc/elements/1.1/', 'dc'],
  ['http://purl.org/dc/terms/', 'dcterms'],
  ['http://purl.org/rss/1.0/modules/content/', 'content'],
  ['http://search.yahoo.com/mrss/', 'media'],
  ['http://search.yahoo.com/mrss', 'media'],
  ['http://rssnamespace.org/feedburner/ext/1.0', 'feedburner'],
]);

/** The root elements of the formats read here, by local name. */
export const FEED_ROOTS: ReadonlyMap<string, FeedFormat> = new Map([
  ['rss', 'rss'],
  ['RDF', 'rdf'],
  ['feed', 'atom'],
]);

/** How a field's content is written. */
type Kind = 'text' | 'html' | 'xhtml';

/** The document being mapped: `atom` when Atom's elements are its own. */
interface Doc {
  readonly atom: boolean;
}

/** The name `el` is looked up by, as the module's comment says. */
function keyOf(el: XmlElement, doc: Doc): string {
  const prefix = el.ns === undefined ? undefined : NAMESPACES.get(el.ns);
  if (prefix === undefined) return el.name;
  return prefix === '' || (prefix === 'atom' && doc.atom) ? el.local : `${prefix}:${el.local}`;
}

const isElement = (node: XmlElement | string): node is XmlElement => typeof node !== 'string';

function childrenOf(el: XmlElement | undefined, key: string, doc: Doc): XmlElement[] {
  return el ? el.children.filter(isElement).filter((c) => keyOf(c, doc) === key) : [];
}

function childOf(el: XmlElement | undefined, key: string, doc: Doc): XmlElement | undefined {
  return el?.children.find((c): c is XmlElement => isElement(c) && keyOf(c, doc) === key);
}

/** The text in `el` and its descendants, as the XML layer decoded it. */
function textOf(el: XmlElement | undefined): string {
  return el ? el.children.map((c) => (isElement(c) ? textOf(c) : c)).join('') : '';
}

/**
 * `node` written back as HTML, for htmlToText: XHTML's text is escaped again (its references were
 * decoded by the XML layer); HTML's is already markup (its tags and entities arrive as text).
 */
function markupOf(node: XmlElement | string, escapeText: boolean): string {
  if (!isElement(node)) {
    return escapeText ? node.replace(/&/g, '&amp;').replace(/</g, '&lt;') : node;
  }
  const inner = node.children.map((c) => markupOf(c, escapeText)).join('');
  return `<${node.local}>${inner}</${node.local}>`;
}

/** The readable text of a field written as `kind`. */
function readable(el: XmlElement | undefined, kind: Kind): string {
  if (!el) return '';
  if (kind === 'text') return plainText(textOf(el));
  return htmlToText(el.children.map((c) => markupOf(c, kind === 'xhtml')).join(''));
}

/** How an Atom text construct or content is written; undefined for content that is no text. */
function atomKind(el: XmlElement): Kind | undefined {
  if (el.attrs.src !== undefined) return undefined;
  const type = (el.attrs.type ?? 'text').toLowerCase();
  if (type === 'html' || type === 'text/html') return 'html';
  if (type === 'xhtml' || type === 'application/xhtml+xml') return 'xhtml';
  return type === 'text' || type.startsWith('text/') ? 'text' : undefined;
}

function atomText(el: XmlElement | undefined): string {
  const kind = el && atomKind(el);
  return kind ? readable(el, kind) : '';
}

/** `el`'s base: its `xml:base` resolved against its parent's. */
function baseOf(el: XmlElement, parentBase: string): string {
  const base = el.attrs['xml:base'];
  return (base && resolveUrl(base, parentBase)?.href) || parentBase;
}

/** A link written as an element's text (or, in broken feeds, its `href`). */
function linkOf(el: XmlElement | undefined, base: string): string {
  return el ? feedLink(textOf(el).trim() || el.attrs.href, baseOf(el, base)) : '';
}

/** An id that is an absolute http(s) URL, as that URL; '' for any other id. */
function permalinkOf(id: string | undefined): string {
  return id && /^\s*https?:\/\//i.test(id) ? feedLink(id, id) : '';
}

/** The first date of `candidates` that reads. */
function dateOf(candidates: readonly (XmlElement | undefined)[]): string | undefined {
  for (const el of candidates) {
    const date = el && parseFeedDate(textOf(el));
    if (date) return date;
  }
  return undefined;
}

/** Media RSS's description (YouTube's only body), on the item or in its `media:group`. */
function mediaText(el: XmlElement, doc: Doc): string {
  const description =
    childOf(el, 'media:description', doc) ??
    childOf(childOf(el, 'media:group', doc), 'media:description', doc);
  return readable(description, description?.attrs.type === 'html' ? 'html' : 'text');
}

function rssItem(item: XmlElement, feedBase: string, doc: Doc): ItemFields {
  const base = baseOf(item, feedBase);
  const guidEl = childOf(item, 'guid', doc);
  const guid = guidEl ? textOf(guidEl) : item.attrs['rdf:about'];
  const permalink = guidEl?.attrs.isPermaLink?.toLowerCase() === 'false' ? '' : permalinkOf(guid);
  // RSS's author is an address, `name@example.com (Name)`: the name is what a reader knows.
  const rssAuthor = textOf(childOf(item, 'author', doc));
  return {
    guid,
    // FeedBurner's origLink is the article itself; its link, a redirect through FeedBurner.
    url:
      linkOf(childOf(item, 'feedburner:origLink', doc), base) ||
      linkOf(childOf(item, 'link', doc), base) ||
      permalink,
    // RSS does not say whether a title holds markup; feeds put escaped HTML there (craigslist's
    // `<sup>`), so it is read as HTML, as descriptions are.
    title: oneLine(readable(childOf(item, 'title', doc) ?? childOf(item, 'dc:title', doc), 'html')),
    text:
      readable(childOf(item, 'content:encoded', doc), 'html') ||
      readable(childOf(item, 'description', doc), 'html') ||
      mediaText(item, doc),
    published: dateOf([
      childOf(item, 'pubDate', doc),
      childOf(item, 'dc:date', doc),
      childOf(item, 'dcterms:issued', doc),
      childOf(item, 'dcterms:modified', doc),
      childOf(item, 'atom:updated', doc),
    ]),
    author:
      textOf(childOf(item, 'dc:creator', doc)).trim() ||
      /\(([^)]+)\)/.exec(rssAuthor)?.[1] ||
      rssAuthor,
  };
}

/** An Atom element's preferred link: `rel="alternate"` (or none), HTML first. */
function atomLink(el: XmlElement, base: string, doc: Doc): string {
  const alternates = childrenOf(el, 'link', doc).filter(
    (l) => (l.attrs.rel ?? 'alternate') === 'alternate' && l.attrs.href,
  );
  const link =
    alternates.find((l) => /^(text\/html|application\/xhtml\+xml)?$/i.test(l.attrs.type ?? '')) ??
    alternates[0];
  return link ? feedLink(link.attrs.href, baseOf(link, base)) : '';
}

function atomAuthor(el: XmlElement | undefined, doc: Doc): string {
  return oneLine(textOf(childOf(childOf(el, 'author', doc), 'name', doc)));
}

function atomEntry(entry: XmlElement, feedBase: string, feedAuthor: string, doc: Doc): ItemFields {
  const base = baseOf(entry, feedBase);
  const id = textOf(childOf(entry, 'id', doc)).trim();
  return {
    guid: id,
    url:
      linkOf(childOf(entry, 'feedburner:origLink', doc), base) ||
      atomLink(entry, base, doc) ||
      permalinkOf(id),
    title: oneLine(
      atomText(childOf(entry, 'title', doc)) ||
        plainText(textOf(childOf(childOf(entry, 'media:group', doc), 'media:title', doc))),
    ),
    text:
      atomText(childOf(entry, 'content', doc)) ||
      atomText(childOf(entry, 'summary', doc)) ||
      mediaText(entry, doc),
    published: dateOf([
      childOf(entry, 'published', doc),
      childOf(entry, 'updated', doc),
      childOf(entry, 'issued', doc),
      childOf(entry, 'modified', doc),
      childOf(entry, 'dc:date', doc),
    ]),
    // An entry with no author of its own has the feed's (RFC 4287, 4.2.1).
    author: atomAuthor(entry, doc) || atomAuthor(childOf(entry, 'source', doc), doc) || feedAuthor,
  };
}

/**
 * The feed `root` holds, in the format its name says (FEED_ROOTS; any other is 'not-a-feed');
 * links resolve against `feedUrl`. A document that stopped before its end (the reader left its
 * root open) keeps the items that closed, as a lenient reader would show them; with none it is
 * 'malformed'. So is feedparser's rss_incomplete_cdata.xml, cut inside its only item's title:
 * that item's fields cannot be told from what the cut left.
 */
export function mapXmlFeed(root: XmlElement, feedUrl: string): ParseResult {
  const format = FEED_ROOTS.get(root.local);
  if (!format) return { ok: false, failure: 'not-a-feed', detail: `root element <${root.name}>` };
  const doc: Doc = { atom: format === 'atom' };
  const base = baseOf(root, feedUrl);
  let elements: XmlElement[];
  let items: ItemFields[];
  let title: string;
  let siteUrl: string;
  let lang: string | undefined;
  if (doc.atom) {
    elements = childrenOf(root, 'entry', doc);
    const feedAuthor = atomAuthor(root, doc);
    items = elements.slice(0, MAX_ITEMS).map((e) => atomEntry(e, base, feedAuthor, doc));
    title = oneLine(atomText(childOf(root, 'title', doc)));
    siteUrl = atomLink(root, base, doc);
    lang = languageTag(root.attrs['xml:lang']);
  } else {
    // RSS 2.0 keeps its items in the channel; RSS 1.0 beside it, in rdf:RDF.
    const channel = childOf(root, 'channel', doc);
    const channelBase = channel ? baseOf(channel, base) : base;
    elements = [...childrenOf(channel, 'item', doc), ...childrenOf(root, 'item', doc)];
    items = elements.slice(0, MAX_ITEMS).map((e) => rssItem(e, channelBase, doc));
    title = oneLine(readable(childOf(channel, 'title', doc), 'html'));
    siteUrl = linkOf(childOf(channel, 'link', doc), channelBase);
    lang = languageTag(
      textOf(childOf(channel, 'language', doc) ?? childOf(channel, 'dc:language', doc)),
    );
  }
  if (!root.closed) {
    items = items.filter((_, i) => elements[i]?.closed);
    if (!items.length) {
      return { ok: false, failure: 'malformed', detail: 'the document stops before an item ends' };
    }
  }
  return {
    ok: true,
    feed: {
      format,
      title: shorten(title, LIMITS.name),
      ...(siteUrl ? { siteUrl } : {}),
      ...(lang ? { lang } : {}),
      items: items.map(feedItem).filter((item): item is FeedItem => item !== undefined),
    },
  };
}
