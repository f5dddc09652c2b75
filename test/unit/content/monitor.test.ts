// @vitest-environment happy-dom
/**
 * Monitoring from a page to the background: the page's read (its text, where a reader sees it,
 * its blocks), the same whatever is watched and leaving the page as it was; read again after
 * mutations, batched; the background's findings in it (sightings with the selectors of a
 * right-click, flagged quotes found again); and the highlights, drawn only when asked (CSS
 * Custom Highlight API, or marks removed cleanly).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTextIndex, utf16Offset } from '../../../src/core/anchoring/text-index';
import { findQuoteOffsets } from '../../../src/core/anchoring/match-text-quote';
import { anchorFlagged, sightingsOf } from '../../../src/core/monitoring/analyze';
import { pageReadFrom, type PageRead } from '../../../src/core/monitoring/page-read';
import { compileWatchlist } from '../../../src/core/monitoring/watch';
import { describeSelection } from '../../../src/content/describe-selection';
import { createHighlighter, rangeSegments } from '../../../src/content/highlighter';
import { showHighlights, watchPage } from '../../../src/content/page-watch';
import { readPage } from '../../../src/content/read-page';

/** Replaces the page with `html` (parsed, never injected as markup into the live tree). */
function page(html: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  document.body.replaceChildren(
    ...[...parsed.body.childNodes].map((n) => document.importNode(n, true)),
  );
  return document.body;
}

/** The page's nodes as data (names, attributes, texts), to compare a page before and after. */
function dump(node: Node): unknown {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  const el = node as Element;
  return [
    el.nodeName,
    [...(el.attributes ?? [])].map((a) => `${a.name}=${a.value}`),
    [...node.childNodes].map(dump),
  ];
}

/** Every text node of the page, in order. */
function textNodes(): Text[] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

/** A scheduler the test runs by hand: each slice waits until `drain`. */
function manualSchedule() {
  const tasks: (() => void)[] = [];
  return {
    schedule: (task: () => void) => void tasks.push(task),
    /** Runs the slices until none is left; returns how many ran. */
    drain() {
      let n = 0;
      while (tasks.length > 0) {
        tasks.shift()!();
        n += 1;
      }
      return n;
    },
  };
}

const ACME = compileWatchlist([{ id: 'acme', term: 'ACME', aliases: ['Acme Café'] }]);

const MIXED = `
  <h1>ACME news</h1>
  <p id="shown">Yesterday ACME charged us twice and the service was terrible.</p>
  <p style="display:none">ACME hidden by display none</p>
  <div style="visibility:hidden"><span>ACME invisible</span></div>
  <p class="gone">ACME hidden by a stylesheet</p>
  <style>.gone { display: none } /* ACME */</style>
  <noscript>ACME noscript</noscript>
  <template><p>ACME template</p></template>
  <textarea>ACME typed</textarea>
  <input value="ACME input">
  <select><option>ACME option</option></select>
  <p id="elided">Chez l'ACME et d’Acmé Café, rien.</p>`;

/** The watched terms the background finds in a read, by where they are: "id:term". */
function found(read: PageRead): string[] {
  const out: string[] = [];
  for (let r = 0; r + 1 < read.shown.length; r += 2) {
    const [start, end] = [read.shown[r]!, read.shown[r + 1]!];
    const at = textNodes().find((n) => buildTextIndex(document.body).offsetOf(n, 0) === start);
    for (const hit of ACME.find(read.text.slice(start, end))) {
      out.push(
        `${at?.parentElement?.id || at?.parentElement?.tagName}:${read.text.slice(start + hit.start, start + hit.end)}`,
      );
    }
  }
  return out;
}

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.lang = '';
  vi.unstubAllGlobals();
});

describe('the read of a page', () => {
  it('is its text as a right-click reads it, with what a reader sees marked', () => {
    page(MIXED);
    const read = readPage(document);
    expect(read.text).toBe(buildTextIndex(document.body).text);
    expect(found(read)).toEqual(['H1:ACME', 'shown:ACME', 'elided:ACME', 'elided:Acmé Café']);
    expect(read.cut).toBe(false);
  });

  it('says where each block starts and ends, and which text keeps its line breaks', () => {
    page(
      '<div id="d">Intro <p id="a">One.</p><pre id="pre" style="white-space: pre">line one\nline two</pre> end</div>',
    );
    const read = readPage(document);
    const pairs = (list: number[]) =>
      Array.from({ length: list.length / 2 }, (_, i) =>
        read.text.slice(list[2 * i], list[2 * i + 1]),
      );
    expect(pairs(read.blocks)).toEqual([
      'Intro One.line one\nline two end',
      'Intro One.line one\nline two end',
      'One.',
      'line one\nline two',
    ]);
    expect(pairs(read.pre)).toEqual(['line one\nline two']);
  });

  it('reads no more than its bound, and says the rest was left out', () => {
    page(`<p>${'ACME '.repeat(100)}</p><p>more</p>`);
    const read = readPage(document, 50);
    expect(read.text).toHaveLength(50);
    expect(read.cut).toBe(true);
    expect(read.blocks.every((offset) => offset <= 50)).toBe(true);
  });

  it('leaves the page exactly as it was', () => {
    page(MIXED);
    const before = dump(document.body);
    readPage(document);
    expect(dump(document.body)).toEqual(before);
  });
});

