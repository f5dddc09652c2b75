/**
 * A small, lenient XML reader for feeds, in place of a DOM (a Chromium service worker has no
 * DOMParser) and of a general XML library (fast-xml-parser 5 alone is 23 kB gzipped, 39 % of the
 * background's size, and it bundles whole into the worker's cold start).
 *
 * It reads what feed readers accept: an undefined entity stays as written (`&nbsp;` is decoded
 * later, in the HTML layer), a stray `<` or `&` is text, an end tag closes the open element of
 * its name and any left open inside it, an end tag nothing opened is skipped, text outside the
 * root element is dropped. A document that stops early keeps what was read, each element telling
 * whether it was closed. It never expands an entity a DOCTYPE declares: a document declaring one
 * is refused, so no expansion bomb can run. Every scan moves forward, in time linear in the text.
 */
import { decodeXmlEntities } from './feed-entities';

/** One element, its namespace resolved. */
export interface XmlElement {
  /** The name as written, prefix included. */
  readonly name: string;
  /** The namespace it is in: '' for none, undefined when its prefix was never declared. */
  readonly ns: string | undefined;
  /** The name without its prefix. */
  readonly local: string;
  /** Attributes by name as written, values decoded. */
  readonly attrs: Readonly<Record<string, string>>;
  /** Child elements and text (references decoded, CDATA as it is), in document order. */
  readonly children: (XmlElement | string)[];
  /** Whether its end tag (or an ancestor's) was read: false when the document stopped inside it. */
  closed: boolean;
}

/** What reading gives: the root element, or why there is none worth mapping. */
export type XmlRead =
  | { readonly ok: true; readonly root: XmlElement }
  | {
      readonly ok: false;
      readonly failure: 'not-a-feed' | 'malformed' | 'too-large' | 'too-many-entities';
      readonly detail: string;
    };

/** Deeper than any feed nests (XHTML content included); the mapping's walks recurse. */
const MAX_DEPTH = 256;
/** Far above a 5 MB feed's elements (≈100,000 for 500 XHTML entries); bounds the tree's memory. */
const MAX_ELEMENTS = 400_000;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const LT = 60;
const GT = 62;
const EQUALS = 61;
const DQ = 34;
const SQ = 39;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;

/** Namespace prefixes in force ('' for the default namespace): a new map where one is declared. */
type Scope = ReadonlyMap<string, string>;
const BASE_SCOPE: Scope = new Map([['xml', XML_NS]]);
const NO_ATTRS: Readonly<Record<string, string>> = Object.freeze(Object.create(null));

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
const isNameStart = (c: number) =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c >= 0x80;

/**
 * The index of the `>` that ends the tag opening at `lt`, or -1 when the text stops first. A `>`
 * inside a quoted attribute value does not end it; a quote left open (a `<` comes before its
 * close) gives way to the first `>`. Each character is looked at a bounded number of times.
 */
export function tagEnd(text: string, lt: number): number {
  let quote = 0;
  let afterEquals = false;
  for (let j = lt + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (quote) {
      if (c === LT) return text.indexOf('>', lt);
      if (c === quote) quote = 0;
      afterEquals = false;
    } else if (c === GT) {
      return j;
    } else if ((c === DQ || c === SQ) && afterEquals) {
      quote = c;
    } else if (!isSpace(c)) {
      afterEquals = c === EQUALS;
    }
  }
  return quote ? text.indexOf('>', lt) : -1;
}

/** The attributes in `tag` (a start tag's text after its name), first of a name kept. */
function attributesOf(tag: string): Readonly<Record<string, string>> {
  let attrs: Record<string, string> | undefined;
  let j = 0;
  const n = tag.length;
  while (j < n) {
    while (j < n && (isSpace(tag.charCodeAt(j)) || tag.charCodeAt(j) === SLASH)) j++;
    const start = j;
    while (j < n && !isSpace(tag.charCodeAt(j)) && tag[j] !== '=' && tag[j] !== '/') j++;
    if (j === start) break;
    const name = tag.slice(start, j);
    while (j < n && isSpace(tag.charCodeAt(j))) j++;
    let value = '';
    if (tag[j] === '=') {
      j++;
      while (j < n && isSpace(tag.charCodeAt(j))) j++;
      const q = tag[j];
      if (q === '"' || q === "'") {
        let close = tag.indexOf(q, j + 1);
        if (close < 0) close = n;
        value = tag.slice(j + 1, close);
        j = close + 1;
      } else {
        const from = j;
        while (j < n && !isSpace(tag.charCodeAt(j))) j++;
        value = tag.slice(from, j);
      }
    }
    attrs ??= Object.create(null) as Record<string, string>;
    if (!(name in attrs)) attrs[name] = decodeXmlEntities(value);
  }
  return attrs ?? NO_ATTRS;
}

