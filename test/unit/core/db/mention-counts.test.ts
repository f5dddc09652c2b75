import { describe, expect, it } from 'vitest';
import { moveMentions, saveCrisis } from '../../../../src/core/db/crises';
import {
  addMention,
  deleteMentions,
  mentionCounts,
  putMentions,
  recountMentions,
  restoreMentions,
  tagMentions,
  updateMention,
} from '../../../../src/core/db/mentions';
import type { VigieDatabase } from '../../../../src/core/db/open';
import { newCrisis } from '../../../../src/core/model/crisis';
import { applyMentionPatch } from '../../../../src/core/model/mention';
import { commitBackup, previewBackup } from '../../../../src/dashboard/backup/import-transfer';
import { at, freshDB, mention } from '../../helpers';
import { sampleLog, wire } from '../backup/fixtures';

/** The counts read from the records themselves, index by index. */
async function countedOutright(db: VigieDatabase) {
  return {
    untriaged: await db.countFromIndex('mentions', 'untriagedAt'),
    inbox: await db.countFromIndex('mentions', 'inboxAt'),
    mentions: await db.count('mentions'),
  };
}

/** The kept counts agree with counting the records outright. */
async function expectCounts(db: VigieDatabase, counts: Awaited<ReturnType<typeof mentionCounts>>) {
  expect(await mentionCounts(db)).toEqual(counts);
  expect(await recountMentions(db)).toEqual(counts);
}

describe('kept mention counts', () => {
  it('follow every write: flag, edit, move, tag, delete, undo, put back', async () => {
    const db = await freshDB();
    await expectCounts(db, { untriaged: 0, inbox: 0, mentions: 0 });
    const crisis = newCrisis({ title: 'Storm', level: 2, openedAt: at(0), checklist: [] });
    await saveCrisis(db, crisis, []);
    const [a, b, c] = [
      mention({ url: 'https://a.example' }),
      mention({ url: 'https://b.example' }),
      mention({ url: 'https://c.example' }),
    ];
    await addMention(db, a!);
    await addMention(db, a!);
    await addMention(db, b!);
    await putMentions(db, [c!, c!]);
    await expectCounts(db, { untriaged: 3, inbox: 3, mentions: 3 });

    await updateMention(db, a!.id, (m) => applyMentionPatch(m, { note: 'seen' }, at(1)));
    await expectCounts(db, { untriaged: 2, inbox: 3, mentions: 3 });
    await moveMentions(db, [b!.id], crisis.id, at(2));
    await expectCounts(db, { untriaged: 1, inbox: 2, mentions: 3 });
    await tagMentions(db, [c!.id], ['press'], at(3));
    await expectCounts(db, { untriaged: 0, inbox: 2, mentions: 3 });

    const deleted = await deleteMentions(db, [a!.id, b!.id, 'missing'], '2026-06-01T10:00:00.000Z');
    await expectCounts(db, { untriaged: 0, inbox: 1, mentions: 1 });
    // The same quote flagged again meanwhile: the undo merges the two into one.
    await addMention(db, { ...a!, id: 'again', triagedAt: null });
    await expectCounts(db, { untriaged: 1, inbox: 2, mentions: 2 });
    await restoreMentions(db, deleted);
    await expectCounts(db, { untriaged: 0, inbox: 2, mentions: 3 });
    await moveMentions(db, [b!.id], null, at(4));
    await expectCounts(db, { untriaged: 0, inbox: 3, mentions: 3 });
  });

  it('follow a backup import, merged or replacing, in its own transaction', async () => {
    const db = await freshDB();
    const inLog = mention({ url: 'https://kept.example' });
    const twin = mention({ url: 'https://twin.example', quote: 'Twin quote' });
    await putMentions(db, [inLog, twin]);
    const file = sampleLog('n');
    // The log's mention, reviewed in the file; the twin's quote flagged under another id.
    file.mentions.push(
      { ...inLog, triagedAt: at(5), updatedAt: at(5) },
      { ...twin, id: 'n-twin', triagedAt: at(6), updatedAt: at(6) },
    );
    const { ask } = wire(db);
    const { importId, preview } = await previewBackup(ask, file);
    expect(preview.merge.sameQuote).toBe(1);
    await commitBackup(ask, file, importId, 'merge');
    // Kept by the import itself: they agree with the records, counted outright.
    const kept = await db.get('meta', 'mentionCounts');
    expect(kept).toMatchObject(await countedOutright(db));
    expect(kept?.mentions).toBe(file.mentions.length);
    expect(kept?.untriaged).toBeLessThan(kept!.inbox);
    const again = await previewBackup(ask, file);
    await commitBackup(ask, file, again.importId, 'replace');
    expect(await db.get('meta', 'mentionCounts')).toMatchObject(await countedOutright(db));
    expect((await mentionCounts(db)).mentions).toBe(file.mentions.length);
  });

  it('are counted after an import into a log that kept none', async () => {
    const db = await freshDB();
    await putMentions(db, [mention({ url: 'https://kept.example' })]);
    await db.delete('meta', 'mentionCounts');
    const file = sampleLog('k');
    const { ask } = wire(db);
    const { importId } = await previewBackup(ask, file);
    await commitBackup(ask, file, importId, 'merge');
    expect(await db.get('meta', 'mentionCounts')).toMatchObject({
      mentions: file.mentions.length + 1,
    });
    await expectCounts(db, await countedOutright(db));
  });

  it('are counted outright when none are kept', async () => {
    const db = await freshDB();
    await putMentions(db, [mention(), mention({ url: 'https://b.example', crisisId: 'c1' })]);
    await db.delete('meta', 'mentionCounts');
    expect(await mentionCounts(db)).toEqual({ untriaged: 1, inbox: 1, mentions: 2 });
    expect(await db.get('meta', 'mentionCounts')).toMatchObject({ mentions: 2 });
  });
});
