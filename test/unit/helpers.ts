/**
 * Builders shared by the unit tests: a fresh database per test and mentions with sane fields;
 * the search's lists and posting lists as they should be, worked out the plain way.
 */
import { expect } from 'vitest';
import { listMentions } from '../../src/core/db/mentions';
import { openVigieDB, type VigieDatabase } from '../../src/core/db/open';
import { isoOf, unpackIds } from '../../src/core/db/posting-pack';
import type { MentionFilter, MentionScope, TimeCursor } from '../../src/core/messaging/protocol';
import { newId } from '../../src/core/model/ids';
import { matchesWords, mentionWords, queryWords } from '../../src/core/model/search';
import type { Mention } from '../../src/core/model/types';

let counter = 0;

/** A new, empty database under a name no other test uses. */
export function freshDB() {
  counter += 1;
  return openVigieDB(`vigie-test-${counter}-${newId()}`);
}

/** A mention captured at `capturedAt`, overridable field by field. */
export function mention(overrides: Partial<Mention> = {}): Mention {
  const capturedAt = overrides.capturedAt ?? '2026-11-20T09:00:00.000Z';
  return {
    id: newId(),
    url: 'https://news.example/article',
    pageTitle: 'An article',
    site: 'news.example',
    lang: 'en',
    kind: 'selection',
    quote: 'Lumen Coffee is a scam',
    selectors: {
      quote: {
        type: 'TextQuoteSelector',
        exact: 'Lumen Coffee is a scam',
        prefix: 'said: ',
        suffix: '.',
      },
      position: { type: 'TextPositionSelector', start: 10, end: 32 },
    },
    linkUrl: null,
    srcUrl: null,
    capturedAt,
    captureLimit: null,
    evidence: { captureSha256: 'a'.repeat(64), pageCopy: null },
    note: '',
    tags: [],
    tone: 'negative',
    toneSource: 'auto',
    reach: 'medium',
    crisisId: null,
    triagedAt: null,
    updatedAt: capturedAt,
    ...overrides,
  };
}

/** The ISO time `minutes` after a fixed morning. */
export function at(minutes: number): string {
  return new Date(Date.parse('2026-11-20T09:00:00.000Z') + minutes * 60_000).toISOString();
}

type Lists = Record<string, [at: string, id: string][]>;

/**
 * The search's posting lists as stored (`got`, unpacked), and as the stored mentions call for them,
 * worked out the plain way (`want`): each word of each mention, by month, in time then id order.
 */
export async function postingLists(db: VigieDatabase): Promise<{ got: Lists; want: Lists }> {
  const tx = db.transaction(['mentions', 'postings']);
  const [mentions, keys, lists] = await Promise.all([
    tx.objectStore('mentions').getAll(),
    tx.objectStore('postings').getAllKeys(),
    tx.objectStore('postings').getAll(),
  ]);
  await tx.done;
  const got: Lists = {};
  keys.forEach((key, i) => {
    const { at, ids } = lists[i]!;
    got[key.join(' ')] = unpackIds(ids).map((id, j) => [isoOf(at[j]!), id]);
  });
  const want: Lists = {};
  for (const m of mentions) {
    for (const word of mentionWords(m)) {
      (want[`${word} ${m.capturedAt.slice(0, 7)}`] ??= []).push([m.capturedAt, m.id]);
    }
  }
  for (const list of Object.values(want)) {
    list.sort(([a, x], [b, y]) => (a < b || (a === b && x < y) ? -1 : 1));
  }
  return { got, want };
}

/** The list a filter should give, worked out the plain way, in the order it should come. */
export function expected(
  all: readonly Mention[],
  scope: MentionScope,
  filter: MentionFilter,
): string[] {
  const words = queryWords(filter.q ?? '');
  const hits = all.filter(
    (m) =>
      (scope.in === 'all' || m.crisisId === (scope.in === 'crisis' ? scope.crisisId : null)) &&
      (!filter.tone || m.tone === filter.tone) &&
      (!filter.site || m.site === filter.site) &&
      (!filter.tag || m.tags.includes(filter.tag)) &&
      (!filter.from || m.capturedAt >= filter.from) &&
      (!filter.to || m.capturedAt < filter.to) &&
      matchesWords(mentionWords(m), words),
  );
  // Time then id, as the indexes order them.
  hits.sort((a, b) =>
    a.capturedAt !== b.capturedAt ? (a.capturedAt < b.capturedAt ? -1 : 1) : a.id < b.id ? -1 : 1,
  );
  if (filter.sort !== 'oldest') hits.reverse();
  return hits.map((m) => m.id);
}

/** Every page of a list, in turn, as the crisis log's Load more reads them. */
export async function readAll(
  db: VigieDatabase,
  scope: MentionScope,
  filter: MentionFilter,
  limit: number,
) {
  const ids: string[] = [];
  const totals: (number | null)[] = [];
  let after: TimeCursor | null = null;
  for (let calls = 0; calls < 100; calls++) {
    const page = await listMentions(db, scope, limit, after, filter);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((m) => m.id));
    totals.push(page.total);
    after = page.next;
    if (!after) return { ids, totals };
  }
  throw new Error('the list never ended');
}
