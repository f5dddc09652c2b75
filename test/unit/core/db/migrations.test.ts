import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCrises, listEvents } from '../../../../src/core/db/crises';
import {
  listMentions,
  mentionCounts,
  putMentions,
  toStored,
} from '../../../../src/core/db/mentions';
import { migrations, SCHEMA_VERSION, type Migration } from '../../../../src/core/db/migrations';
import { openForReading, openVigieDB } from '../../../../src/core/db/open';
import { getSettings } from '../../../../src/core/db/settings';
import type { MentionFilter } from '../../../../src/core/messaging/protocol';
import type { VigieDB } from '../../../../src/core/db/schema';
import type { StoreNames } from 'idb';
import * as v from 'valibot';
import { CrisisSchema, SettingsSchema } from '../../../../src/core/model/schemas';
import { isPacked } from '../../../../src/core/db/posting-pack';
import { LIMITS } from '../../../../src/core/model/limits';
import type { Crisis, Mention } from '../../../../src/core/model/types';
import { expected, mention, postingLists, readAll } from '../../helpers';

type Fixture = Record<StoreNames<VigieDB>, unknown[]> & { version: number };

const fixture = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../../fixtures/db-v1.json'), 'utf8'),
) as Fixture;

/** Creates a database at schema version 1 holding the fixture's records, as a user's would be. */
async function seedVersion1(name: string): Promise<void> {
  const db = await openVigieDB(name, migrations.slice(0, 1));
  expect(db.version).toBe(1);
  const stores = ['mentions', 'crises', 'events', 'settings'] as const;
  const tx = db.transaction([...stores], 'readwrite');
  for (const store of stores) {
    for (const record of fixture[store]) await tx.objectStore(store).put(record as never);
  }
  await tx.done;
  db.close();
}

