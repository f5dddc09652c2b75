import { describe, expect, it } from 'vitest';
import { fetchFeed, type FetchFeedDeps } from '../../../../src/core/feeds/fetch-feed';
import { initialPollState } from '../../../../src/core/feeds/poll';

const FEED = 'https://news.google.com/rss/search?q=ACME&hl=fr&gl=FR&ceid=FR:fr';
const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>ACME</title></channel></rss>';
const T0 = Date.parse('2026-03-02T08:00:00Z');
const fresh = { etag: null, lastModified: null };

/** A fake fetch that records its calls and answers with `answer(url, init)`. */
function fakeFetch(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = ((input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return Promise.resolve().then(() => answer(String(input), init));
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const deps = (fetch: typeof globalThis.fetch, signal?: AbortSignal): FetchFeedDeps =>
  signal ? { fetch, now: () => T0, signal } : { fetch, now: () => T0 };

/** A response as fetch gives it after redirects: its `url` is the final address. */
function redirected(response: Response, url: string): Response {
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

/** A fetch that, like the browser's, rejects with the signal's reason when it aborts. */
const hangingFetch = (_url: string, init: RequestInit) =>
  new Promise<Response>((_resolve, reject) => {
    if (init.signal?.aborted) reject(init.signal.reason);
    init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
  });

describe('fetching a feed', () => {
  it('gets its bytes, type and validators, with no cookie and no browser cache', async () => {
    const { fetch, calls } = fakeFetch(
      () =>
        new Response(RSS, {
          headers: {
            'Content-Type': 'application/rss+xml; charset=UTF-8',
            ETag: '"abc"',
            'Last-Modified': 'Mon, 02 Mar 2026 07:55:00 GMT',
          },
        }),
    );
    const result = await fetchFeed(FEED, fresh, deps(fetch));
    expect(result).toMatchObject({
      kind: 'ok',
      contentType: 'application/rss+xml; charset=UTF-8',
      etag: '"abc"',
      lastModified: 'Mon, 02 Mar 2026 07:55:00 GMT',
      finalUrl: FEED,
      hostChanged: false,
    });
    expect(result.kind === 'ok' && new TextDecoder().decode(result.bytes)).toBe(RSS);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.init).toMatchObject({
      method: 'GET',
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
    });
    expect(calls[0]!.init.headers).not.toHaveProperty('If-None-Match');
  });

  it('asks only for a change, and hears a 304 as nothing new', async () => {
    const { fetch, calls } = fakeFetch(
      () => new Response(null, { status: 304, headers: { ETag: '"abc"' } }),
    );
    const state = { ...initialPollState(T0), etag: '"abc"', lastModified: 'Mon, 02 Mar 2026' };
    expect(await fetchFeed(FEED, state, deps(fetch))).toEqual({
      kind: 'not-modified',
      etag: '"abc"',
      lastModified: null,
    });
    expect(calls[0]!.init.headers).toMatchObject({
      'If-None-Match': '"abc"',
      'If-Modified-Since': 'Mon, 02 Mar 2026',
    });
  });

  it('says where the feed went when a redirect changed its host', async () => {
    const moved = 'https://feeds.example.net/acme.xml';
    const { fetch } = fakeFetch(() => redirected(new Response(RSS), moved));
    expect(await fetchFeed('https://example.org/rss', fresh, deps(fetch))).toMatchObject({
      kind: 'ok',
      finalUrl: moved,
      hostChanged: true,
    });
    const { fetch: sameHost } = fakeFetch(() =>
      redirected(new Response(RSS), 'https://example.org/feed/'),
    );
    expect(await fetchFeed('https://example.org/rss', fresh, deps(sameHost))).toMatchObject({
      hostChanged: false,
    });
  });

  it('gives a 429’s Retry-After, as seconds or as a date', async () => {
    const { fetch } = fakeFetch(
      () => new Response('slow down', { status: 429, headers: { 'Retry-After': '3600' } }),
    );
    expect(await fetchFeed(FEED, fresh, deps(fetch))).toEqual({
      kind: 'http',
      status: 429,
      retryAfterMs: 3_600_000,
    });
    const { fetch: dated } = fakeFetch(
      () =>
        new Response('', {
          status: 503,
          headers: { 'Retry-After': 'Mon, 02 Mar 2026 08:30:00 GMT' },
        }),
    );
    expect(await fetchFeed(FEED, fresh, deps(dated))).toEqual({
      kind: 'http',
      status: 503,
      retryAfterMs: 30 * 60_000,
    });
  });

  it('reports other statuses as they are', async () => {
    const { fetch } = fakeFetch(() => new Response('Forbidden', { status: 403 }));
    expect(await fetchFeed('https://www.reddit.com/r/france/new/.rss', fresh, deps(fetch))).toEqual(
      { kind: 'http', status: 403 },
    );
  });

  it('reports a network failure, and never throws', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(await fetchFeed(FEED, fresh, deps(fetch))).toEqual({
      kind: 'network',
      detail: 'Failed to fetch',
    });
    const { fetch: error } = fakeFetch(() => Response.error());
    expect(await fetchFeed(FEED, fresh, deps(error))).toEqual({
      kind: 'network',
      detail: 'no answer',
    });
  });

  it('fetches nothing but https, or http on this computer', async () => {
    const { fetch, calls } = fakeFetch(() => new Response(RSS));
    expect(await fetchFeed('http://example.org/rss', fresh, deps(fetch))).toMatchObject({
      kind: 'network',
    });
    expect(calls).toEqual([]);
    expect(await fetchFeed('http://127.0.0.1:8123/rss', fresh, deps(fetch))).toMatchObject({
      kind: 'ok',
    });
  });
});

describe('a feed too large', () => {
  it('is refused from its Content-Length without reading it', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const { fetch } = fakeFetch(
      () => new Response(body, { headers: { 'Content-Length': String(6 * 1024 * 1024) } }),
    );
    expect(await fetchFeed(FEED, fresh, deps(fetch))).toEqual({ kind: 'too-large' });
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('stops being read just past the cap when it does not say its length', async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(256 * 1024));
      },
      cancel() {
        cancelled = true;
      },
    });
    const { fetch } = fakeFetch(() => new Response(endless));
    expect(await fetchFeed(FEED, fresh, deps(fetch))).toEqual({ kind: 'too-large' });
    expect(cancelled).toBe(true);
    // 5 MB in 256 kB chunks is 20; the stream may have one or two queued ahead.
    expect(pulled).toBeLessThanOrEqual(23);
  });

  it('is read whole up to the cap, which the caller may set', async () => {
    const { fetch } = fakeFetch(() => new Response(new Uint8Array(1_000)));
    expect(await fetchFeed(FEED, fresh, deps(fetch), { maxBytes: 1_000 })).toMatchObject({
      kind: 'ok',
    });
    expect(await fetchFeed(FEED, fresh, deps(fetch), { maxBytes: 999 })).toEqual({
      kind: 'too-large',
    });
  });
});

