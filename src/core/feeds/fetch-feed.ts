/**
 * One read of a feed over the network, as the background makes it: a GET with the validators
 * of the last good read, no cookie, a deadline and a bounded body. Whatever happens comes back
 * as data (`FetchResult`, poll.ts), never as a throw, for `afterPoll` to decide what next.
 * `fetch` and the clock are handed in, so that tests give real `Response`s without a network.
 *
 * The request's choices, and why:
 * - `credentials: 'omit'`: the user's cookies for news.google.com or reddit.com would tell those
 *   sites who reads the feed, and change what it lists.
 * - `cache: 'no-store'`: Vigie's own validators, kept with the source in IndexedDB, are the one
 *   cache. The browser's would answer a first read from a stale copy, and in `no-cache` mode
 *   would turn the server's 304 into a 200 of its copy, so "nothing new" would cost a parse. A
 *   request that carries If-None-Match is made `no-store` by the Fetch standard anyway; saying
 *   so keeps every read alike, and no copy of the user's feeds is left in the disk cache.
 * - `redirect: 'follow'`: feeds move (http → https, a new host); the final address is reported
 *   when its host changed, for the UI to offer updating the source.
 * - A deadline (20 s by default) covering the body as well: Chromium stops an extension's
 *   worker whose fetch is still waiting after 30 s.
 * - A body cap (5 MB by default), counted on the decoded bytes as they come: reading stops
 *   beyond it, so a huge or endless answer costs no more than the cap.
 */
import { originPattern } from './sources';
import { conditionalHeaders, retryAfterMs, type FetchResult, type Validators } from './poll';

/** The longest wait for a feed's answer and body. */
export const FETCH_TIMEOUT_MS = 20_000;
/** The largest feed body read. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
const MAX_DETAIL = 500;

/** What RSS, Atom and JSON Feed servers send, with XML and JSON of any label as fallbacks. */
const ACCEPT = [
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/rdf+xml;q=0.9',
  'application/xml;q=0.9',
  'text/xml;q=0.9',
  'application/json;q=0.8',
  '*/*;q=0.5',
].join(', ');

export interface FetchFeedDeps {
  fetch: typeof fetch;
  /** The clock, for a Retry-After given as a date. */
  now: () => number;
  /** Stops the read (the source was removed, the worker is closing): `{ kind: 'aborted' }`. */
  signal?: AbortSignal;
}

export interface FetchFeedOptions {
  timeoutMs?: number;
  maxBytes?: number;
}

/**
 * The body's bytes, or 'too-large' as soon as they pass `maxBytes` (the rest is not read).
 * Stops when `signal` aborts, even under a fetch that would not stop the body itself.
 */
async function readCapped(
  response: Response,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Uint8Array | 'too-large'> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return 'too-large';
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  // Cancelling the reader ends a pending read (done): the loop then sees the signal aborted.
  const stop = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  try {
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) throw signal.reason;
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return 'too-large';
      }
      chunks.push(value);
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return bytes;
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

/** Whether `final` is on another host than `requested` (a redirect moved the feed). */
function otherHost(requested: string, final: string): boolean {
  try {
    return new URL(final).host !== new URL(requested).host;
  } catch {
    return false;
  }
}

/**
 * Reads the feed at `url` once, asking only for a change since `validators` (the source's
 * last good read). Never throws: every outcome is a `FetchResult`. An address Vigie would not
 * ask a permission for (not https, nor http to this computer) is not fetched.
 */
export async function fetchFeed(
  url: string,
  validators: Validators,
  deps: FetchFeedDeps,
  options: FetchFeedOptions = {},
): Promise<FetchResult> {
  const { timeoutMs = FETCH_TIMEOUT_MS, maxBytes = MAX_FEED_BYTES } = options;
  if (originPattern(url) === null) return { kind: 'network', detail: 'not an https: address' };
  if (deps.signal?.aborted) return { kind: 'aborted' };

  // One controller for both the caller's signal and the deadline, so that the outcome says
  // which one stopped the read.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('The feed took too long to answer.', 'TimeoutError'));
  }, timeoutMs);
  const forward = () => controller.abort(deps.signal?.reason);
  deps.signal?.addEventListener('abort', forward, { once: true });
  const failed = (error: unknown): FetchResult => {
    if (deps.signal?.aborted) return { kind: 'aborted' };
    if (timedOut) return { kind: 'timeout' };
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: 'network', detail: detail.slice(0, MAX_DETAIL) };
  };

  try {
    const fetching = deps.fetch(url, {
      method: 'GET',
      headers: { Accept: ACCEPT, ...conditionalHeaders(validators) },
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      signal: controller.signal,
    });
    // The deadline holds even under a fetch that would not heed its signal; an answer that
    // comes after it is not read.
    const stopped = new Promise<never>((_resolve, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), {
        once: true,
      });
    });
    fetching.then(
      (late) => {
        if (controller.signal.aborted) void late.body?.cancel().catch(() => undefined);
      },
      () => undefined,
    );
    let response: Response;
    try {
      response = await Promise.race([fetching, stopped]);
    } catch (error) {
      return failed(error);
    }
    if (controller.signal.aborted) {
      await response.body?.cancel().catch(() => undefined);
      return failed(controller.signal.reason);
    }
    const { status, headers } = response;
    if (status === 304 || !(status >= 200 && status < 300)) {
      await response.body?.cancel().catch(() => undefined);
    }
    if (status === 304) {
      return {
        kind: 'not-modified',
        etag: headers.get('etag'),
        lastModified: headers.get('last-modified'),
      };
    }
    // A network error (status 0, type 'error') reaches here when a fake or a polyfill resolves it.
    if (status === 0) return { kind: 'network', detail: 'no answer' };
    if (status < 200 || status >= 300) {
      const retry =
        status === 429 || status === 503
          ? retryAfterMs(headers.get('retry-after'), deps.now())
          : undefined;
      return retry === undefined
        ? { kind: 'http', status }
        : { kind: 'http', status, retryAfterMs: retry };
    }
    let bytes: Uint8Array | 'too-large';
    try {
      bytes = await readCapped(response, maxBytes, controller.signal);
    } catch (error) {
      return failed(error);
    }
    if (bytes === 'too-large') return { kind: 'too-large' };
    const finalUrl = response.url || url;
    return {
      kind: 'ok',
      bytes,
      contentType: headers.get('content-type'),
      etag: headers.get('etag'),
      lastModified: headers.get('last-modified'),
      finalUrl,
      hostChanged: otherHost(url, finalUrl),
    };
  } finally {
    clearTimeout(timer);
    deps.signal?.removeEventListener('abort', forward);
  }
}