describe('schema migrations', () => {
  it('are an ordered list whose length is the schema version', () => {
    expect(fixture.version).toBe(1);
    expect(SCHEMA_VERSION).toBe(migrations.length);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(1);
  });

  it('open a version-1 database with every record readable through the indexes', async () => {
    await seedVersion1('v1-upgrade');
    const db = await openVigieDB('v1-upgrade');
    expect(db.version).toBe(SCHEMA_VERSION);
    expect(await mentionCounts(db)).toEqual({ untriaged: 1, inbox: 1, mentions: 2 });
    const crises = await listCrises(db, 'open', 10, null);
    expect(crises.items).toHaveLength(1);
    expect(crises.items[0]).toMatchObject({ title: 'Rumeur d’arnaque', mentionCount: 1 });
    const crisisId = crises.items[0]!.id;
    expect((await listEvents(db, crisisId)).map((e) => e.type)).toEqual([
      'opened',
      'mention-linked',
    ]);
    expect(
      (await listMentions(db, { in: 'crisis', crisisId }, 10, null)).items[0]?.quote,
    ).toContain('arnaque');
    expect((await getSettings(db)).reactionTargetsHours[4]).toBe(0.5);
    // Version 3: the store of page copies, empty, each found by its mention.
    expect(await db.countFromIndex('pageCopies', 'mentionId')).toBe(0);
    db.close();
  });

  it('make every mention of a version-1 database searchable and filterable', async () => {
    await seedVersion1('v1-search');
    const db = await openVigieDB('v1-search');
    expect(db.version).toBeGreaterThanOrEqual(2);
    const found = async (filter: MentionFilter) =>
      (await listMentions(db, { in: 'all' }, 10, null, filter)).items.map((m) => m.id).sort();
    // Quote, page title, site and tag words, accents and case folded, by their beginning.
    expect(await found({ q: 'rembourse' })).toEqual(['m-1']);
    expect(await found({ q: 'DEPLOR' })).toEqual(['m-2']);
    expect(await found({ q: 'brasserie lumen' })).toEqual(['m-1', 'm-2']);
    expect(await found({ q: 'avis.example' })).toEqual(['m-1', 'm-2']);
    expect(await found({ q: 'presse' })).toEqual(['m-1']);
    expect(await found({ tone: 'negative', site: 'avis.example' })).toEqual(['m-1', 'm-2']);
    expect(await found({ tag: 'presse' })).toEqual(['m-1']);
    // Version 2 gave each record its words, version 4 moved them to posting lists: the records
    // are as they were, and the words index is gone (and the site index, which siteAt covers).
    expect(await db.getAll('mentions')).toEqual(fixture.mentions);
    const indexes = [...db.transaction('mentions').store.indexNames];
    expect(indexes).not.toContain('words');
    expect(indexes).not.toContain('site');
    expect(await db.get('postings', ['arnaque', '2026-10'])).toEqual({
      at: new Float64Array([Date.parse('2026-10-02T08:15:00.000Z')]),
      ids: '\u0003m-1',
    });
    const { got, want } = await postingLists(db);
    expect(got).toEqual(want);
    db.close();
  });

  it('run a later migration over a version-1 database without losing a record', async () => {
    await seedVersion1('v1-later');
    const addLangIndex: Migration = (_db, tx) => {
      tx.objectStore('mentions').createIndex('lang' as never, 'lang');
    };
    const db = await openVigieDB('v1-later', [...migrations.slice(0, 1), addLangIndex]);
    expect(db.version).toBe(2);
    expect(await db.count('mentions')).toBe(fixture.mentions.length);
    expect(await db.countFromIndex('mentions', 'lang' as never, 'fr' as never)).toBe(2);
    db.close();
  });

  it('bring version-4 messages to version 5: subjects apart, languages kept, nothing lost', async () => {
    // A version-4 log: the draft and the updates carry their subject as a first line, the
    // settings one template per language for the first message.
    const seeded = await openVigieDB('v4-messages', migrations.slice(0, 4));
    const base = fixture.crises[0] as Crisis;
    const person = {
      id: 'p1',
      name: 'Marie',
      role: 'client',
      channel: 'Mail',
      contact: 'm@x.fr',
      key: true,
    };
    await seeded.put('crises', {
      ...base,
      inform: {
        stakeholders: [{ ...person, informedAt: '2026-10-02T09:00:00.000Z' }],
        message: 'Objet : Rumeur d’arnaque\n\nBonjour,\nNous avons commis une erreur.',
      },
      plan: {
        ...base.plan,
        updates: [
          { id: 'u1', sentAt: '2026-10-03T09:00:00.000Z', text: 'Subject: Day 2\n\nStill on it.' },
        ],
      },
    } as never);
    await seeded.put('settings', {
      key: 'settings',
      value: {
        stakeholders: [person],
        templates: {
          inform: { en: 'Subject: Sorry\n\nWe erred.', fr: '' },
          update: { en: '', fr: '' },
        },
      },
    } as never);
    seeded.close();

    const db = await openVigieDB('v4-messages');
    const crisis = (await db.get('crises', base.id))!;
    expect(v.safeParse(CrisisSchema, crisis).success).toBe(true);
    expect(crisis.inform).toMatchObject({
      subject: 'Rumeur d’arnaque',
      message: 'Bonjour,\nNous avons commis une erreur.',
      lang: 'fr',
      variant: 'apology',
      fault: 'unknown',
    });
    expect(crisis.inform.stakeholders[0]).toMatchObject({
      informedAt: '2026-10-02T09:00:00.000Z',
      lang: null,
      greeting: '',
      message: null,
    });
    expect(crisis.plan.updates[0]).toMatchObject({ subject: 'Day 2', text: 'Still on it.' });
    const settings = await getSettings(db);
    expect(v.safeParse(SettingsSchema, settings).success).toBe(true);
    expect(settings.stakeholders[0]).toMatchObject({ name: 'Marie', lang: null, greeting: '' });
    expect(settings.templates.inform.apology.en).toEqual({ subject: 'Sorry', body: 'We erred.' });
    expect(settings.templates.inform.holding.en).toEqual({ subject: '', body: '' });
    db.close();
  });

  it('leave the database at its version, whole, when one of them throws', async () => {
    await seedVersion1('v1-throwing');
    const throwing: Migration = async (_db, tx) => {
      await tx.objectStore('crises').delete((fixture.crises[0] as Crisis).id);
      throw new Error('a record it cannot read');
    };
    await expect(openVigieDB('v1-throwing', [...migrations.slice(0, 1), throwing])).rejects.toThrow(
      'a record it cannot read',
    );
    const db = await openVigieDB('v1-throwing', migrations.slice(0, 1));
    expect(db.version).toBe(1);
    expect(await db.count('crises')).toBe(fixture.crises.length);
    db.close();
    const upgraded = await openVigieDB('v1-throwing');
    expect(upgraded.version).toBe(SCHEMA_VERSION);
    upgraded.close();
  });

  it('are never run by a page that only reads: an older database is left as it is', async () => {
    await seedVersion1('v1-read-only');
    await expect(openForReading('v1-read-only')).rejects.toThrow();
    // Still version 1, records in place: the background upgrades it when it next opens it.
    const old = await openVigieDB('v1-read-only', migrations.slice(0, 1));
    expect(old.version).toBe(1);
    expect(await old.count('mentions')).toBe(fixture.mentions.length);
    old.close();
    const upgraded = await openVigieDB('v1-read-only');
    upgraded.close();
    const reader = await openForReading('v1-read-only');
    expect(reader.version).toBe(SCHEMA_VERSION);
    expect(await reader.count('mentions')).toBe(fixture.mentions.length);
    reader.close();
  });

  it('are never run by a page that only reads: no database is created', async () => {
    await expect(openForReading('never-created')).rejects.toThrow();
    const names = (await indexedDB.databases()).map((d) => d.name);
    expect(names).not.toContain('never-created');
  });
});