/** The scope inside an element: its parent's, plus the prefixes its attributes declare. */
function scopeOf(attrs: Readonly<Record<string, string>>, parent: Scope): Scope {
  let scope: Map<string, string> | undefined;
  for (const name in attrs) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    scope ??= new Map(parent);
    scope.set(name.slice(6), attrs[name] ?? '');
  }
  return scope ?? parent;
}

/**
 * The element tree of `text`, an XML document, read leniently (see the module's comment). Fails
 * with 'not-a-feed' when there is no element at all or `isRoot` refuses the root's local name
 * (read no further: an HTML page is not read through), 'too-many-entities' on a DOCTYPE
 * declaring an entity, 'malformed' past MAX_DEPTH and 'too-large' past MAX_ELEMENTS.
 */
export function readXml(text: string, isRoot: (local: string) => boolean): XmlRead {
  const n = text.length;
  const open: XmlElement[] = [];
  const scopes: Scope[] = [BASE_SCOPE];
  let root: XmlElement | undefined;
  let count = 0;
  const addText = (s: string) => {
    if (s) open.at(-1)?.children.push(s);
  };
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      addText(decodeXmlEntities(text.slice(i)));
      break;
    }
    if (lt > i) addText(decodeXmlEntities(text.slice(i, lt)));
    const next = text.charCodeAt(lt + 1);
    let end: number;
    if (text.startsWith('<!--', lt)) {
      end = text.indexOf('-->', lt + 4);
      if (end >= 0) end += 2;
    } else if (text.startsWith('<![CDATA[', lt)) {
      end = text.indexOf(']]>', lt + 9);
      if (end >= 0) addText(text.slice(lt + 9, end));
      if (end >= 0) end += 2;
    } else if (next === QUESTION) {
      end = text.indexOf('?>', lt + 2);
      if (end >= 0) end += 1;
    } else if (next === BANG) {
      // A DOCTYPE's internal subset is not skipped whole: its declarations are read one by one
      // as they come (`[` ends the DOCTYPE's own part), so an entity declared there is seen.
      if (!root && /^<!ENTITY/i.test(text.slice(lt, lt + 8))) {
        return { ok: false, failure: 'too-many-entities', detail: 'the DOCTYPE declares entities' };
      }
      const gt = text.indexOf('>', lt);
      const bracket = text.indexOf('[', lt);
      end = bracket >= 0 && bracket < gt && !text.startsWith('<![', lt) ? bracket : gt;
    } else if (next === SLASH) {
      end = text.indexOf('>', lt + 2);
      if (end < 0) break;
      const name = text.slice(lt + 2, end).trim();
      let k = open.length - 1;
      while (k >= 0 && open[k]?.name !== name) k--;
      if (k >= 0) {
        for (let j = k; j < open.length; j++) open[j]!.closed = true;
        open.length = k;
        scopes.length = k + 1;
        if (k === 0) break;
      }
    } else if (isNameStart(next)) {
      end = tagEnd(text, lt);
      if (end < 0) break;
      let nameEnd = lt + 1;
      while (nameEnd < end && !isSpace(text.charCodeAt(nameEnd)) && text[nameEnd] !== '/') {
        nameEnd++;
      }
      const name = text.slice(lt + 1, nameEnd);
      const selfClosing = text.charCodeAt(end - 1) === SLASH;
      const attrs = attributesOf(text.slice(nameEnd, selfClosing ? end - 1 : end));
      const scope = scopeOf(attrs, scopes.at(-1) ?? BASE_SCOPE);
      const colon = name.indexOf(':');
      const el: XmlElement = {
        name,
        ns: colon > 0 ? scope.get(name.slice(0, colon)) : (scope.get('') ?? ''),
        local: name.slice(colon + 1),
        attrs,
        children: [],
        closed: selfClosing,
      };
      if (++count > MAX_ELEMENTS) {
        return { ok: false, failure: 'too-large', detail: `more than ${MAX_ELEMENTS} elements` };
      }
      const parent = open.at(-1);
      if (parent) {
        parent.children.push(el);
      } else if (isRoot(el.local)) {
        root = el;
      } else {
        return { ok: false, failure: 'not-a-feed', detail: `root element <${name}>` };
      }
      if (!selfClosing) {
        if (open.length >= MAX_DEPTH) {
          return { ok: false, failure: 'malformed', detail: `nested deeper than ${MAX_DEPTH}` };
        }
        open.push(el);
        scopes.push(scope);
      } else if (el === root) {
        break;
      }
    } else {
      addText('<');
      end = lt;
    }
    if (end < 0) break;
    i = end + 1;
  }
  if (!root) return { ok: false, failure: 'not-a-feed', detail: 'no XML element' };
  return { ok: true, root };
}