describe('the watch of a page', () => {
  function watch() {
    const reads: PageRead[] = [];
    const controller = new AbortController();
    const manual = manualSchedule();
    watchPage({
      doc: document,
      send: (r) => reads.push(structuredClone(r)),
      signal: controller.signal,
      schedule: manual.schedule,
      batchMs: 5,
      minIntervalMs: 0,
    });
    return { reads, controller, ...manual };
  }

  it('sends the read once the page is idle, then again once per batch of mutations', async () => {
    page('<p id="a">ACME once.</p><p id="b">Nothing here.</p>');
    const { reads, drain } = watch();
    expect(reads).toHaveLength(0);
    drain();
    expect(reads).toHaveLength(1);

    // Two mutations close together: one batch, one more read.
    const added = document.createElement('p');
    added.textContent = 'More about ACME.';
    document.body.append(added);
    (document.getElementById('b')!.firstChild as Text).data = 'Now ACME here too.';
    await vi.waitFor(() => {
      drain();
      expect(reads).toHaveLength(2);
    });
    expect(reads[1]!.text).toBe('ACME once.Now ACME here too.More about ACME.');

    // A change that leaves the text as it was sends nothing.
    document.getElementById('a')!.setAttribute('class', 'x');
    document.body.append(document.createElement('span'));
    await new Promise((r) => setTimeout(r, 20));
    drain();
    expect(reads).toHaveLength(2);
  });

  it('stops when aborted', async () => {
    page('<p>ACME</p>');
    const { reads, controller, drain } = watch();
    controller.abort();
    drain();
    document.body.append('ACME again');
    await new Promise((r) => setTimeout(r, 20));
    drain();
    expect(reads).toEqual([]);
  });
});

describe('highlights', () => {
  it('wrap text in marks where the browser has no CSS highlights, and unwrap it as it was', () => {
    page(`<p id="p">ACME said ACME <b>twice</b>, ACME.</p><p id="q">Acme Café</p>`);
    const before = dump(document.body);
    const texts = textNodes();
    const highlighter = createHighlighter(document);
    expect(highlighter.mode).toBe('wrap');

    const segments = texts.flatMap((node) =>
      ACME.find(node.data).map((s) => ({ node, start: s.start, end: s.end })),
    );
    const moved = highlighter.add('watch', segments);
    const marks = [...document.querySelectorAll('mark[data-vigie="watch"]')];
    expect(marks.map((m) => m.textContent)).toEqual(['ACME', 'ACME', 'ACME', 'Acme Café']);
    // Each segment is told where its text now is.
    expect(moved.map((s) => s && s.node.data.slice(s.start, s.end))).toEqual([
      'ACME',
      'ACME',
      'ACME',
      'Acme Café',
    ]);
    // The page reads the same.
    expect(document.body.textContent).toBe('ACME said ACME twice, ACME.Acme Café');

    // A flagged quote across elements, over a mark already there.
    const p = document.getElementById('p')!;
    const range = document.createRange();
    range.setStart(moved[1]!.node, 0);
    range.setEnd(p.querySelector('b')!.nextSibling!, 2);
    const across = rangeSegments(range);
    expect(across.map((s) => s.node.data.slice(s.start, s.end))).toEqual([
      'ACME',
      ' ',
      'twice',
      ', ',
    ]);
    highlighter.add('flagged', across);
    expect(
      [...document.querySelectorAll('mark[data-vigie="flagged"]')].map((m) => m.textContent),
    ).toEqual(['ACME', ' ', 'twice', ', ']);
    expect(document.body.textContent).toBe('ACME said ACME twice, ACME.Acme Café');

    highlighter.clear();
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(dump(document.body)).toEqual(before);
    // The very same text nodes hold the text again: a page that keeps them keeps working.
    expect(textNodes()).toEqual(texts);
  });

  it('leave the page untouched with the CSS Custom Highlight API, and unregister on clear', () => {
    const registry = new Map<string, Set<AbstractRange>>();
    vi.stubGlobal('CSS', { highlights: registry });
    vi.stubGlobal(
      'Highlight',
      class extends Set<AbstractRange> {
        priority = 0;
      },
    );
    vi.stubGlobal(
      'StaticRange',
      class {
        constructor(init: StaticRangeInit) {
          Object.assign(this, init);
        }
      },
    );
    page('<p>ACME and ACME.</p>');
    const before = dump(document.body);
    const highlighter = createHighlighter(document);
    expect(highlighter.mode).toBe('css');
    expect(registry.size).toBe(0);
    const node = textNodes()[0]!;
    highlighter.add(
      'watch',
      ACME.find(node.data).map((s) => ({ node, start: s.start, end: s.end })),
    );
    expect(registry.get('vigie-watch')?.size).toBe(2);
    expect(dump(document.body)).toEqual(before);
    highlighter.forget(node);
    expect(registry.get('vigie-watch')?.size).toBe(0);
    highlighter.clear();
    expect(registry.size).toBe(0);
  });
});

