/**
 * Feed watch, end to end: a feed served on 127.0.0.1 whose content changes between reads. Added
 * from the crisis log's Feeds screen (read at once), read again when its alarm fires: a new
 * negative item shows in the popup and is flagged in one click; the next read sends the
 * feed's ETag back and takes a 304; a 429's Retry-After is waited for; a feed gone bad keeps
 * what it gave and recovers; no cookie goes with any read, and the feed's server is all that
 * Vigie reached.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantedCopy } from '../../scripts/lib/extension.mjs';
import type { FeedSighting } from '../../src/core/feeds/records';
import type { FeedSourceView } from '../../src/core/messaging/protocol';
import { extensionRequests } from './fixtures/network';
import { ActionPopup } from './fixtures/popup';
import {
  allMentions,
  call,
  extensionUrl,
  launch,
  nextNotice,
  notices,
  shoot,
  until,
  type Vigie,
} from './fixtures/vigie';

interface Item {
  id: string;
  title: string;
  text: string;
}

const rss = (items: readonly Item[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Coffee news</title><link>https://news.example/</link>
${items
  .map(
    (i) => `<item><title>${i.title}</title><link>https://news.example/${i.id}?utm_source=rss</link>
<guid>${i.id}</guid><pubDate>Thu, 03 Dec 2026 10:00:00 +0100</pubDate>
<description>&lt;p&gt;${i.text}&lt;/p&gt;</description></item>`,
  )
  .join('\n')}
</channel></rss>`;

/** A feed server whose answer the test sets: the feed, a status, or broken bytes. */
async function startFeed() {
  const state = {
    items: [] as Item[],
    mode: 'ok' as 'ok' | '429' | 'broken',
    requests: [] as IncomingHttpHeaders[],
  };
  const server = createServer((req, res) => {
    state.requests.push(req.headers);
    if (state.mode === '429') {
      res.writeHead(429, { 'Retry-After': '120' });
      return res.end();
    }
    if (state.mode === 'broken') {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      return res.end('<rss><channel><item><title><![CDATA[cut in the mid');
    }
    const body = rss(state.items);
    const etag = `"${Buffer.from(body).toString('base64').slice(-16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ETag: etag });
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: etag });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    state,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let feed: Awaited<ReturnType<typeof startFeed>>;
let extension: string;
let vigie: Vigie & { profile: string };

beforeAll(async () => {
  feed = await startFeed();
  feed.state.items = [
    { id: 'a1', title: 'Lumen Coffee opens in Lyon', text: 'Lumen Coffee opens its third shop.' },
    { id: 'a2', title: 'Rain expected', text: 'Nothing about coffee here.' },
  ];
  extension = grantedCopy();
  vigie = await launch(extension, undefined, 'en-US', [feed.origin]);
  await call(vigie, 'updateSettings', {
    patch: { watchlist: [{ id: 'lumen', term: 'Lumen Coffee', aliases: ['Lumen'] }] },
  });
});

afterAll(async () => {
  await vigie?.close();
  // The feed's server, and it alone: what the browser sent out of itself for Vigie.
  const sent = extensionRequests(vigie.netLog, vigie.id);
  expect(sent.length).toBeGreaterThan(0);
  expect(sent.filter((url) => !url.startsWith(`${feed.origin}/`))).toEqual([]);
  rmSync(vigie.profile, { recursive: true, force: true });
  rmSync(extension, { recursive: true, force: true });
  await feed?.close();
});

const source = async () =>
  (await call<{ sources: FeedSourceView[] }>(vigie, 'listFeeds', {})).sources[0]!;
const sightings = async (status = 'new') =>
  (await call<{ items: FeedSighting[] }>(vigie, 'listFeedSightings', { status, limit: 50 })).items;

/** Fires the source's alarm as the browser would, and waits until the read is recorded. */
async function alarmFires(): Promise<FeedSourceView> {
  const before = feed.state.requests.length;
  const { id, poll } = await source();
  await vigie.worker.evaluate(
    (name) =>
      (chrome.alarms.onAlarm as unknown as { dispatch: (a: object) => void }).dispatch({
        name,
        scheduledTime: Date.now(),
      }),
    `feed:${id}`,
  );
  await until(
    () => Promise.resolve(feed.state.requests.length),
    (n) => n > before,
  );
  return until(source, (s) => s.poll.nextPollAt !== poll.nextPollAt);
}

describe('feed watch', () => {
  it('adds a feed from the Feeds screen, reads it at once and says what it found', async () => {
    const page = await vigie.context.newPage();
    await page.goto(extensionUrl(vigie, 'dashboard/index.html#feeds'));
    await page.waitForSelector('body[data-ready="true"]');
    const form = page.getByTestId('feed-add');
    await form.getByLabel('Kind of feed').selectOption('url');
    await form.getByLabel('Feed address').fill(`${feed.origin}/feed.xml`);
    await form.getByTestId('feed-add-button').click();
    await expect
      .poll(() => form.textContent())
      .toContain('Added: 2 items read, 1 naming your watched terms.');
    const row = page.getByTestId('feed-source');
    await expect
      .poll(() => row.getByTestId('feed-source-status').textContent())
      .toMatch(/^Last read .+ · 2 items seen · next read /);
    // What was in the feed before it was added is listed, without a notification.
    await expect
      .poll(() => page.getByTestId('feed-sighting-title').allTextContents())
      .toEqual(['Lumen Coffee opens in Lyon']);
    expect(await notices(vigie)).toEqual([]);
    await shoot(page, 'feeds');
    await page.close();
  });

  it('shows a new negative item in the popup when the alarm reads it, flagged in one click', async () => {
    const seen = (await notices(vigie)).length;
    feed.state.items = [
      {
        id: 'b1',
        title: 'Customers angry at Lumen Coffee',
        text: 'Lumen Coffee is a scam: they charged us twice and never refunded.',
      },
      ...feed.state.items,
    ];
    await alarmFires();
    const notice = await nextNotice(vigie, seen);
    expect(notice.title).toBe('1 new negative item in your feeds');

    const tab = await vigie.context.newPage();
    await tab.goto(`${feed.origin}/feed.xml`);
    const popup = await ActionPopup.open(vigie, tab);
    await until(
      () => popup.bodyText(),
      (text) => text.includes('Customers angry at Lumen Coffee'),
    );
    await popup.screenshot('popup-feeds');
    await popup.click('feed-sighting-flag');
    await until(
      () => popup.bodyText(),
      (text) => text.includes('Flagged: the item is in the inbox.'),
    );
    await popup.close();
    await tab.close();
    const [flagged] = await allMentions(vigie, { in: 'inbox' });
    expect(flagged).toMatchObject({
      url: 'https://news.example/b1?utm_source=rss',
      pageTitle: 'Customers angry at Lumen Coffee',
      quote: 'Lumen Coffee is a scam: they charged us twice and never refunded.',
    });
    expect((await sightings('flagged')).map((s) => s.mentionId)).toEqual([flagged!.id]);
  });

  it('sends the ETag back, takes a 304, and sends no cookie with any read', async () => {
    const before = (await source()).poll.itemsSeen;
    await alarmFires();
    const last = feed.state.requests.at(-1)!;
    expect(last['if-none-match']).toMatch(/^".+"$/);
    expect((await source()).poll).toMatchObject({ lastError: null, itemsSeen: before });
    expect(feed.state.requests.every((headers) => headers.cookie === undefined)).toBe(true);
  });

  it('waits as long as a 429 asks, and keeps a feed gone bad until it is good again', async () => {
    feed.state.mode = '429';
    let read = await alarmFires();
    expect(read.poll.lastError).toMatchObject({ code: 'rate-limited', status: 429 });
    const wait = Date.parse(read.poll.nextPollAt) - Date.now();
    expect(wait).toBeGreaterThan(100_000);

    feed.state.mode = 'broken';
    read = await alarmFires();
    expect(read.poll.lastError?.code).toBe('malformed');
    expect((await sightings()).map((s) => s.title)).toEqual(['Lumen Coffee opens in Lyon']);

    feed.state.mode = 'ok';
    feed.state.items = [
      { id: 'c1', title: 'Lumen Coffee wins an award', text: 'Lumen Coffee is lovely.' },
      ...feed.state.items,
    ];
    read = await alarmFires();
    expect(read.poll.lastError).toBeNull();
    expect((await sightings()).map((s) => s.title)).toEqual([
      'Lumen Coffee wins an award',
      'Lumen Coffee opens in Lyon',
    ]);
  });

  it('lets a sighting go from the Feeds screen and takes it back, and reads a feed now', async () => {
    const page = await vigie.context.newPage();
    await page.goto(extensionUrl(vigie, 'dashboard/index.html#feeds'));
    await page.waitForSelector('body[data-ready="true"]');
    const titles = () => page.getByTestId('feed-sighting-title').allTextContents();
    const lyon = page.getByTestId('feed-sighting').filter({ hasText: 'opens in Lyon' });
    await lyon.getByTestId('feed-sighting-dismiss').click();
    await page.getByText('Let go.', { exact: true }).waitFor();
    await expect.poll(titles).toEqual(['Lumen Coffee wins an award']);
    await page.getByTestId('feed-show-dismissed').click();
    await expect.poll(titles).toEqual(['Lumen Coffee opens in Lyon']);
    await page.getByTestId('feed-sighting-restore').click();
    await page.getByText('Back among the items to review.').waitFor();
    await page.getByTestId('feed-show-new').click();
    await expect.poll(titles).toEqual(['Lumen Coffee wins an award', 'Lumen Coffee opens in Lyon']);

    const asked = feed.state.requests.length;
    await page.getByTestId('feed-source-read').click();
    await expect.poll(() => feed.state.requests.length).toBeGreaterThan(asked);
    await page.close();
  });
});
