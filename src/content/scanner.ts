/**
 * Scans a page's visible text for watched terms without holding the page up: the whole page
 * once, in slices of the page's idle time, then only what DOM mutations add or change, gathered
 * for a moment so that a busy page costs one scan per batch, not one per mutation.
 */
import type { CompiledWatchlist, Sighting } from '../core/monitoring/watch';
import { createVisibility, insideSkipped, isSkipped } from './visible-text';

/** A watched term in one text node of the page (offsets in the node's data). */
export interface TextHit extends Sighting {
  node: Text;
}

export interface ScannerOptions {
  root: Element;
  watchlist: CompiledWatchlist;
  /** The hits of one slice, as soon as it is scanned. */
  onHits: (hits: TextHit[]) => void;
  /** A text node scanned before has changed: its earlier hits no longer hold. */
  onChanged?: (node: Text) => void;
  /** Nothing is left to scan: after the first pass, then after each batch of mutations. */
  onIdle: () => void;
  /** Aborting stops the scan and the watching of mutations. */
  signal: AbortSignal;
  /**
   * Runs the next slice later (default: when the page is idle), passing the milliseconds the
   * browser says are free for it, if it says.
   */
  schedule?: (task: (budgetMs?: number) => void) => void;
  now?: () => number;
  /**
   * A slice stops after this many milliseconds, or after the idle time the browser offers when
   * it offers more (up to MAX_SLICE_MS: idle time is time no frame needs)…
   */
  sliceMs?: number;
  /** …or this many text nodes per `sliceMs`, whichever comes first. */
  sliceNodes?: number;
  /** Mutations are gathered this long before their nodes are scanned. */
  batchMs?: number;
}

export interface Scanner {
  /**
   * Runs `change` (Vigie's own edits of the page: wrapping or unwrapping highlights) without
   * its mutations being taken for the page's.
   */
  quiet<T>(change: () => T): T;
}

/** The longest slice, however much idle time the browser offers (it offers 50 ms at most). */
const MAX_SLICE_MS = 40;

function idle(task: (budgetMs?: number) => void): void {
  if (typeof requestIdleCallback === 'function') {
    // A slice run because the timeout passed has no idle time: it keeps to the short budget.
    requestIdleCallback((deadline) => task(deadline.didTimeout ? 0 : deadline.timeRemaining()), {
      timeout: 200,
    });
  } else setTimeout(task, 0);
}

/** Starts scanning `root`; the callbacks receive what it finds until `signal` aborts. */
export function startScanner(options: ScannerOptions): Scanner {
  const { root, watchlist, signal } = options;
  const schedule = options.schedule ?? idle;
  const now = options.now ?? (() => performance.now());
  const sliceMs = options.sliceMs ?? 5;
  const sliceNodes = options.sliceNodes ?? 400;
  const batchMs = options.batchMs ?? 500;
  const doc = root.ownerDocument;

  const queue: Node[] = [root];
  const scanned = new WeakSet<Text>();
  const pending = new Set<Node>();
  let walker: TreeWalker | null = null;
  let isShown = createVisibility();
  let running = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const filter = {
    acceptNode: (node: Node) =>
      node.nodeType === Node.TEXT_NODE
        ? NodeFilter.FILTER_ACCEPT
        : isSkipped(node as Element)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP,
  };

  /** The next text node to scan, from the walk under way or the next root in the queue. */
  function nextText(): Text | null {
    for (;;) {
      const node = walker?.nextNode();
      if (node) return node as Text;
      walker = null;
      const next = queue.shift();
      if (!next) return null;
      if (!next.isConnected || !root.contains(next) || insideSkipped(next)) continue;
      if (next.nodeType === Node.TEXT_NODE) return next as Text;
      if (next.nodeType === Node.ELEMENT_NODE) {
        walker = doc.createTreeWalker(next, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, filter);
      }
    }
  }

  function scanText(node: Text, hits: TextHit[]): void {
    if (scanned.has(node)) return;
    scanned.add(node);
    const parent = node.parentElement;
    if (!parent || !/\S/.test(node.data) || !isShown(parent)) return;
    for (const sighting of watchlist.find(node.data)) hits.push({ ...sighting, node });
  }

  function slice(budgetMs = 0): void {
    if (signal.aborted) return;
    const started = now();
    // The idle time offered, less a millisecond for what follows the scan of the slice.
    const budget = Math.max(sliceMs, Math.min(budgetMs - 1, MAX_SLICE_MS));
    const maxNodes = Math.ceil((sliceNodes * budget) / sliceMs);
    const hits: TextHit[] = [];
    let count = 0;
    let node: Text | null = null;
    while ((node = nextText())) {
      scanText(node, hits);
      if (++count >= maxNodes || now() - started >= budget) break;
    }
    if (hits.length > 0) options.onHits(hits);
    if (signal.aborted) return;
    if (node) {
      schedule(slice);
      return;
    }
    running = false;
    // Styles may change between passes: each pass asks afresh.
    isShown = createVisibility();
    options.onIdle();
  }

  function run(): void {
    if (running || signal.aborted) return;
    running = true;
    schedule(slice);
  }

  function take(records: MutationRecord[]): void {
    for (const record of records) {
      if (record.type === 'characterData') {
        const text = record.target as Text;
        if (scanned.delete(text)) options.onChanged?.(text);
        pending.add(text);
      } else {
        for (const added of record.addedNodes) pending.add(added);
      }
    }
    // Gathered for a while from the first mutation (not from the last: a page that never
    // stops changing would otherwise never be scanned).
    if (pending.size > 0 && timer === undefined) {
      timer = setTimeout(() => {
        timer = undefined;
        queue.push(...pending);
        pending.clear();
        run();
      }, batchMs);
    }
  }

  const observer = new MutationObserver(take);
  const observe = () =>
    observer.observe(root, { childList: true, subtree: true, characterData: true });
  observe();
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timer);
    },
    { once: true },
  );
  run();

  return {
    quiet(change) {
      // The page's own mutations so far are kept; those `change` makes are dropped.
      take(observer.takeRecords());
      try {
        return change();
      } finally {
        observer.takeRecords();
      }
    },
  };
}