describe('what the background finds in a read, and shows when asked', () => {
  const article = `
    <article>
      <h1>ACME in the news</h1>
      <p id="p1">Customers say ACME charged them twice and the service was terrible.</p>
      <p id="p2">The new ACME shop is bright and pleasant.</p>
      <p id="p3">Readers agree: this place is a scam.</p>
    </article>`;

  /** The selectors a right-click on `part` of `id`'s text gives. */
  function flagged(id: string, part: string, mentionId: string) {
    const text = document.getElementById(id)!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, text.data.indexOf(part));
    range.setEnd(text, text.data.indexOf(part) + part.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    const selection = describeSelection(getSelection(), document.body)!;
    getSelection()!.removeAllRanges();
    return { mentionId, selectors: { quote: selection.quote, position: selection.position } };
  }

  /** The page's read as the background takes it (a structured clone, then bounded). */
  const received = () => pageReadFrom(structuredClone(readPage(document)))!;

  it('finds each sighting with its sentence and the selectors of a right-click', () => {
    page(article);
    document.documentElement.lang = 'en';
    const sentence = 'Customers say ACME charged them twice and the service was terrible.';
    const byHand = flagged('p1', sentence, 'm');
    const read = received();
    expect(read.lang).toBe('en');
    const sightings = sightingsOf(read, ACME);
    expect(sightings.map((s) => [s.term, s.sentence])).toEqual([
      ['ACME', 'ACME in the news'],
      ['ACME', sentence],
      ['ACME', 'The new ACME shop is bright and pleasant.'],
    ]);
    // The selectors find the sentence in the page's text, as a flag's would.
    const { text } = buildTextIndex(document.body);
    const { quote, position } = sightings[1]!.selectors;
    expect(findQuoteOffsets(text, quote)).toHaveLength(1);
    expect(text.slice(utf16Offset(text, position.start), utf16Offset(text, position.end))).toBe(
      sightings[1]!.exact,
    );
    // Same as selecting the sentence and right-clicking it.
    expect(sightings[1]!.selectors).toEqual(byHand.selectors);
  });

  it('keeps a sentence in its block, and takes a line break for a blank but in pre text', () => {
    page(
      '<p id="a">ACME\nis slow</p><pre id="b" style="white-space: pre">ACME\nis down</pre><p>Then. ACME again</p>',
    );
    const sentences = sightingsOf(received(), ACME).map((s) => s.sentence);
    expect(sentences).toEqual(['ACME is slow', 'ACME', 'ACME again']);
  });

  it('keeps the text around a sentence short on a page of blocks repeated hundreds of times', () => {
    page(
      `${'<p>Same words again.</p>'.repeat(400)}<p>ACME is late.</p>${'<p>Same words again.</p>'.repeat(400)}`,
    );
    const [sighting] = sightingsOf(received(), ACME);
    expect(sighting!.selectors.quote.prefix!.length).toBeLessThanOrEqual(2_000);
    expect(sighting!.selectors.quote.suffix!.length).toBeLessThanOrEqual(2_000);
  });

  it('finds flagged quotes again, and tells those not on the page any more', () => {
    page(article);
    const kept = flagged('p1', 'charged them twice', 'kept');
    const edited = flagged('p3', 'this place is a scam', 'edited');
    const removed = flagged('p2', 'bright and pleasant', 'removed');
    // The page changes a little: one sentence edited, one gone.
    (document.getElementById('p3')!.firstChild as Text).data =
      'Readers agree: this place is a scam!!';
    document.getElementById('p2')!.remove();
    expect(anchorFlagged(received().text, [kept, edited, removed])).toEqual({
      found: ['kept', 'edited'],
      missing: ['removed'],
    });
  });

  it('draws the highlights only when asked, and takes them all away', () => {
    page(article);
    const before = dump(document.body);
    const sightings = sightingsOf(received(), ACME);
    const kept = flagged('p1', 'charged them twice', 'kept');
    const highlighter = createHighlighter(document);
    const shown = showHighlights(document, highlighter, [
      ...sightings.map((s) => ({ kind: 'watch' as const, selectors: s.selectors })),
      { kind: 'flagged', selectors: kept.selectors },
    ]);
    expect(shown).toBe(4);
    expect(
      [...document.querySelectorAll('mark[data-vigie="flagged"]')].map((m) => m.textContent),
    ).toEqual(['charged them twice']);
    expect(document.querySelectorAll('mark[data-vigie="watch"]').length).toBeGreaterThanOrEqual(3);
    highlighter.clear();
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(dump(document.body)).toEqual(before);
  });
});