describe('a feed too slow', () => {
  it('times out when no answer comes', async () => {
    const { fetch } = fakeFetch(hangingFetch);
    expect(await fetchFeed(FEED, fresh, deps(fetch), { timeoutMs: 30 })).toEqual({
      kind: 'timeout',
    });
  });

  it('times out when its body stops coming, even if fetch would wait', async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('<rss>'));
      },
      pull: () => new Promise(() => undefined),
    });
    const { fetch } = fakeFetch(() => new Response(stalled));
    expect(await fetchFeed(FEED, fresh, deps(fetch), { timeoutMs: 30 })).toEqual({
      kind: 'timeout',
    });
  });

  it('times out under a fetch that would not heed its signal', async () => {
    const { fetch } = fakeFetch(() => new Promise<Response>(() => undefined));
    expect(await fetchFeed(FEED, fresh, deps(fetch), { timeoutMs: 30 })).toEqual({
      kind: 'timeout',
    });
  });

  it('is aborted, not failed, when the caller stops it', async () => {
    const { fetch } = fakeFetch(hangingFetch);
    const stop = new AbortController();
    const pending = fetchFeed(FEED, fresh, deps(fetch, stop.signal), { timeoutMs: 5_000 });
    stop.abort();
    expect(await pending).toEqual({ kind: 'aborted' });
    expect(await fetchFeed(FEED, fresh, deps(fetch, stop.signal))).toEqual({ kind: 'aborted' });
  });
});
