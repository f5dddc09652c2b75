import { describe, expect, it } from 'vitest';
import {
  afterPoll,
  conditionalHeaders,
  initialPollState,
  itemKey,
  newItems,
  parsedOutcome,
  periodMs,
  rememberKeys,
  retryAfterMs,
  type PollState,
} from '../../../../src/core/feeds/poll';
import type { FeedItem } from '../../../../src/core/feeds/types';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.parse('2026-03-02T08:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const middle = () => 0.5; // no jitter

const news = (n: number): FeedItem => ({
  guid: `tag:news.example,2026:${n}`,
  url: `https://news.example/${n}?utm_source=rss`,
  title: `Story ${n}`,
  text: '',
});
const parsed = (items: FeedItem[], etag: string | null = '"v1"') => ({
  kind: 'parsed' as const,
  items,
  etag,
  lastModified: 'Mon, 02 Mar 2026 07:55:00 GMT',
  movedTo: null,
});

/** A source read once, well, at T0. */
function readOnce(): PollState {
  return afterPoll(initialPollState(T0), parsed([news(1), news(2)]), T0, {}, middle).state;
}

describe('the period', () => {
  it('is 15 minutes unless set, never under a minute nor over a day', () => {
    expect(periodMs()).toBe(15 * MIN);
    expect(periodMs({ periodMin: 60 })).toBe(HOUR);
    expect(periodMs({ periodMin: 0.1 })).toBe(MIN);
    expect(periodMs({ periodMin: 10_000 })).toBe(24 * HOUR);
    expect(periodMs({ periodMin: Number.NaN })).toBe(15 * MIN);
  });
});

describe('a good read', () => {
  it('keeps the validators, the items seen, and sets the next read one period later', () => {
    const result = afterPoll(initialPollState(T0), parsed([news(1), news(2)]), T0, {}, middle);
    expect(result.fresh.map((i) => i.title)).toEqual(['Story 1', 'Story 2']);
    expect(result.baseline).toBe(true);
    expect(result.state).toMatchObject({
      nextPollAt: iso(T0 + 15 * MIN),
      lastSuccessAt: iso(T0),
      lastError: null,
      failures: 0,
      etag: '"v1"',
      lastModified: 'Mon, 02 Mar 2026 07:55:00 GMT',
      itemsSeen: 2,
    });
    expect(conditionalHeaders(result.state)).toEqual({
      'If-None-Match': '"v1"',
      'If-Modified-Since': 'Mon, 02 Mar 2026 07:55:00 GMT',
    });
  });

  it('gives only the items not seen before, and is no baseline any more', () => {
    const later = afterPoll(readOnce(), parsed([news(3), news(2), news(1)]), T0 + 15 * MIN);
    expect(later.fresh.map((i) => i.title)).toEqual(['Story 3']);
    expect(later.baseline).toBe(false);
    expect(later.state.itemsSeen).toBe(3);
  });

  it('drops validators the new answer does not send', () => {
    const state = afterPoll(readOnce(), { ...parsed([news(1)], null), lastModified: null }, T0);
    expect(conditionalHeaders(state.state)).toEqual({});
  });
});

describe('a 304', () => {
  it('is a success that keeps the items and validators, and gives nothing new', () => {
    const before = readOnce();
    const after = afterPoll(
      before,
      { kind: 'not-modified', etag: null, lastModified: null },
      T0 + 15 * MIN,
    );
    expect(after.fresh).toEqual([]);
    expect(after.state.seenKeys).toEqual(before.seenKeys);
    expect(after.state.etag).toBe('"v1"');
    expect(after.state.lastSuccessAt).toBe(iso(T0 + 15 * MIN));
    expect(after.state.nextPollAt).toBe(iso(T0 + 30 * MIN));
    // The items seen before the 304 are still not new after it.
    const next = afterPoll(after.state, parsed([news(2), news(1)]), T0 + 30 * MIN);
    expect(next.fresh).toEqual([]);
  });

  it('takes renewed validators when it sends them', () => {
    const after = afterPoll(
      readOnce(),
      { kind: 'not-modified', etag: '"v2"', lastModified: null },
      T0 + 15 * MIN,
    );
    expect(after.state.etag).toBe('"v2"');
    expect(after.state.lastModified).toBe('Mon, 02 Mar 2026 07:55:00 GMT');
  });
});

describe('a failed read', () => {
  it('backs off, doubling the wait at each failure up to a day, and keeps the last good state', () => {
    let state = readOnce();
    const waits: number[] = [];
    let now = T0;
    for (let i = 0; i < 9; i++) {
      now = Date.parse(state.nextPollAt);
      state = afterPoll(
        state,
        { kind: 'network', detail: 'Failed to fetch' },
        now,
        {},
        middle,
      ).state;
      waits.push((Date.parse(state.nextPollAt) - now) / MIN);
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 960, 1440, 1440, 1440]);
    expect(state).toMatchObject({
      failures: 9,
      lastError: { code: 'network', detail: 'Failed to fetch' },
      lastErrorAt: iso(now),
      lastSuccessAt: iso(T0),
      etag: '"v1"',
      itemsSeen: 2,
    });
    expect(state.seenKeys).toEqual(readOnce().seenKeys);
  });

  it('spreads the back-off by at most 10 % either way', () => {
    const wait = (r: number) =>
      Date.parse(afterPoll(readOnce(), { kind: 'timeout' }, T0, {}, () => r).state.nextPollAt) - T0;
    expect(wait(0)).toBe(27 * MIN);
    expect(wait(0.999_999)).toBeCloseTo(33 * MIN, -3);
  });

  it('names what went wrong for the UI to word', () => {
    const error = (outcome: Parameters<typeof afterPoll>[1]) =>
      afterPoll(readOnce(), outcome, T0).state.lastError;
    expect(error({ kind: 'http', status: 404 })).toEqual({ code: 'not-found', status: 404 });
    expect(error({ kind: 'http', status: 403 })).toEqual({ code: 'forbidden', status: 403 });
    expect(error({ kind: 'http', status: 502 })).toEqual({ code: 'server', status: 502 });
    expect(error({ kind: 'http', status: 418 })).toEqual({ code: 'http', status: 418 });
    expect(error({ kind: 'too-large' })).toEqual({ code: 'too-large' });
    expect(error({ kind: 'unreadable', failure: 'not-a-feed', detail: 'an HTML page' })).toEqual({
      code: 'not-a-feed',
      detail: 'an HTML page',
    });
  });

  it('waits a day for a feed that is gone', () => {
    const state = afterPoll(readOnce(), { kind: 'http', status: 410 }, T0, {}, middle).state;
    expect(state.nextPollAt).toBe(iso(T0 + 24 * HOUR));
    expect(state.lastError).toEqual({ code: 'gone', status: 410 });
  });

  it('recovers once the feed answers again: failures and error forgotten, items kept', () => {
    let state = readOnce();
    state = afterPoll(state, { kind: 'http', status: 503 }, T0 + HOUR).state;
    state = afterPoll(state, { kind: 'unreadable', failure: 'malformed' }, T0 + 2 * HOUR).state;
    const back = afterPoll(state, parsed([news(3), news(2), news(1)]), T0 + 3 * HOUR, {}, middle);
    expect(back.fresh.map((i) => i.title)).toEqual(['Story 3']);
    expect(back.baseline).toBe(false);
    expect(back.state).toMatchObject({
      failures: 0,
      lastError: null,
      lastErrorAt: iso(T0 + 2 * HOUR),
      lastSuccessAt: iso(T0 + 3 * HOUR),
      nextPollAt: iso(T0 + 3 * HOUR + 15 * MIN),
    });
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('120', T0)).toBe(120_000);
    expect(retryAfterMs('Mon, 02 Mar 2026 10:00:00 GMT', T0)).toBe(2 * HOUR);
    expect(retryAfterMs('Mon, 02 Mar 2026 07:00:00 GMT', T0)).toBe(0);
    expect(retryAfterMs('soon', T0)).toBeUndefined();
    expect(retryAfterMs(null, T0)).toBeUndefined();
  });

  it('is waited for when longer than the back-off, up to a day', () => {
    const wait = (retry: number) =>
      Date.parse(
        afterPoll(readOnce(), { kind: 'http', status: 429, retryAfterMs: retry }, T0, {}, middle)
          .state.nextPollAt,
      ) - T0;
    expect(wait(3 * HOUR)).toBe(3 * HOUR);
    expect(wait(5 * MIN)).toBe(30 * MIN);
    expect(wait(7 * 24 * HOUR)).toBe(24 * HOUR);
    expect(afterPoll(readOnce(), { kind: 'http', status: 429 }, T0).state.lastError).toEqual({
      code: 'rate-limited',
      status: 429,
    });
  });
});

