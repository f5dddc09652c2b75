// @vitest-environment happy-dom
/**
 * apache/incubator-annotator's own test tables for W3C selectors (../shared/fixtures/anchoring),
 * run against Vigie's selector code. Skipped, with a message, when ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeTextQuote } from '../../../../src/core/anchoring/describe-text-quote';
import { matchTextQuote } from '../../../../src/core/anchoring/match-text-quote';
import { matchTextPosition } from '../../../../src/core/anchoring/text-position';

const dir = resolve(import.meta.dirname, '../../../../../shared/fixtures/anchoring');
const present = existsSync(dir);
if (!present) console.warn(`${dir} not found: the peer anchoring tables are skipped.`);

interface XRange {
  startContainerXPath: string;
  startOffset: number;
  endContainerXPath: string;
  endOffset: number;
}
interface Case {
  html: string;
  selector?: Record<string, unknown>;
  range?: XRange;
  options?: Record<string, unknown>;
  expected: unknown;
}

const load = (file: string) =>
  JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as Record<string, Record<string, Case>>;

/**
 * The case's page, as the test window's own document: happy-dom's ranges misbehave in
 * documents made by DOMParser (setEnd collapses them), so the parsed tree is moved in.
 */
function parse(html: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.remove();
  document.appendChild(document.importNode(parsed.documentElement, true));
  return document;
}

/** The node an XPath of the tables' forms (`//b`, `//b/text()`, `//b/text()[2]`) names. */
function evaluate(doc: Document, path: string): Node {
  const m = /^\/\/(\w+)(\/text\(\)(?:\[(\d+)\])?)?$/.exec(path);
  if (!m) throw new Error(`Unsupported XPath ${path}`);
  const element = doc.getElementsByTagName(m[1]!)[0];
  if (!element) throw new Error(`No element for ${path}`);
  if (!m[2]) return element;
  const texts = [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE);
  const node = texts[Number(m[3] ?? 1) - 1];
  if (!node) throw new Error(`No text node for ${path}`);
  return node;
}

function toRange(doc: Document, r: XRange): Range {
  const range = doc.createRange();
  range.setStart(evaluate(doc, r.startContainerXPath), r.startOffset);
  range.setEnd(evaluate(doc, r.endContainerXPath), r.endOffset);
  return range;
}

/** The scope the peer's tests use: the whole document. */
function wholeDocument(doc: Document): Range {
  const scope = doc.createRange();
  scope.selectNodeContents(doc);
  return scope;
}

function same(doc: Document, actual: Range, expected: XRange) {
  const want = toRange(doc, expected);
  return {
    start: [actual.startContainer === want.startContainer, actual.startOffset],
    end: [actual.endContainer === want.endContainer, actual.endOffset],
    want: { start: [true, want.startOffset], end: [true, want.endOffset] },
  };
}

describe.skipIf(!present)('peer tables: incubator-annotator selector cases', () => {
  const quoteMatch = present ? load('annotator-text-quote-match-cases.json').testCases! : {};
  describe('TextQuoteSelector match', () => {
    for (const [name, c] of Object.entries(quoteMatch)) {
      it(name, () => {
        const doc = parse(c.html);
        const ranges = matchTextQuote(wholeDocument(doc), c.selector as never);
        const expected = c.expected as XRange[];
        expect(ranges).toHaveLength(expected.length);
        ranges.forEach((range, i) => {
          const r = same(doc, range, expected[i]!);
          expect({ start: r.start, end: r.end }).toEqual(r.want);
        });
      });
    }
  });

  const describeTables = present ? load('annotator-text-quote-describe-cases.json') : {};
  for (const [table, cases] of Object.entries(describeTables)) {
    if (table === '_source') continue;
    describe(`TextQuoteSelector describe: ${table}`, () => {
      for (const [name, c] of Object.entries(cases)) {
        it(name, () => {
          const doc = parse(c.html);
          const selector = describeTextQuote(
            toRange(doc, c.range!),
            wholeDocument(doc),
            c.options ?? {},
          );
          expect(selector).toEqual(c.expected);
        });
      }
    });
  }

  const positionMatch = present ? load('annotator-text-position-match-cases.json').testCases! : {};
  describe('TextPositionSelector match', () => {
    for (const [name, c] of Object.entries(positionMatch)) {
      it(name, () => {
        const doc = parse(c.html);
        const range = matchTextPosition(wholeDocument(doc), c.selector as never);
        const expected = (c.expected as XRange[])[0]!;
        expect(range).not.toBeNull();
        const r = same(doc, range!, expected);
        expect({ start: r.start, end: r.end }).toEqual(r.want);
      });
    }
  });
});
