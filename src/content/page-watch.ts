/**
 * Monitoring of one page, as far as it runs in the page: reads the page (read-page.ts) when the
 * page is idle, sends the read to the background, and reads again when mutations change the
 * text (gathered for a moment, and no more often than the reading's own cost allows). It shows
 * nothing and changes nothing in the page: highlights are drawn only when the user asks for
 * them from the popup (`showHighlights`), from the selectors the background sends then.
 */
import { reanchor } from '../core/anchoring/reanchor';
import { buildTextIndex } from '../core/anchoring/text-index';
import type { PageRead } from '../core/monitoring/page-read';
import type { ShownHighlight } from '../core/messaging/protocol';
import { rangeSegments, type Highlighter } from './highlighter';
import { readPage } from './read-page';

export interface PageWatchOptions {
  doc: Document;
  send: (read: PageRead) => void;
  /** Aborting stops the watch (and its mutation observer). */
  signal: AbortSignal;
  /** Runs a task later (default: when the page is idle). */
  schedule?: (task: () => void) => void;
  /** Mutations are gathered this long before the page is read again. */
  batchMs?: number;
  /** Reads are at least this far apart, and at least ten times the last read's own time. */
  minIntervalMs?: number;
  now?: () => number;
}

function idle(task: () => void): void {
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback(() => task(), { timeout: 1_000 });
  else setTimeout(task, 0);
}

/** Watches `doc` until `signal` aborts: a read now, then one after each batch of mutations. */
export function watchPage(options: PageWatchOptions): { quiet<T>(change: () => T): T } {
  const { doc, signal } = options;
  const schedule = options.schedule ?? idle;
  const now = options.now ?? (() => performance.now());
  const batchMs = options.batchMs ?? 500;
  const minIntervalMs = options.minIntervalMs ?? 2_000;
  let last: PageRead | null = null;
  let readAt = Number.NEGATIVE_INFINITY;
  let readCost = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const read = () => {
    timer = undefined;
    if (signal.aborted) return;
    const started = now();
    const page = readPage(doc);
    readAt = now();
    readCost = readAt - started;
    // Only what changed is sent again (a page that moves only its styles sends nothing).
    const same =
      last !== null &&
      last.text === page.text &&
      last.title === page.title &&
      last.shown.join() === page.shown.join();
    last = page;
    if (!same) options.send(page);
  };

  const observer = new MutationObserver(() => {
    if (timer !== undefined || signal.aborted) return;
    // Gathered from the first mutation (a page that never stops changing is still read), and
    // never sooner than the reads' spacing.
    const wait = Math.max(batchMs, readAt + Math.max(minIntervalMs, 10 * readCost) - now());
    timer = setTimeout(() => schedule(read), wait);
  });
  if (doc.body) {
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
  }
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
  schedule(read);
  return {
    quiet(change) {
      // The page's own mutations so far are kept; those `change` makes are dropped.
      const pending = observer.takeRecords();
      try {
        return change();
      } finally {
        observer.takeRecords();
        if (pending.length > 0 && timer === undefined && !signal.aborted) {
          timer = setTimeout(() => schedule(read), batchMs);
        }
      }
    },
  };
}

/**
 * Draws `highlights` in `doc`, each found by its selectors in the page as it is now; returns
 * how many were found. What was shown before goes first.
 */
export function showHighlights(
  doc: Document,
  highlighter: Highlighter,
  highlights: readonly ShownHighlight[],
): number {
  highlighter.clear();
  const body = doc.body;
  if (!body) return 0;
  let found = 0;
  // Sightings first, then flagged quotes, which show above a sighting inside them. Marks
  // (where the browser has no highlight API) split text nodes: the page is indexed anew.
  for (const kind of ['watch', 'flagged'] as const) {
    const index = buildTextIndex(body);
    const segments = highlights.flatMap((h) => {
      if (h.kind !== kind) return [];
      const at = reanchor(index.text, h.selectors);
      const range = at && index.rangeOf(at.start, at.end, 'after', 'before');
      if (!range) return [];
      found += 1;
      return rangeSegments(range);
    });
    highlighter.add(kind, segments);
  }
  return found;
}
