import { describe, expect, it } from 'vitest';
import { listCrises, moveMentions, saveCrisis } from '../../../../src/core/db/crises';
import { MAX_SCAN } from '../../../../src/core/db/mention-page-reads';
import { MAX_CANDIDATES } from '../../../../src/core/db/mention-query';
import {
  addMention,
  deleteMentions,
  getMention,
  listMentions,
  putMentions,
  restoreMentions,
  tagMentions,
  updateMention,
} from '../../../../src/core/db/mentions';
import type { VigieDatabase } from '../../../../src/core/db/open';
import type {
  CrisisFilter,
  MentionFilter,
  MentionScope,
  TimeCursor,
} from '../../../../src/core/messaging/protocol';
import { moveToStep, newCrisis } from '../../../../src/core/model/crisis';
import { applyMentionPatch } from '../../../../src/core/model/mention';
import { wordsOf } from '../../../../src/core/model/search';
import { TONES, type Crisis, type Mention } from '../../../../src/core/model/types';
import { at, expected, freshDB, mention, postingLists, readAll } from '../../helpers';

const SITES = ['avis.example', 'blog.example', 'club.example'];
const QUOTES = [
  'They refused my refund, twice',
  'Le prix est très élevé pour ce café',
  'Remboursé après trois semaines',
  'Great coffee, friendly staff',
  'Refunded at last, but the price is high',
  'Service déplorable et personne ne répond',
];

/** Mentions of every kind: three sites, three tones, tags, two crises, times that tie. */
function sample(count: number): Mention[] {
  return Array.from({ length: count }, (_, i) =>
    mention({
      id: `m-${String(i).padStart(3, '0')}`,
      url: `https://${SITES[i % 3]}/post/${i}`,
      site: SITES[i % 3]!,
      pageTitle: i % 4 === 0 ? 'Avis : Brasserie Lumen' : 'Lumen Coffee reviews',
      quote: QUOTES[i % QUOTES.length]!,
      note: i % 5 === 0 ? 'Rappeler le client' : '',
      tags: [...(i % 5 === 0 ? ['press'] : []), ...(i % 7 === 0 ? ['refund', 'VIP'] : [])],
      tone: TONES[Math.floor(i / 2) % 3]!,
      crisisId: i % 6 === 0 ? 'c1' : i % 6 === 1 ? 'c2' : null,
      capturedAt: at(i % 37),
    }),
  );
}

const search = async (db: VigieDatabase, q: string, scope: MentionScope = { in: 'all' }) =>
  (await listMentions(db, scope, 50, null, { q })).items.map((m) => m.id);

