/**
 * Feed watch in Firefox: its background page reads a feed served on 127.0.0.1 (a Windows-1252
 * Atom feed, to go through the charset path), a matching item becomes a sighting that the Feeds
 * screen lists, a second read sends the ETag back and takes a 304, and the feed's server is
 * all that Firefox reached for Vigie.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedSighting } from '../../src/core/feeds/records';
import type { FeedReadView } from '../../src/core/messaging/protocol';
import { call, route, until, useFirefox } from './fixtures/firefox';

const ATOM = Buffer.from(
  `<?xml version="1.0" encoding="windows-1252"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Café news</title>
<entry><id>tag:news,1</id><title>Lumen Coffee déçoit ses clients</title>
<link rel="alternate" href="https://news.example/lumen"/>
<updated>2026-12-03T10:00:00Z</updated>
<summary>Lumen Coffee est une arnaque, disent les clients déçus.</summary></entry>
</feed>`,
  'latin1',
);

const requests: IncomingHttpHeaders[] = [];
const server = createServer((req, res) => {
  requests.push(req.headers);
  if (req.headers['if-none-match'] === '"v1"') {
    res.writeHead(304, { ETag: '"v1"' });
    return res.end();
  }
  res.writeHead(200, { 'Content-Type': 'application/atom+xml', ETag: '"v1"' });
  res.end(ATOM);
});
let origin = '';

const ff = useFirefox({ allowed: () => (origin ? [origin] : []) });

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('feed watch in Firefox', () => {
  it('reads a feed, lists what names a watched term, and asks again with its ETag', async () => {
    await call(ff, 'updateSettings', {
      patch: { watchlist: [{ id: 'lumen', term: 'Lumen Coffee', aliases: [] }] },
    });
    const added = await call<FeedReadView>(ff, 'addFeed', {
      spec: { kind: 'url', url: `${origin}/feed.atom` },
    });
    expect(added).toMatchObject({ items: 1, sightings: 1, source: { poll: { lastError: null } } });
    const { items } = await call<{ items: FeedSighting[] }>(ff, 'listFeedSightings', {
      status: 'new',
      limit: 10,
    });
    expect(items.map((s) => [s.title, s.sentence, s.negative])).toEqual([
      [
        'Lumen Coffee déçoit ses clients',
        'Lumen Coffee est une arnaque, disent les clients déçus.',
        true,
      ],
    ]);

    await route(ff, '#feeds');
    await until(
      () =>
        ff.log.evaluate(() =>
          [...document.querySelectorAll('[data-testid="feed-sighting-title"]')].map(
            (a) => a.textContent,
          ),
        ),
      (titles) => titles.includes('Lumen Coffee déçoit ses clients'),
    );

    await call(ff, 'readFeed', { id: added.source.id });
    expect(requests.at(-1)?.['if-none-match']).toBe('"v1"');
    expect(requests.every((headers) => headers.cookie === undefined)).toBe(true);
    const sent = await ff.sent();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
    expect(ff.errors).toEqual([]);
  });
});