const QUOTES = [
  'They refused my refund, twice',
  'Refunded at last, but the price is high',
  'Le prix est très élevé pour ce café',
  'Service déplorable et personne ne répond',
  'Ökonomie des Ärgers',
];

/**
 * Mentions over three months, with ids of any characters (the longest allowed among them) and,
 * besides the times Vigie writes, times in other ISO forms a backup may bring in.
 */
const MENTIONS: Mention[] = Array.from({ length: 36 }, (_, i) => {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const odd = ['2026-10-05T09:00:00Z', '2026-10-05T11:00:00.000+02:00', '2026-10-05 09:00:00.5Z'];
  const ids = [
    'Ökonomie-東京-😀',
    '\u0001\u0000',
    'x'.repeat(LIMITS.id),
    '😀'.repeat(LIMITS.id / 2),
  ];
  return mention({
    id: ids[i] ?? `m-${String(i).padStart(2, '0')}`,
    url: `https://site${i % 3}.example/post/${i}`,
    site: `site${i % 3}.example`,
    pageTitle: i % 4 === 0 ? 'Avis : Brasserie Lumen' : 'Lumen Coffee reviews',
    quote: QUOTES[i % QUOTES.length]!,
    note: i % 5 === 0 ? 'Rappeler le client' : '',
    tags: i % 6 === 0 ? ['presse'] : [],
    capturedAt:
      odd[i % 12] ?? `2026-${String(9 + (i % 3)).padStart(2, '0')}-${day}T0${i % 4}:00:00.000Z`,
  });
});

const FILTERS: MentionFilter[] = [
  { q: 'refund' },
  { q: 'refund', sort: 'oldest' },
  { q: 'lumen' },
  { q: 'lumen', from: '2026-10-05T00:00:00.000Z', to: '2026-10-20T00:00:00.000Z' },
  { q: 'lumen', from: '2026-10-05T09:00:00Z', sort: 'oldest' },
  { q: 'okonomie' },
  { q: 'rappeler lumen' },
  { q: 'refund price' },
  { q: 'site1' },
  { tag: 'presse' },
];

/**
 * A database at `version` holding `mentions` as that version stored them (none at version 0):
 * written at version 1, then upgraded by the migrations up to `version`. Schemas 4 and 5 kept
 * each posting list as two arrays of texts, which today's 3 → 4 no longer writes: their lists
 * are written here that way, worked out the plain way.
 */
async function seedAt(name: string, version: number, mentions: readonly Mention[]) {
  if (version === 0) return;
  const first = await openVigieDB(name, migrations.slice(0, 1));
  const tx = first.transaction('mentions', 'readwrite');
  for (const m of mentions) await tx.store.put(toStored(m));
  await tx.done;
  first.close();
  const db = await openVigieDB(name, migrations.slice(0, version));
  expect(db.version).toBe(version);
  if (version >= 4) {
    const { want } = await postingLists(db);
    const tx = db.transaction('postings', 'readwrite');
    await tx.store.clear();
    for (const [key, entries] of Object.entries(want)) {
      const list = { at: entries.map(([at]) => at), id: entries.map(([, id]) => id) };
      await tx.store.put(list as never, key.split(' ') as [string, string]);
    }
    await tx.done;
  }
  db.close();
}

describe('the upgrade to schema 6 (packed posting lists)', () => {
  it.each([0, 1, 2, 3, 4, 5])(
    'packs every list of a version-%i database: searches find the same mentions',
    async (version) => {
      const name = `v${version}-to-v6`;
      await seedAt(name, version, MENTIONS);
      const db = await openVigieDB(name, migrations.slice(0, 6));
      expect(db.version).toBe(6);
      if (version === 0) await putMentions(db, MENTIONS);
      expect(await db.count('mentions')).toBe(MENTIONS.length);

      const lists = await db.getAll('postings');
      expect(lists.every(isPacked)).toBe(true);
      // Times as numbers, but for the lists holding a time no number gives back exactly.
      expect(lists.some((list) => list.at instanceof Float64Array)).toBe(true);
      expect(lists.some((list) => Array.isArray(list.at))).toBe(true);
      const { got, want } = await postingLists(db);
      expect(got).toEqual(want);

      for (const filter of FILTERS) {
        const want = expected(MENTIONS, { in: 'all' }, filter);
        expect(want.length, JSON.stringify(filter)).toBeGreaterThan(0);
        const { ids } = await readAll(db, { in: 'all' }, filter, 4);
        expect(ids, JSON.stringify(filter)).toEqual(want);
      }
      db.close();
    },
  );
});