describe('searching and filtering mentions', () => {
  it('finds words whatever their case and accents, by their beginning, all of them', async () => {
    const db = await freshDB();
    const all = sample(12);
    await putMentions(db, all);
    const ids = (...n: number[]) =>
      n
        .map((i) => all[i]!.id)
        .sort()
        .reverse();
    const sorted = (list: string[]) => [...list].sort().reverse();

    expect(sorted(await search(db, 'refun'))).toEqual(ids(0, 4, 6, 7, 10));
    expect(sorted(await search(db, 'eleve'))).toEqual(ids(1, 7));
    expect(sorted(await search(db, 'ÉLEVÉ CAFÉ'))).toEqual(ids(1, 7));
    expect(sorted(await search(db, 'rembourse'))).toEqual(ids(2, 8));
    expect(sorted(await search(db, 'refund price'))).toEqual(ids(4, 10));
    expect(sorted(await search(db, 'brasserie'))).toEqual(ids(0, 4, 8));
    expect(sorted(await search(db, 'rappeler'))).toEqual(ids(0, 5, 10));
    expect(sorted(await search(db, 'vip'))).toEqual(ids(0, 7));
    expect(sorted(await search(db, 'club.exam'))).toEqual(ids(2, 5, 8, 11));
    expect(await search(db, 'fund')).toEqual([]);
    expect(await search(db, 'refund zebra')).toEqual([]);
  });

  it('gives each filter, alone or combined, page after page, without a repeat or a gap', async () => {
    const db = await freshDB();
    const all = sample(90);
    await putMentions(db, all);
    const cases: [MentionScope, MentionFilter][] = [
      [{ in: 'all' }, {}],
      [{ in: 'all' }, { sort: 'oldest' }],
      [{ in: 'all' }, { q: 'refun' }],
      [{ in: 'all' }, { q: 'lumen', sort: 'oldest' }],
      [{ in: 'all' }, { q: 'refund price' }],
      [{ in: 'all' }, { tone: 'negative' }],
      [{ in: 'all' }, { site: 'blog.example' }],
      [{ in: 'all' }, { tag: 'press' }],
      [{ in: 'all' }, { tone: 'negative', site: 'blog.example' }],
      [{ in: 'all' }, { q: 'lumen', site: 'avis.example', sort: 'oldest' }],
      [{ in: 'all' }, { from: at(10), to: at(20) }],
      [{ in: 'all' }, { q: 'rembourse', from: at(5), sort: 'oldest' }],
      [{ in: 'all' }, { tag: 'refund', tone: 'positive' }],
      [{ in: 'all' }, { q: 'l', tone: 'neutral' }],
      [{ in: 'inbox' }, {}],
      [{ in: 'inbox' }, { q: 'lumen', to: at(30) }],
      [{ in: 'inbox' }, { site: 'club.example', sort: 'oldest' }],
      [{ in: 'crisis', crisisId: 'c1' }, { q: 'rappeler' }],
      [
        { in: 'crisis', crisisId: 'c2' },
        { tone: 'positive', from: at(3) },
      ],
      [{ in: 'crisis', crisisId: 'c2' }, { tag: 'press' }],
      [{ in: 'all' }, { from: at(20), to: at(20) }],
    ];
    for (const [scope, filter] of cases) {
      const want = expected(all, scope, filter);
      const got = await readAll(db, scope, filter, 7);
      expect(got.ids, JSON.stringify([scope, filter])).toEqual(want);
      for (const total of got.totals) expect([null, want.length]).toContain(total);
    }
  });

  it('counts the whole list when an index answers the filter alone or candidates are few', async () => {
    const db = await freshDB();
    const all = sample(60);
    await putMentions(db, all);
    const total = async (scope: MentionScope, filter: MentionFilter) =>
      (await listMentions(db, scope, 5, null, filter)).total;
    expect(await total({ in: 'all' }, {})).toBe(60);
    expect(await total({ in: 'all' }, { site: 'blog.example', from: at(10) })).toBe(
      expected(all, { in: 'all' }, { site: 'blog.example', from: at(10) }).length,
    );
    expect(await total({ in: 'crisis', crisisId: 'c1' }, {})).toBe(10);
    // The mentions of one word, all of them matching, are counted by key.
    expect(await total({ in: 'all' }, { q: 'refund' })).toBe(
      expected(all, { in: 'all' }, { q: 'refund' }).length,
    );
    // Two words: each candidate has to be read to know.
    expect(await total({ in: 'all' }, { q: 'refund price' })).toBeNull();
    expect((await listMentions(db, { in: 'all' }, 50, null, { q: 'refund price' })).total).toBe(
      expected(all, { in: 'all' }, { q: 'refund price' }).length,
    );
    // A tone read through its index, a site still to check on each: not counted.
    expect(await total({ in: 'all' }, { tone: 'negative', site: 'blog.example' })).toBeNull();
  });

  it('reads word searches across months, page after page, in and out of date windows', async () => {
    const db = await freshDB();
    // Captured over five months, three a day apart and some at the same instant.
    const month = (i: number) => `2026-0${4 + (i % 5)}-${String(1 + (i % 27)).padStart(2, '0')}`;
    const all = sample(90).map((m, i) => ({
      ...m,
      capturedAt: `${month(i)}T0${i % 3}:00:00.000Z`,
    }));
    await putMentions(db, all);
    const { got, want } = await postingLists(db);
    expect(got).toEqual(want);
    const cases: [MentionScope, MentionFilter][] = [
      [{ in: 'all' }, { q: 'brasserie' }],
      [{ in: 'all' }, { q: 'brasserie', sort: 'oldest' }],
      [{ in: 'all' }, { q: 'lumen' }],
      [
        { in: 'all' },
        { q: 'lumen', from: '2026-05-10T00:00:00.000Z', to: '2026-07-02T00:00:00.000Z' },
      ],
      [{ in: 'all' }, { q: 'lumen', from: '2026-06-01T00:00:00.000Z', sort: 'oldest' }],
      [{ in: 'all' }, { q: 'lumen', to: '2026-06-01T00:00:00.000Z' }],
      [{ in: 'all' }, { q: 'refun', from: '2026-05-31T23:00:00.000Z' }],
      [{ in: 'all' }, { q: 'rappeler', tone: 'negative' }],
      [{ in: 'inbox' }, { q: 'coffee reviews', sort: 'oldest' }],
      [{ in: 'all' }, { tag: 'press', to: '2026-08-01T00:00:00.000Z' }],
      [{ in: 'all' }, { q: 'lumen', from: '2026-09-01T00:00:00.000Z' }],
      [
        { in: 'all' },
        { q: 'lumen', from: '2026-06-15T00:00:00.000Z', to: '2026-06-01T00:00:00.000Z' },
      ],
    ];
    for (const [scope, filter] of cases) {
      const want = expected(all, scope, filter);
      for (const limit of [4, 50]) {
        const got = await readAll(db, scope, filter, limit);
        expect(got.ids, JSON.stringify([scope, filter, limit])).toEqual(want);
        for (const total of got.totals) expect([null, want.length]).toContain(total);
      }
    }
  });

  it('lists a mention once when several of its words begin with the search', async () => {
    const db = await freshDB();
    const both = mention({ quote: 'Refund refused, refunds refunded' });
    await putMentions(db, [both, mention({ quote: 'other', url: 'https://x.example' })]);
    const page = await listMentions(db, { in: 'all' }, 10, null, { q: 'ref' });
    expect(page.items.map((m) => m.id)).toEqual([both.id]);
    expect(page.total).toBe(1);
  });

  // A few thousand records in the in-memory database take a few seconds on a busy machine.
  it('stops reading after a bounded number of records, with a cursor to read on', async () => {
    const db = await freshDB();
    // Only the oldest mention has a word starting with "q": one letter, which no index narrows
    // down, so the log is read in time order, a bounded number of records per call.
    const count = 2 * MAX_SCAN + 100;
    const all = Array.from({ length: count }, (_, i) =>
      mention({
        url: `https://x.example/${i}`,
        quote: i === 0 ? 'quality issue' : 'common issue',
        capturedAt: at(i),
      }),
    );
    await putMentions(db, all);
    const pages = [];
    let after: TimeCursor | null = null;
    do {
      const page = await listMentions(db, { in: 'all' }, 50, after, { q: 'q' });
      pages.push(page);
      after = page.next;
    } while (after && pages.length < 20);
    expect(pages).toHaveLength(Math.ceil(count / MAX_SCAN));
    const first = pages[0]!;
    expect(first).toMatchObject({ items: [], total: null });
    expect(first.next).toEqual({
      at: all[count - MAX_SCAN]!.capturedAt,
      id: all[count - MAX_SCAN]!.id,
    });
    expect(pages.flatMap((p) => p.items.map((m) => m.id))).toEqual([all[0]!.id]);
  });

  // A few thousand records in the in-memory database take seconds on a busy machine.
  it('reads a word found too often in time order instead', { timeout: 60_000 }, async () => {
    const db = await freshDB();
    const count = MAX_CANDIDATES + 1;
    const all = Array.from({ length: count }, (_, i) =>
      mention({ url: `https://x.example/${i}`, quote: 'common issue', capturedAt: at(i) }),
    );
    await putMentions(db, all);
    const page = await listMentions(db, { in: 'all' }, 10, null, { q: 'common' });
    expect(page.items.map((m) => m.id)).toEqual(
      all
        .slice(-10)
        .reverse()
        .map((m) => m.id),
    );
    expect(page.next).toEqual({ at: all[count - 10]!.capturedAt, id: all[count - 10]!.id });
  });

  it('keeps the search words in step with every write: edit, tags, move, delete and undo', async () => {
    const db = await freshDB();
    const crisis = newCrisis({ title: 'Storm', level: 3, openedAt: at(0), checklist: [] });
    await saveCrisis(db, crisis, []);
    const m = mention({ quote: 'Cold coffee', note: 'ask the barista' });
    await addMention(db, m);
    expect(await search(db, 'barista')).toEqual([m.id]);

    await updateMention(db, m.id, (x) => applyMentionPatch(x, { note: 'call the owner' }, at(1)));
    expect(await search(db, 'barista')).toEqual([]);
    expect(await search(db, 'owner cold')).toEqual([m.id]);

    expect(await tagMentions(db, [m.id, 'missing'], ['Échec client'], at(2))).toBe(1);
    expect(await search(db, 'echec')).toEqual([m.id]);
    expect(
      (await listMentions(db, { in: 'all' }, 5, null, { tag: 'Échec client' })).items.map(
        (x) => x.id,
      ),
    ).toEqual([m.id]);

    await moveMentions(db, [m.id], crisis.id, at(3));
    expect(await search(db, 'owner', { in: 'crisis', crisisId: crisis.id })).toEqual([m.id]);
    expect(await search(db, 'owner', { in: 'inbox' })).toEqual([]);

    const other = mention({ url: 'https://b.example', quote: 'Cold tea', capturedAt: at(40) });
    await addMention(db, other);
    const inStep = async () => {
      const { got, want } = await postingLists(db);
      expect(got).toEqual(want);
    };
    await inStep();

    const deleted = await deleteMentions(db, [m.id], '2026-06-01T10:00:00.000Z');
    expect(await search(db, 'owner')).toEqual([]);
    expect(await search(db, 'cold')).toEqual([other.id]);
    await inStep();
    await restoreMentions(db, deleted);
    expect(await search(db, 'echec owner')).toEqual([m.id]);
    expect(await search(db, 'cold')).toEqual([other.id, m.id]);
    await inStep();
    await deleteMentions(db, [m.id, other.id], '2026-06-01T10:00:00.000Z');
    // No mention holds a word any more: no list is left behind.
    expect(await postingLists(db)).toEqual({ got: {}, want: {} });
    await restoreMentions(db, deleted);
    // The words are an index key only: the mention read back has none.
    expect(Object.keys((await getMention(db, m.id))!)).not.toContain('words');
  });

  it('keeps times no number gives back as they are, in the order of their texts', async () => {
    const db = await freshDB();
    // A backup may bring in any ISO form the schema takes: this one sorts after the other.
    const plain = mention({ url: 'https://a.example/1', capturedAt: '2026-11-20T09:00:00.000Z' });
    const odd = mention({ url: 'https://a.example/2', capturedAt: '2026-11-20T09:00:00Z' });
    await putMentions(db, [plain, odd]);
    const list = async () => (await db.get('postings', ['lumen', '2026-11']))!.at;
    expect(await list()).toEqual([Date.parse(plain.capturedAt), odd.capturedAt]);
    for (const sort of ['newest', 'oldest'] as const) {
      const { ids } = await readAll(db, { in: 'all' }, { q: 'lumen', sort }, 1);
      expect(ids).toEqual(sort === 'newest' ? [odd.id, plain.id] : [plain.id, odd.id]);
    }
    expect(await search(db, 'lumen', { in: 'all' })).toEqual([odd.id, plain.id]);
    const window = { from: '2026-11-20T09:00:00.001Z', to: '2026-11-21T00:00:00.000Z' };
    expect((await readAll(db, { in: 'all' }, { q: 'lumen', ...window }, 5)).ids).toEqual([odd.id]);

    await deleteMentions(db, [odd.id], '2026-06-01T10:00:00.000Z');
    expect(await list()).toEqual(new Float64Array([Date.parse(plain.capturedAt)]));
    const { got, want } = await postingLists(db);
    expect(got).toEqual(want);
  });

  it('adds tags to several mentions as an edit of each, leaving those that have them', async () => {
    const db = await freshDB();
    const [a, b] = [mention({ tags: ['press'] }), mention({ url: 'https://b.example', tags: [] })];
    await putMentions(db, [a!, b!]);
    expect(await tagMentions(db, [a!.id, b!.id], ['press'], at(5))).toBe(1);
    expect(await getMention(db, a!.id)).toEqual(a);
    expect(await getMention(db, b!.id)).toMatchObject({
      tags: ['press'],
      triagedAt: at(5),
      updatedAt: at(5),
    });
  });
});

