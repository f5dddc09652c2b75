/**
 * An update of Vigie over a user's log: the log of the previous schema (3) is upgraded in place
 * by the real background in real Chromium (schema 4: the words leave the records for posting
 * lists), and every mention is still there, found by the same searches.
 */
import { join } from 'node:path';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/lib/extension.mjs';
import type { MentionPage, TimeCursor } from '../../src/core/messaging/protocol';
import { matchesWords, mentionWords, queryWords } from '../../src/core/model/search';
import type { Mention } from '../../src/core/model/types';
import { mention } from '../unit/helpers';
import { call, useVigie } from './fixtures/vigie';
import type * as Version3 from './lib/version-3';

const session = useVigie();

const WORDS = ['remboursement', 'arnaque', 'délai', 'chargeback', 'lawsuit', 'Ökonomie'];

/** Mentions over five months, with words to find in quotes, titles, notes, tags and sites. */
const mentions: Mention[] = Array.from({ length: 240 }, (_, i) => {
  const at = new Date(Date.UTC(2026, 5 + (i % 5), 1 + (i % 27), i % 24, i % 60)).toISOString();
  const quote = `Avis ${i} : ${WORDS[i % WORDS.length]} et ${WORDS[(i * 7) % WORDS.length]}.`;
  return mention({
    id: `m-${String(i).padStart(4, '0')}`,
    url: `https://site${i % 4}.example/post/${i}`,
    pageTitle: i % 3 === 0 ? 'Brasserie Lumen — avis' : 'Lumen Coffee reviews',
    site: `site${i % 4}.example`,
    lang: 'fr',
    quote,
    capturedAt: at,
    note: i % 10 === 0 ? 'Rappeler le client' : '',
    tags: i % 8 === 0 ? ['presse'] : [],
    tone: i % 2 === 0 ? 'negative' : 'neutral',
    triagedAt: i % 3 === 0 ? at : null,
  });
});

/** Every page of a search, as the crisis log's Load more reads them. */
async function searchAll(q: string): Promise<string[]> {
  const ids: string[] = [];
  let after: TimeCursor | null = null;
  do {
    const page: MentionPage = await call(session.vigie, 'listMentions', {
      scope: { in: 'all' },
      limit: 25,
      after,
      filter: { q },
    });
    ids.push(...page.items.map((m) => m.id));
    after = page.next;
  } while (after);
  return ids;
}

/** The search's answer worked out the plain way: matching mentions, newest first. */
function expected(q: string): string[] {
  const words = queryWords(q);
  return mentions
    .filter((m) => matchesWords(mentionWords(m), words))
    .sort((a, b) => (a.capturedAt === b.capturedAt ? 0 : a.capturedAt < b.capturedAt ? 1 : -1))
    .map((m) => m.id);
}

let bundle = '';
beforeAll(async () => {
  const built = await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      write: false,
      target: 'es2022',
      lib: { entry: join(root, 'test/e2e/lib/version-3.ts'), formats: ['iife'], name: 'V3' },
    },
  });
  bundle = (Array.isArray(built) ? built[0]! : (built as { output: { code: string }[] })).output[0]!
    .code;
});

describe('an update over a log of the previous schema', () => {
  it('upgrades it in place: every mention kept, found by the same words', async () => {
    const { ext } = session.vigie;
    await ext.evaluate(bundle);
    const version = await ext.evaluate(
      (list) => (globalThis as never as V3).V3.makeVersion3(list),
      mentions,
    );
    expect(version).toBe(3);

    // The background, its connection let go, opens the log again: the upgrade runs there.
    const counts = await call<{ mentions: number; inbox: number; untriaged: number }>(
      session.vigie,
      'getCounts',
      {},
    );
    expect(counts).toMatchObject({ mentions: 240, inbox: 240, untriaged: 160 });
    for (const q of [
      'rembourse',
      'arnaq',
      'delai',
      'okonomie',
      'brasserie lumen',
      'rappeler',
      'presse',
      'site2',
      'charg law',
    ]) {
      expect(await searchAll(q), q).toEqual(expected(q));
    }
    const filtered = await call<MentionPage>(session.vigie, 'listMentions', {
      scope: { in: 'all' },
      limit: 100,
      after: null,
      filter: { q: 'lawsuit', from: '2026-07-01T00:00:00.000Z', to: '2026-08-01T00:00:00.000Z' },
    });
    expect(filtered.items.map((m) => m.id)).toEqual(
      expected('lawsuit').filter((id) =>
        mentions.find((m) => m.id === id)!.capturedAt.startsWith('2026-07'),
      ),
    );
    // Read back exactly as they were written, as a backup reads them.
    const part = await call<{ records: Mention[] }>(session.vigie, 'backupPart', {
      store: 'mentions',
      after: null,
      limit: 1000,
    });
    expect(part.records).toEqual(mentions);

    expect(await ext.evaluate(() => (globalThis as never as V3).V3.describeLog())).toEqual({
      version: 8,
      stores: [
        'cell',
        'crises',
        'events',
        'feedSightings',
        'feedSources',
        'mentions',
        'meta',
        'outbox',
        'pageCopies',
        'postings',
        'settings',
      ],
      indexes: [
        'capturedAt',
        'crisisId',
        'dedupeKey',
        'inboxAt',
        'pageKey',
        'siteAt',
        'tags',
        'toneAt',
        'untriagedAt',
      ],
      withWords: 0,
      records: 240,
    });
  });
});

interface V3 {
  V3: typeof Version3;
}
