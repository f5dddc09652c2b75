/**
 * Feed watch in the background, over a real (in-memory) database and a fake network: a feed's
 * matching items become sightings, one per story however many feeds tell it; only new negative
 * items are notified, once; what was in a feed before it was added is listed, not notified;
 * a failed read keeps what the last good one gave and sets the next read later.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedSource } from '../../../src/core/feeds/records';
import { freshDB } from '../helpers';

const local = new Map<string, unknown>();
const alarms = new Map<string, { name: string; scheduledTime: number }>();
const shown: { title: string; message: string }[] = [];
const removed: string[] = [];

vi.mock('../../../src/core/browser', async () => {
  const { fakeBrowser, storageArea } = await import('../fake-browser');
  const base = fakeBrowser({}).browser;
  return {
    browser: {
      ...base,
      runtime: { ...base.runtime, getURL: (path: string) => `chrome-extension://x/${path}` },
      storage: { local: storageArea(local, { bytes: Infinity }) },
      alarms: {
        async create(name: string, info: { when: number }) {
          alarms.set(name, { name, scheduledTime: info.when });
        },
        get: async (name: string) => alarms.get(name),
        getAll: async () => [...alarms.values()],
        clear: async (name: string) => alarms.delete(name),
      },
      permissions: {
        contains: async () => true,
        remove: async (asked: { origins: string[] }) => {
          removed.push(...asked.origins);
          return true;
        },
      },
      notifications: {
        async create(_id: string, options: { title: string; message: string }) {
          shown.push({ title: options.title, message: options.message });
          return _id;
        },
      },
    },
  };
});

const { readSource, scheduleFeeds } = await import('../../../src/background/feeds');
const { putSource, listSightings } = await import('../../../src/core/db/feeds');
const { initialPollState } = await import('../../../src/core/feeds/poll');
const { updateSettings } = await import('../../../src/core/db/settings');
const { createFeedCalls } = await import('../../../src/background/calls/feeds');

const item = (id: string, title: string, text: string, host = 'news.example') =>
  `<item><title>${title}</title><link>https://${host}/${id}?utm_source=rss</link><guid>${id}</guid><description>${text}</description></item>`;
const rss = (...items: string[]) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${items.join('')}</channel></rss>`;

let now = Date.parse('2026-12-04T10:00:00.000Z');
const deps = (db: Awaited<ReturnType<typeof freshDB>>) => ({ db, now: () => new Date(now) });

/** The Feeds screen's calls over `db`, as the background makes them. */
const feedCalls = (db: Awaited<ReturnType<typeof freshDB>>) =>
  createFeedCalls({
    ...deps(db),
    labels: { untitledCrisis: 'Untitled' },
    changed: vi.fn(),
    notifyFlagged: vi.fn(async () => undefined),
  });

/** A fetch that answers `body` with `status`, and records what it was asked. */
function answering(body: () => string, status = () => 200) {
  const asked: RequestInit[] = [];
  const impl = (async (_url: RequestInfo | URL, init?: RequestInit) => {
    asked.push(init ?? {});
    const code = status();
    return new Response(code === 200 ? body() : null, {
      status: code,
      headers: code === 429 ? { 'Retry-After': '600' } : { 'Content-Type': 'application/rss+xml' },
    });
  }) as typeof fetch;
  return { impl, asked };
}

async function source(db: Awaited<ReturnType<typeof freshDB>>, id: string): Promise<FeedSource> {
  const s: FeedSource = {
    id,
    spec: { kind: 'url', url: `https://${id}.example/feed` },
    url: `https://${id}.example/feed`,
    label: id,
    addedAt: new Date(now).toISOString(),
    periodMin: 15,
    poll: initialPollState(now),
  };
  await putSource(db, s);
  return s;
}

beforeEach(() => {
  local.clear();
  alarms.clear();
  shown.length = 0;
  removed.length = 0;
  now = Date.parse('2026-12-04T10:00:00.000Z');
});