describe('searching and filtering crises', () => {
  async function crises(db: VigieDatabase): Promise<Crisis[]> {
    const titles = [
      'Tempête sur les remboursements',
      'Refund storm',
      'Rumeur d’arnaque',
      'Prix trop élevés',
      'Storm in a teacup',
      'Service client débordé',
    ];
    const list = titles.map((title, i) => {
      const c = newCrisis({
        title,
        level: ((i % 4) + 1) as 1 | 2 | 3 | 4,
        openedAt: at(i),
        checklist: [],
      });
      if (i === 1) return moveToStep(c, 'assess', at(10));
      if (i === 4) return moveToStep(c, 'closed', at(10));
      return c;
    });
    for (const c of list) await saveCrisis(db, c, []);
    return list;
  }

  const titles = async (
    db: VigieDatabase,
    state: 'open' | 'closed' | 'all',
    filter: CrisisFilter,
    limit = 10,
  ) => {
    const out: string[] = [];
    let after: TimeCursor | null = null;
    do {
      const page = await listCrises(db, state, limit, after, filter);
      out.push(...page.items.map((c) => c.title));
      after = page.next;
    } while (after);
    return out;
  };

  it('search titles without regard to case or accents, filter by level, step and state', async () => {
    const db = await freshDB();
    await crises(db);
    expect(await titles(db, 'all', { q: 'tempete' })).toEqual(['Tempête sur les remboursements']);
    expect(await titles(db, 'all', { q: 'storm' })).toEqual(['Storm in a teacup', 'Refund storm']);
    expect(await titles(db, 'open', { q: 'storm' })).toEqual(['Refund storm']);
    expect(await titles(db, 'closed', {})).toEqual(['Storm in a teacup']);
    expect(await titles(db, 'all', { level: 1 })).toEqual([
      'Storm in a teacup',
      'Tempête sur les remboursements',
    ]);
    expect(await titles(db, 'all', { step: 'assess' })).toEqual(['Refund storm']);
    expect(await titles(db, 'all', { q: 'eleve', sort: 'oldest' })).toEqual(['Prix trop élevés']);
    expect(await titles(db, 'all', { sort: 'oldest' }, 4)).toEqual(
      (await titles(db, 'all', {})).reverse(),
    );
    expect(wordsOf('Rumeur d’arnaque')).toContain('arnaque');
    expect(await titles(db, 'all', { q: 'arnaq' })).toEqual(['Rumeur d’arnaque']);
  });

  it('count the list unfiltered; filtered, only once read from start to end', async () => {
    const db = await freshDB();
    await crises(db);
    expect((await listCrises(db, 'all', 2, null)).total).toBe(6);
    expect((await listCrises(db, 'open', 2, null)).total).toBe(5);
    expect((await listCrises(db, 'all', 10, null, { q: 'storm' })).total).toBe(2);
    expect((await listCrises(db, 'all', 1, null, { q: 'storm' })).total).toBeNull();
  });
});
