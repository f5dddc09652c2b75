import { describe, expect, it } from 'vitest';
import { moveMentions, saveCrisis } from '../../../../src/core/db/crises';
import {
  addMention,
  deleteMentions,
  getMention,
  listMentions,
  mentionCounts,
  mentionsOnPage,
  putMentions,
  updateMention,
} from '../../../../src/core/db/mentions';
import { newCrisis } from '../../../../src/core/model/crisis';
import { applyMentionPatch } from '../../../../src/core/model/mention';
import { at, freshDB, mention } from '../../helpers';

describe('mentions repository', () => {
  it('stores a flag once: the same quote on the same page is reported as a duplicate', async () => {
    const db = await freshDB();
    const first = mention();
    expect(await addMention(db, first)).toEqual({ mention: first, duplicate: false });
    const again = await addMention(db, mention({ url: `${first.url}#comments` }));
    expect(again).toEqual({ mention: first, duplicate: true });
    expect((await mentionCounts(db)).mentions).toBe(1);
  });

  it('stores a mention with its keys in canonical order, at every depth', async () => {
    const db = await freshDB();
    const flagged = mention();
    expect(Object.keys(flagged)).not.toEqual(Object.keys(flagged).sort());
    await addMention(db, flagged);
    const stored = (await db.get('mentions', flagged.id))!;
    const keys = Object.keys(stored).filter((key) => key in flagged);
    expect(keys).toEqual([...keys].sort());
    expect(Object.keys(stored.selectors!.quote)).toEqual(
      Object.keys(stored.selectors!.quote).sort(),
    );
    // Read back, it is the same mention (key order aside).
    expect(await getMention(db, flagged.id)).toEqual(flagged);
  });

  it('keeps the same words in another context, or on another page, as separate mentions', async () => {
    const db = await freshDB();
    await addMention(db, mention());
    const otherContext = mention();
    otherContext.selectors!.quote.prefix = 'someone else said: ';
    expect((await addMention(db, otherContext)).duplicate).toBe(false);
    expect((await addMention(db, mention({ url: 'https://blog.example/x' }))).duplicate).toBe(
      false,
    );
    expect((await mentionCounts(db)).mentions).toBe(3);
  });

  it('lists newest first, page by page, without repeating or skipping a record', async () => {
    const db = await freshDB();
    const all = Array.from({ length: 23 }, (_, i) =>
      mention({ capturedAt: at(i % 5), quote: `quote ${i}`, url: `https://x.example/${i}` }),
    );
    await putMentions(db, all);
    const seen: string[] = [];
    let after = null;
    do {
      const page = await listMentions(db, { in: 'all' }, 10, after);
      expect(page.total).toBe(23);
      seen.push(...page.items.map((m) => m.id));
      after = page.next;
    } while (after);
    expect(new Set(seen).size).toBe(23);
    const times = seen.map((id) => all.find((m) => m.id === id)!.capturedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('separates the inbox from a crisis and counts what awaits triage', async () => {
    const db = await freshDB();
    const crisis = newCrisis({ title: 'Scam rumour', level: 3, openedAt: at(0), checklist: [] });
    await saveCrisis(db, crisis, []);
    const [a, b, c] = [
      mention({ capturedAt: at(1) }),
      mention({ capturedAt: at(2), url: 'https://b.example' }),
      mention({ capturedAt: at(3), url: 'https://c.example' }),
    ];
    await putMentions(db, [a!, b!, c!]);
    expect(await mentionCounts(db)).toEqual({ untriaged: 3, inbox: 3, mentions: 3 });

    await moveMentions(db, [a!.id], crisis.id, at(4));
    await updateMention(db, b!.id, (m) => applyMentionPatch(m, { note: 'seen' }, at(5)));
    expect(await mentionCounts(db)).toEqual({ untriaged: 1, inbox: 2, mentions: 3 });

    const inCrisis = await listMentions(db, { in: 'crisis', crisisId: crisis.id }, 10, null);
    expect(inCrisis.items.map((m) => m.id)).toEqual([a!.id]);
    const inbox = await listMentions(db, { in: 'inbox' }, 10, null);
    expect(inbox.items.map((m) => m.id)).toEqual([c!.id, b!.id]);
  });

  it('finds what is already flagged on a page, whatever its #fragment', async () => {
    const db = await freshDB();
    await putMentions(db, [
      mention({ url: 'https://news.example/a#top', quote: 'one' }),
      mention({ url: 'https://news.example/a', quote: 'two', capturedAt: at(9) }),
      mention({ url: 'https://news.example/b', quote: 'three' }),
    ]);
    const onPage = await mentionsOnPage(db, 'https://news.example/a#comments', 20);
    expect(onPage.total).toBe(2);
    expect(onPage.items.map((m) => m.quote)).toEqual(['two', 'one']);
  });

  it('deletes and restores mentions exactly as they were', async () => {
    const db = await freshDB();
    const m = mention({ note: 'keep me', tags: ['press'] });
    await addMention(db, m);
    const deleted = await deleteMentions(db, [m.id, 'missing'], '2026-06-01T10:00:00.000Z');
    expect(deleted).toEqual([m]);
    expect(await getMention(db, m.id)).toBeUndefined();
    await putMentions(db, deleted);
    expect(await getMention(db, m.id)).toEqual(m);
  });
});