describe('items seen', () => {
  it('are known by guid, else by address without trackers, else by title and text', () => {
    expect(itemKey(news(1))).toBe('g:tag:news.example,2026:1');
    expect(
      itemKey({ url: 'https://news.example/1?utm_source=rss&utm_medium=x', title: 'a', text: '' }),
    ).toBe(itemKey({ url: 'https://news.example/1', title: 'b', text: '' }));
    const toot = { url: '', title: '', text: 'ACME again.' };
    expect(itemKey(toot)).toBe(itemKey({ ...toot }));
    expect(itemKey(toot)).not.toBe(itemKey({ ...toot, text: 'ACME once more.' }));
    expect(itemKey({ guid: 'x'.repeat(5_000), url: '', title: '', text: '' }).length).toBeLessThan(
      40,
    );
  });

  it('are new once, even when a feed lists one twice', () => {
    expect(newItems([news(1), news(1), news(2)], [itemKey(news(2))])).toEqual([news(1)]);
  });

  it('keep the newest 1,000 keys, and always those of the feed as read', () => {
    const old = Array.from({ length: 1_000 }, (_, i) => `g:old-${i}`);
    const kept = rememberKeys(old, [news(1), news(2)]);
    expect(kept).toHaveLength(1_000);
    expect(kept[0]).toBe('g:old-2');
    expect(kept.slice(-2)).toEqual([itemKey(news(2)), itemKey(news(1))]);
    const big = Array.from({ length: 1_500 }, (_, i) => news(i));
    expect(rememberKeys(old, big)).toHaveLength(1_500);
    expect(newItems(big, rememberKeys(old, big))).toEqual([]);
  });
});

describe('a parse result', () => {
  const fetched = {
    kind: 'ok' as const,
    bytes: new Uint8Array(),
    contentType: 'application/rss+xml',
    etag: '"v9"',
    lastModified: null,
    finalUrl: 'https://feeds.example.net/acme.xml',
    hostChanged: true,
  };

  it('carries the fetch’s validators and the new host', () => {
    const feed = { format: 'rss' as const, title: 'ACME', items: [news(1)] };
    expect(parsedOutcome(fetched, { ok: true, feed })).toEqual({
      kind: 'parsed',
      items: [news(1)],
      etag: '"v9"',
      lastModified: null,
      movedTo: 'https://feeds.example.net/acme.xml',
    });
    const state = afterPoll(readOnce(), parsedOutcome(fetched, { ok: true, feed }), T0).state;
    expect(state.movedTo).toBe('https://feeds.example.net/acme.xml');
  });

  it('fails as unreadable, keeping the old validators', () => {
    const outcome = parsedOutcome(fetched, { ok: false, failure: 'not-a-feed' });
    expect(outcome).toEqual({ kind: 'unreadable', failure: 'not-a-feed' });
    expect(afterPoll(readOnce(), outcome, T0).state.etag).toBe('"v1"');
  });
});
