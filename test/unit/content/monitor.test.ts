// @vitest-environment happy-dom
/**
 * The monitoring script's page side: the scan of visible text, slice by slice then mutation by
 * mutation; the highlights (CSS Custom Highlight API, or marks removed cleanly); and the whole
 * watch of a page, from sightings with their selectors to flagged quotes found again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTextIndex, utf16Offset } from '../../../src/core/anchoring/text-index';
import { findQuoteOffsets } from '../../../src/core/anchoring/match-text-quote';
import type { MonitorConfig, MonitorReport } from '../../../src/core/monitoring/report';
import { compileWatchlist } from '../../../src/core/monitoring/watch';
import { describeSelection } from '../../../src/content/describe-selection';
import { createHighlighter, rangeSegments } from '../../../src/content/highlighter';
import { watchPage } from '../../../src/content/page-watch';
import { startScanner, type TextHit } from '../../../src/content/scanner';

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

function scan(options: Partial<Parameters<typeof startScanner>[0]> = {}) {
  const hits: TextHit[] = [];
  const idle = vi.fn();
  const changed = vi.fn();
  const controller = new AbortController();
  const manual = manualSchedule();
  startScanner({
    root: document.body,
    watchlist: ACME,
    onHits: (found) => hits.push(...found),
    onChanged: changed,
    onIdle: idle,
    signal: controller.signal,
    schedule: manual.schedule,
    batchMs: 5,
    ...options,
  });
  return { hits, idle, changed, controller, ...manual };
}

const where = (hit: TextHit) =>
  `${hit.node.parentElement?.id || hit.node.parentElement?.tagName}:${hit.node.data.slice(hit.start, hit.end)}`;

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('the scan', () => {
  it('finds watched terms in the visible text only', () => {
    page(MIXED);
    const { hits, idle, drain } = scan();
    drain();
    expect(hits.map(where)).toEqual(['H1:ACME', 'shown:ACME', 'elided:ACME', 'elided:Acmé Café']);
    expect(idle).toHaveBeenCalledOnce();
  });

  it('works in bounded slices, a few nodes at a time', () => {
    page(Array.from({ length: 30 }, (_, i) => `<p>Paragraph ${i} about ACME.</p>`).join(''));
    const slices: number[] = [];
    const { hits, drain } = scan({ sliceNodes: 4, onHits: (found) => slices.push(found.length) });
    const ran = drain();
    expect(ran).toBeGreaterThanOrEqual(8);
    expect(Math.max(...slices)).toBeLessThanOrEqual(4);
    expect(slices.reduce((a, b) => a + b, 0)).toBe(30);
    expect(hits).toEqual([]);
  });

  it('then scans only what mutations add or change, once per batch', async () => {
    page('<p id="a">ACME once.</p><p id="b">Nothing here.</p>');
    const { hits, idle, changed, drain } = scan();
    drain();
    expect(hits.map(where)).toEqual(['a:ACME']);

    // Two mutations close together: one batch, one more scan, of the new nodes only.
    const added = document.createElement('p');
    added.id = 'c';
    added.textContent = 'More about ACME.';
    document.body.append(added);
    const b = document.getElementById('b')!.firstChild as Text;
    b.data = 'Now ACME here too.';
    const hidden = document.createElement('p');
    hidden.style.display = 'none';
    hidden.textContent = 'ACME, hidden.';
    document.body.append(hidden);
    await vi.waitFor(() => {
      drain();
      expect(idle).toHaveBeenCalledTimes(2);
    });
    expect(hits.map(where)).toEqual(['a:ACME', 'c:ACME', 'b:ACME']);
    // A text node scanned before that changes: its old hits are dropped, it is scanned again.
    expect(changed).toHaveBeenCalledExactlyOnceWith(b);

    b.data = 'ACME and ACME.';
    await vi.waitFor(() => {
      drain();
      expect(idle).toHaveBeenCalledTimes(3);
    });
    expect(changed).toHaveBeenCalledTimes(2);
    expect(hits.slice(3).map(where)).toEqual(['b:ACME', 'b:ACME']);
  });

  it('stops when aborted', async () => {
    page('<p>ACME</p>');
    const { hits, idle, controller, drain } = scan();
    controller.abort();
    drain();
    document.body.append('ACME again');
    await new Promise((r) => setTimeout(r, 20));
    drain();
    expect(hits).toEqual([]);
    expect(idle).not.toHaveBeenCalled();
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

describe('the watch of a page', () => {
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

  function watch(config: MonitorConfig) {
    const reports: MonitorReport[] = [];
    const controller = new AbortController();
    const manual = manualSchedule();
    watchPage({
      doc: document,
      config,
      send: (r) => reports.push(structuredClone(r)),
      signal: controller.signal,
      schedule: manual.schedule,
      batchMs: 5,
    });
    return { reports, controller, ...manual };
  }

  it('reports each sighting with its sentence and the selectors of a right-click, unscored', () => {
    page(article);
    document.documentElement.lang = 'en';
    const sentence = 'Customers say ACME charged them twice and the service was terrible.';
    const byHand = flagged('p1', sentence, 'm');
    const { reports, drain } = watch({
      on: true,
      watchlist: [{ id: 'acme', term: 'ACME', aliases: [] }],
      flagged: [],
    });
    drain();
    expect(reports).toHaveLength(1);
    const { sightings, lang } = reports[0]!;
    // The page's language goes with them: the background scores them in it.
    expect(lang).toBe('en');
    expect(sightings.map((s) => [s.term, s.sentence])).toEqual([
      ['ACME', 'ACME in the news'],
      ['ACME', sentence],
      ['ACME', 'The new ACME shop is bright and pleasant.'],
    ]);
    // The background scores them: the page's script does not load the scorer.
    expect(sightings[1]).not.toHaveProperty('score');

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

  it('finds flagged quotes again, highlights them, and reports those not on the page any more', async () => {
    page(article);
    const kept = flagged('p1', 'charged them twice', 'kept');
    const edited = flagged('p3', 'this place is a scam', 'edited');
    const removed = flagged('p2', 'bright and pleasant', 'removed');
    // The page changes a little: one sentence edited, one gone.
    (document.getElementById('p3')!.firstChild as Text).data =
      'Readers agree: this place is a scam!!';
    document.getElementById('p2')!.remove();
    const before = dump(document.body);

    const { reports, controller, drain } = watch({
      on: true,
      watchlist: [{ id: 'acme', term: 'ACME', aliases: [] }],
      flagged: [kept, edited, removed],
    });
    drain();
    const report = reports.at(-1)!;
    expect(report.anchors).toEqual({ found: ['kept', 'edited'], missing: ['removed'] });
    expect(
      [...document.querySelectorAll('mark[data-vigie="flagged"]')].map((m) => m.textContent),
    ).toEqual(['charged them twice', 'this place is a scam']);

    // The quote comes back (the page loads it later): found, and reported again.
    const back = document.createElement('p');
    back.textContent = 'The new ACME shop is bright and pleasant.';
    document.querySelector('article')!.append(back);
    await vi.waitFor(() => {
      drain();
      expect(reports.at(-1)!.anchors.missing).toEqual([]);
    });

    // Stopped: every highlight goes, the page is as it was before the watch.
    back.remove();
    controller.abort();
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(dump(document.body)).toEqual(before);
  });
});