describe('feed watch in the background', () => {
  it('lists what a new feed already had, then notifies a new negative item once', async () => {
    const db = await freshDB();
    await updateSettings(db, { watchlist: [{ id: 'l', term: 'Lumen Coffee', aliases: [] }] });
    await source(db, 'one');
    let items = [item('a', 'Lumen Coffee opens a shop', 'A new shop.')];
    const feed = answering(() => rss(...items));
    const first = await readSource(deps(db), 'one', feed.impl);
    expect(first?.sightings.map((s) => [s.title, s.baseline])).toEqual([
      ['Lumen Coffee opens a shop', true],
    ]);
    expect(shown).toEqual([]);
    // Its next read is set, on the source's own alarm.
    expect(alarms.get('feed:one')?.scheduledTime).toBe(now + 15 * 60_000);

    now += 15 * 60_000;
    items = [item('b', 'Angry customers', 'Lumen Coffee is a scam and a disgrace.'), ...items];
    const second = await readSource(deps(db), 'one', feed.impl);
    expect(second?.sightings.map((s) => [s.sentence, s.negative])).toEqual([
      ['Lumen Coffee is a scam and a disgrace.', true],
    ]);
    expect(shown.map((n) => n.title)).toEqual(['1 new negative item in your feeds']);
    // Read again, nothing is new: nothing more is said.
    now += 15 * 60_000;
    await readSource(deps(db), 'one', feed.impl);
    expect(shown).toHaveLength(1);
    expect(feed.asked.every((init) => init.credentials === 'omit')).toBe(true);
  });

  it('makes one story of the same article told by two feeds', async () => {
    const db = await freshDB();
    await updateSettings(db, { watchlist: [{ id: 'l', term: 'Lumen', aliases: [] }] });
    await source(db, 'one');
    await source(db, 'two');
    const story = item('s1', 'Lumen recalls its beans', 'Lumen recalls its beans today.');
    await readSource(deps(db), 'one', answering(() => rss(story)).impl);
    await readSource(deps(db), 'two', answering(() => rss(story)).impl);
    const [only, ...more] = await listSightings(db, 'new', 10);
    expect(more).toEqual([]);
    expect(only?.sources).toEqual(['one', 'two']);
  });

  it('keeps what a feed gave when a read fails, and reads it later', async () => {
    const db = await freshDB();
    await updateSettings(db, { watchlist: [{ id: 'l', term: 'Lumen', aliases: [] }] });
    await source(db, 'one');
    let status = 200;
    const feed = answering(
      () => rss(item('a', 'Lumen news', 'Lumen says hello.')),
      () => status,
    );
    await readSource(deps(db), 'one', feed.impl);
    status = 429;
    now += 15 * 60_000;
    const failed = await readSource(deps(db), 'one', feed.impl);
    expect(failed?.source.poll.lastError).toMatchObject({ code: 'rate-limited', status: 429 });
    expect(Date.parse(failed!.source.poll.nextPollAt) - now).toBeGreaterThanOrEqual(600_000);
    expect((await listSightings(db, 'new', 10)).map((s) => s.title)).toEqual(['Lumen news']);
  });

  it('gives each source its alarm at start, and takes away those of removed sources', async () => {
    const db = await freshDB();
    await source(db, 'one');
    alarms.set('feed:gone', { name: 'feed:gone', scheduledTime: now });
    await scheduleFeeds(db, now);
    expect([...alarms.keys()]).toEqual(['feed:one']);
    expect(alarms.get('feed:one')!.scheduledTime).toBeGreaterThan(now);
  });

  it('stores a source’s known fields only, and refuses a kind it does not know', async () => {
    const db = await freshDB();
    const calls = feedCalls(db);
    // Nothing listens there: the first read fails at once, and says so.
    const spec = { kind: 'url', url: 'http://127.0.0.1:9/feed.xml', extra: 'x'.repeat(10) };
    const added = await calls.addFeed({ spec: spec as never }, null);
    expect(added.source.spec).toEqual({ kind: 'url', url: 'http://127.0.0.1:9/feed.xml' });
    expect(added.source.poll.lastError?.code).toBe('network');
    await expect(calls.addFeed({ spec: { kind: 'gopher' } as never }, null)).rejects.toThrow(
      'not a kind of source',
    );
  });

  it('gives a feed’s site back on removal, unless the team cell’s server is on it', async () => {
    const db = await freshDB();
    const calls = feedCalls(db);
    const add = (url: string) => calls.addFeed({ spec: { kind: 'url', url } }, null);
    const alone = await add('https://feeds.example/a.xml');
    await calls.removeFeed({ id: alone.source.id }, null);
    expect(removed).toEqual(['https://feeds.example/*']);

    // The cell reads from the same host, on a port of its own: its access stays.
    local.set('cellTarget', {
      server: 'http://127.0.0.1:5984',
      db: 'cell',
      user: 'alice',
      password: 'pw',
    });
    const beside = await add('http://127.0.0.1:9/feed.xml');
    await calls.removeFeed({ id: beside.source.id }, null);
    expect(removed).toEqual(['https://feeds.example/*']);
  });
});
