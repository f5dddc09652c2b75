// @vitest-environment happy-dom
/**
 * apache/incubator-annotator's own test tables for W3C selectors (../shared/fixtures/anchoring),
 * run against Vigie's selector code, one test per case, with the scopes annotator's tests use:
 * the whole document. Skipped, with a message, when ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TextPositionSelector, TextQuoteSelector } from '../../../../src/core/model/types';
import { describeTextQuote } from '../../../../src/core/anchoring/describe-text-quote';
import { matchTextQuote } from '../../../../src/core/anchoring/match-text-quote';
import { matchTextPosition } from '../../../../src/core/anchoring/match-text-position';

const dir = path.resolve(__dirname, '../../../../../shared/fixtures/anchoring');
const exists = existsSync(dir);
if (!exists) console.warn(`${dir} not found: peer anchoring tables skipped`);

interface RangeInfo {
  startContainerXPath: string;
  startOffset: number;
  endContainerXPath: string;
  endOffset: number;
}
interface MatchCase<S> {
  html: string;
  selector: S;
  expected: RangeInfo[];
}
interface DescribeCase {
  html: string;
  range: RangeInfo;
  options?: { minimalContext?: boolean; minimumQuoteLength?: number; maxWordLength?: number };
  expected: TextQuoteSelector;
}

/** A table file's tables by name, without its `_source` note. */
function load<T>(file: string): Record<string, Record<string, T>> {
  const data = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(data).filter(([key]) => !key.startsWith('_'))) as Record<
    string,
    Record<string, T>
  >;
}

/**
 * The case's page, parsed by DOMParser as in annotator's tests, then moved into the test window's
 * document: happy-dom's ranges misbehave in a DOMParser document (setEnd after setStart
 * collapses them), which browsers do not.
 */
function loadPage(html: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.remove();
  document.appendChild(document.importNode(parsed.documentElement, true));
  return document;
}

/**
 * The one node an XPath of the tables' forms names: `//tag`, `//tag/text()`, `//tag/text()[n]`
 * (happy-dom has no document.evaluate). Like annotator's helper, insists on exactly one node.
 */
function evaluateXPath(doc: Document, xpath: string): Node {
  const m = /^\/\/([a-z][a-z0-9]*)(\/text\(\)(?:\[(\d+)\])?)?$/i.exec(xpath);
  if (!m) throw new Error(`XPath form not supported by this test: ${xpath}`);
  const elements = [...doc.getElementsByTagName(m[1]!)];
  const nodes = m[2]
    ? elements.flatMap((element) => {
        const texts = [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE);
        return m[3] ? texts.slice(Number(m[3]) - 1, Number(m[3])) : texts;
      })
    : elements;
  if (nodes.length !== 1) throw new Error(`${xpath} names ${nodes.length} nodes, not 1`);
  return nodes[0]!;
}

function hydrateRange(doc: Document, info: RangeInfo): Range {
  const range = doc.createRange();
  range.setStart(evaluateXPath(doc, info.startContainerXPath), info.startOffset);
  range.setEnd(evaluateXPath(doc, info.endContainerXPath), info.endOffset);
  return range;
}

/** A readable label of a node, unique in the page: its path of child indexes, and its text. */
function label(node: Node): string {
  const steps: number[] = [];
  for (let n: Node | null = node; n?.parentNode; n = n.parentNode) {
    steps.unshift([...n.parentNode.childNodes].indexOf(n as ChildNode));
  }
  return `${node.nodeName} /${steps.join('/')} ${JSON.stringify(node.textContent?.slice(0, 30))}`;
}

/** A range as plain data, so that a failure shows both ranges side by side. */
function plain(range: Range) {
  return {
    start: label(range.startContainer),
    startOffset: range.startOffset,
    end: label(range.endContainer),
    endOffset: range.endOffset,
  };
}

describe.skipIf(!exists)('peer tables (incubator-annotator)', () => {
  const quoteMatch = exists
    ? load<MatchCase<TextQuoteSelector>>('annotator-text-quote-match-cases.json')
    : {};
  const quoteDescribe = exists
    ? load<DescribeCase>('annotator-text-quote-describe-cases.json')
    : {};
  const positionMatch = exists
    ? load<MatchCase<TextPositionSelector>>('annotator-text-position-match-cases.json')
    : {};

  describe('matchTextQuote', () => {
    for (const [name, c] of Object.entries(quoteMatch.testCases ?? {})) {
      it(name, () => {
        const doc = loadPage(c.html);
        const found = matchTextQuote(doc, c.selector).map(plain);
        expect(found).toEqual(c.expected.map((info) => plain(hydrateRange(doc, info))));
      });
    }
  });

  for (const [table, cases] of Object.entries(quoteDescribe)) {
    describe(`describeTextQuote: ${table}`, () => {
      for (const [name, c] of Object.entries(cases)) {
        it(name, () => {
          const doc = loadPage(c.html);
          expect(describeTextQuote(hydrateRange(doc, c.range), doc, c.options)).toEqual(c.expected);
        });
      }
    });
  }

  describe('matchTextPosition', () => {
    for (const [name, c] of Object.entries(positionMatch.testCases ?? {})) {
      it(name, () => {
        const doc = loadPage(c.html);
        const found = matchTextPosition(doc, c.selector);
        const expected = c.expected.map((info) => plain(hydrateRange(doc, info)));
        expect(found ? [plain(found)] : []).toEqual(expected);
      });
    }
  });
});
