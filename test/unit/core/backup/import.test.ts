import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Staging } from '../../../../src/background/calls/backup-staging';
import { backupText, buildBackup } from '../../../../src/core/backup/build';
import type { BackupData, ImportMode } from '../../../../src/core/backup/format';
import { parseBackup } from '../../../../src/core/backup/parse';
import { readStores } from '../../../../src/core/db/backup';
import { fromStored, listMentions, putMentions } from '../../../../src/core/db/mentions';
import { migrations } from '../../../../src/core/db/migrations';
import { openVigieDB } from '../../../../src/core/db/open';
import { getSettings, updateSettings } from '../../../../src/core/db/settings';
import { mergeSettings } from '../../../../src/core/model/settings';
import type { Crisis, CrisisEvent, Mention, Settings } from '../../../../src/core/model/types';
import { crisisV5, settingsV5 } from '../../../../src/core/model/upgrade-v5';
import { exportBackup, type Ask } from '../../../../src/dashboard/backup/backup-transfer';
import {
  commitBackup,
  previewBackup,
  stageBackup,
} from '../../../../src/dashboard/backup/import-transfer';
import { at, freshDB, mention, postingLists } from '../../helpers';
import { fileUrl, sampleLog, seed, snapshot, wire } from './fixtures';

/** `n` mentions whose ids sort in the order they are made. */
const manyMentions = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    mention({ id: `m${String(i).padStart(5, '0')}`, quote: `quote ${i}`, capturedAt: at(i) }),
  );

/** `ask`, and the calls it made: their names, a page's store after a colon. */
function recorded(ask: Ask): { spy: Ask; calls: string[] } {
  const calls: string[] = [];
  const spy: Ask = (call, args) => {
    const store = call === 'backupPart' ? `:${(args as { store: string }).store}` : '';
    calls.push(`${call}${store}`);
    return ask(call, args);
  };
  return { spy, calls };
}

/** Exports the log behind `ask` and reads the file back, as the backup screen does. */
async function exported(ask: Ask) {
  const { built } = await exportBackup(ask, undefined, () => new Date('2026-11-25T10:00:00Z'));
  const parsed = await parseBackup(backupText(built));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
  return parsed.backup;
}

async function importInto(ask: Ask, data: BackupData, mode: ImportMode = 'merge') {
  const { importId, preview } = await previewBackup(ask, data);
  const summary = await commitBackup(ask, data, importId, mode);
  return { preview, summary };
}

describe('a full backup', () => {
  it('round-trips the whole log exactly, settings included', async () => {
    const source = await freshDB();
    await seed(source, sampleLog('a'));
    const before = await snapshot(source);
    const backup = await exported(wire(source).ask);

    const target = await freshDB();
    const { preview, summary } = await importInto(wire(target).ask, backup.data);
    expect(preview.merge).toEqual(summary);
    expect(summary.mentions).toEqual({ added: 4, updated: 0, unchanged: 0, kept: 0 });
    expect(summary.settings).toBe('taken');
    expect(await snapshot(target)).toBe(before);
  });

  it('reads the log in pages and crises last', { timeout: 30_000 }, async () => {
    const db = await freshDB();
    const many = manyMentions(1200);
    await seed(db, { ...sampleLog('p'), mentions: many });
    const { spy, calls } = recorded(wire(db).ask);
    const backup = await exported(spy);
    expect(backup.data.mentions.map((m) => m.id)).toEqual(many.map((m) => m.id));
    expect(calls.filter((c) => c.startsWith('backupPart'))).toEqual([
      'backupPart:mentions',
      'backupPart:mentions',
      'backupPart:events',
      'backupPart:crises',
    ]);
  });

  it('reads the log straight from the database in one snapshot, as the crisis log does', async () => {
    const db = await freshDB();
    const many = manyMentions(1200);
    await seed(db, { ...sampleLog('d'), mentions: many });
    const { ask } = wire(db);
    const { spy, calls } = recorded(ask);
    const progress: [number, number][] = [];
    const direct = await exportBackup(
      spy,
      (done, total) => progress.push([done, total]),
      () => new Date('2026-11-25T10:00:00Z'),
      () => openVigieDB(db.name),
    );
    // No record came through the background: only the version, counts and settings.
    expect(calls).toEqual(['backupInfo']);
    const total = (
      await Promise.all(['mentions', 'events', 'crises'].map((s) => db.count(s as 'mentions')))
    ).reduce((a, b) => a + b, 0);
    expect(progress.at(0)).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);
    // The same file as the one read in pages through the background.
    const paged = await exportBackup(ask, undefined, () => new Date('2026-11-25T10:00:00Z'));
    expect(backupText(direct.built)).toBe(backupText(paged.built));
    // The page's connection is closed: the log's own stays usable.
    expect(await db.count('mentions')).toBe(many.length);
  });

  it('reads through the background when the database cannot be opened in the page', async () => {
    const db = await freshDB();
    await seed(db, sampleLog('f'));
    const { ask } = wire(db);
    const { spy, calls } = recorded(ask);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fallback = await exportBackup(
      spy,
      undefined,
      () => new Date('2026-11-25T10:00:00Z'),
      // As when this page is older than the database after an update.
      () => Promise.reject(new DOMException('The requested version is less', 'VersionError')),
    );
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    expect(calls.filter((c) => c.startsWith('backupPart')).length).toBeGreaterThanOrEqual(3);
    const paged = await exportBackup(ask, undefined, () => new Date('2026-11-25T10:00:00Z'));
    expect(backupText(fallback.built)).toBe(backupText(paged.built));
  });

  it('reads a store in requests of a bounded size, in id order', async () => {
    const db = await freshDB();
    const many = manyMentions(1200);
    await putMentions(db, many);
    const sizes: number[] = [];
    const read = await readStores(db, ['mentions'], (n) => sizes.push(n), { batch: 500 });
    // The ids (m00000…) all sort after the default split: its first range is empty.
    expect(sizes).toEqual([0, 500, 500, 200]);
    expect((read.mentions as Mention[]).map((m) => m.id)).toEqual(many.map((m) => m.id));
    // In their domain form: what the background's pages give.
    expect(read.mentions[0]).not.toHaveProperty('words');
  });

  it('reads key ranges side by side and hands their records over in id order', async () => {
    const db = await freshDB();
    const many = manyMentions(1200);
    await putMentions(db, many);
    const sizes: number[] = [];
    const read = await readStores(db, ['mentions'], (n) => sizes.push(n), {
      batch: 300,
      // A split on an id starts its range (m00500…); one between ids ends a range after the
      // id before it (…m00900).
      splits: ['m00500', 'm00900x'],
    });
    expect(sizes).toEqual([300, 200, 300, 101, 299]);
    expect((read.mentions as Mention[]).map((m) => m.id)).toEqual(many.map((m) => m.id));
  });

  it('made from a version-1 database (the schema fixture) imports into a new one', async () => {
    const fixture = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../../fixtures/db-v1.json'), 'utf8'),
    ) as {
      mentions: Parameters<typeof fromStored>[0][];
      crises: Crisis[];
      events: CrisisEvent[];
      settings: { value: Parameters<typeof mergeSettings>[0] }[];
    };
    // A user's version-1 database, opened (and so upgraded) by this build, then backed up.
    const name = `v1-backup-${Math.random()}`;
    const old = await openVigieDB(name, migrations.slice(0, 1));
    const tx = old.transaction(['mentions', 'crises', 'events', 'settings'], 'readwrite');
    for (const m of fixture.mentions) await tx.objectStore('mentions').put(m);
    for (const c of fixture.crises) await tx.objectStore('crises').put(c);
    for (const e of fixture.events) await tx.objectStore('events').put(e);
    await tx.objectStore('settings').put(fixture.settings[0] as never);
    await tx.done;
    old.close();
    const upgraded = await openVigieDB(name);
    const backup = await exported(wire(upgraded).ask);
    expect(backup.counts).toEqual({ mentions: 2, crises: 1, events: 2 });

    // The same records written as a backup straight from the fixture read the same.
    const direct = await buildBackup(
      { appVersion: '0.1.0', schemaVersion: 1, exportedAt: '2026-10-04T00:00:00.000Z' },
      {
        mentions: fixture.mentions.map(fromStored),
        // Brought to today's shapes as the database's migrations bring them.
        crises: fixture.crises.map((c) => crisisV5(c) as Crisis),
        events: fixture.events,
        settings: mergeSettings(settingsV5(fixture.settings[0]!.value) as Partial<Settings>),
      },
    );
    const parsed = await parseBackup(backupText(direct));
    expect(parsed.ok && parsed.backup.data).toEqual(backup.data);

    const target = await freshDB();
    await importInto(wire(target).ask, backup.data);
    // Every record as it was; the settings, stored partial by version 1, now whole.
    const records = async (db: typeof target) => {
      const { settings: _settings, ...rest } = JSON.parse(await snapshot(db)) as Record<
        string,
        unknown
      >;
      return rest;
    };
    expect(await records(target)).toEqual(await records(upgraded));
    expect(await getSettings(target)).toEqual(await getSettings(upgraded));
    const crisisId = fixture.crises[0]!.id;
    const inCrisis = await listMentions(target, { in: 'crisis', crisisId }, 10, null);
    expect(inCrisis.items.map((m) => m.id)).toEqual(['m-1']);
    expect((await getSettings(target)).reactionTargetsHours[4]).toBe(0.5);
  });
});

describe('merging', () => {
  it('keeps the record changed last, adds missing journal events, deletes nothing', async () => {
    const db = await freshDB();
    const mine = sampleLog('k');
    await seed(db, mine);
    const file = structuredClone(mine);
    // Newer in the file: a mention's note and a crisis.
    file.mentions[0] = { ...file.mentions[0]!, note: 'from the file', updatedAt: at(500) };
    file.crises[0] = { ...file.crises[0]!, title: 'Renamed in the file', updatedAt: at(500) };
    // Older in the file: the log's record is kept.
    file.mentions[1] = { ...file.mentions[1]!, note: 'stale', updatedAt: at(-100) };
    // Only in the file.
    file.mentions.push(mention({ id: 'k-new', quote: 'only in the file', capturedAt: at(9) }));
    file.events.push({
      id: 'k-e9',
      crisisId: 'k-c1',
      at: at(99),
      type: 'update-sent',
      actor: 'user',
      data: {},
    });
    // Only in the log: stays.
    await putMentions(db, [mention({ id: 'k-mine', quote: 'only mine' })]);

    const { ask } = wire(db);
    const { preview, summary } = await importInto(ask, file);
    expect(preview.merge).toEqual(summary);
    expect(summary.mentions).toEqual({ added: 1, updated: 1, unchanged: 2, kept: 1 });
    expect(summary.crises).toEqual({ added: 0, updated: 1, unchanged: 1, kept: 0 });
    expect(summary.events).toEqual({ added: 1, updated: 0, unchanged: 6, kept: 0 });
    expect(summary.settings).toBe('kept');

    const all = (await db.getAll('mentions')).map(fromStored);
    const byId = new Map(all.map((m) => [m.id, m]));
    expect(byId.get('k-m1')?.note).toBe('from the file');
    expect(byId.get('k-m2')?.note).toBe('');
    expect(byId.has('k-new') && byId.has('k-mine')).toBe(true);
    expect((await db.get('crises', 'k-c1'))?.title).toBe('Renamed in the file');
    expect(await db.count('events')).toBe(7);
    // Found by the words of the file's note, no longer by those it replaced.
    const search = async (q: string) =>
      (await listMentions(db, { in: 'all' }, 10, null, { q })).items.map((m) => m.id).sort();
    expect(await search('from the file')).toEqual(['k-m1']);
    expect(await search('file')).toEqual(['k-m1', 'k-new']);
    const { got, want } = await postingLists(db);
    expect(got).toEqual(want);
  });

  it('is idempotent: importing the same file twice changes nothing the second time', async () => {
    const db = await freshDB();
    await seed(db, sampleLog('i'));
    const { ask } = wire(db);
    const file = sampleLog('j');
    await importInto(ask, file);
    const once = await snapshot(db);
    const { summary } = await importInto(ask, file);
    expect(summary.mentions).toEqual({ added: 0, updated: 0, unchanged: 4, kept: 0 });
    expect(await snapshot(db)).toBe(once);
  });

  it('merges the same quote on the same page flagged under another id, rather than failing', async () => {
    const db = await freshDB();
    const mine = sampleLog('q');
    await seed(db, mine);
    const twin: Mention = {
      ...mine.mentions[0]!,
      id: 'other-browser',
      crisisId: null,
      note: 'noted elsewhere',
      tags: ['elsewhere'],
      updatedAt: at(700),
    };
    const { ask } = wire(db);
    const { preview, summary } = await importInto(ask, { ...mine, mentions: [twin] });
    expect(preview.merge.sameQuote).toBe(1);
    expect(summary.sameQuote).toBe(1);
    expect(summary.mentions).toEqual({ added: 0, updated: 0, unchanged: 0, kept: 0 });
    expect(await db.get('mentions', 'other-browser')).toBeUndefined();
    const merged = fromStored((await db.get('mentions', 'q-m1'))!);
    expect(merged).toMatchObject({
      crisisId: 'q-c1',
      note: 'Seen, replied, line one\nline two\n\nnoted elsewhere',
      tags: ['press', 'forum, fr', 'elsewhere'],
      updatedAt: at(700),
    });
    // A second time adds the note no more.
    await importInto(ask, { ...mine, mentions: [twin] });
    expect(fromStored((await db.get('mentions', 'q-m1'))!).note).toBe(merged.note);
    const { got, want } = await postingLists(db);
    expect(got).toEqual(want);
  });

  it('never changes a capture: a file holding another one under the same id keeps both', async () => {
    const db = await freshDB();
    const mine = sampleLog('e');
    await seed(db, mine);
    const ours = mine.mentions[0]!;
    // A crafted file: the same id, changed later, with another quote and a hash made to match.
    const crafted: Mention = {
      ...ours,
      quote: 'Lumen did nothing wrong',
      selectors: null,
      evidence: { captureSha256: 'f'.repeat(64), pageCopy: null },
      note: 'edited elsewhere',
      updatedAt: at(900),
    };
    const { ask } = wire(db);
    const file = { ...mine, mentions: [crafted] };
    const { preview, summary } = await importInto(ask, file);
    expect(preview.merge.otherCapture).toBe(1);
    expect(summary.otherCapture).toBe(1);
    expect(summary.mentions).toEqual({ added: 1, updated: 1, unchanged: 0, kept: 0 });
    // Ours keeps its capture and fingerprint, with the file's later edit.
    const kept = fromStored((await db.get('mentions', ours.id))!);
    expect(kept).toEqual({ ...ours, note: 'edited elsewhere', updatedAt: at(900) });
    // The file's capture is kept beside it, in the inbox, to be looked at.
    const beside = (await db.getAll('mentions')).find(
      (m) => m.quote === 'Lumen did nothing wrong',
    )!;
    expect(beside.id).not.toBe(ours.id);
    expect(fromStored(beside)).toMatchObject({
      evidence: { captureSha256: 'f'.repeat(64), pageCopy: null },
      crisisId: null,
      triagedAt: null,
    });
    // Importing the same file again adds nothing.
    const once = await snapshot(db);
    const again = await importInto(ask, file);
    expect(again.summary.mentions.added).toBe(0);
    expect(await snapshot(db)).toBe(once);
    const { got, want } = await postingLists(db);
    expect(got).toEqual(want);
  });

  it('sends a mention whose crisis is in neither the file nor the log to the inbox', async () => {
    const db = await freshDB();
    const file = sampleLog('o');
    file.mentions[0] = { ...file.mentions[0]!, crisisId: 'nowhere' };
    file.mentions[2] = { ...file.mentions[2]!, crisisId: 'in-the-log' };
    await seed(db, {
      ...sampleLog('z'),
      crises: [{ ...sampleLog('z').crises[1]!, id: 'in-the-log' }],
      events: [],
    });
    const { summary } = await importInto(wire(db).ask, file);
    expect(summary.toInbox).toBe(1);
    expect(fromStored((await db.get('mentions', 'o-m1'))!).crisisId).toBeNull();
    expect((await db.get('mentions', 'o-m1'))?.inboxAt).toBe(file.mentions[0]!.capturedAt);
    expect(fromStored((await db.get('mentions', 'o-m3'))!).crisisId).toBe('in-the-log');
  });

  it('adds the file’s directory, watched terms and word rules to settings already saved', async () => {
    const db = await freshDB();
    await seed(db, sampleLog('s'));
    const { summary } = await importInto(wire(db).ask, sampleLog('t'));
    expect(summary).toMatchObject({ settings: 'merged', settingsAdded: 3 });
    const settings = await getSettings(db);
    expect(settings.stakeholders.map((s) => s.id)).toEqual(['s-s1', 't-s1']);
    expect(settings.watchlist.map((w) => w.id)).toEqual(['s-w1', 't-w1']);
    expect(settings.reactionTargetsHours[4]).toBe(0.5);
  });
});

describe('replacing', () => {
  it('clears every store and writes the file, in one go', async () => {
    const db = await freshDB();
    await seed(db, sampleLog('old'));
    const { ask } = wire(db);
    const file = sampleLog('new');
    const { preview, summary } = await importInto(ask, file, 'replace');
    expect(preview.current).toEqual({ mentions: 4, crises: 2, events: 6 });
    expect(preview.replace).toEqual(summary);
    expect(summary.mentions.added).toBe(4);

    const clean = await freshDB();
    await seed(clean, file);
    expect(await snapshot(db)).toBe(await snapshot(clean));
  });
});

describe('the preview', () => {
  it('counts both ways without writing anything', async () => {
    const db = await freshDB();
    const mine = sampleLog('v');
    await seed(db, mine);
    const before = await snapshot(db);
    const file = structuredClone(mine);
    file.mentions[0]!.updatedAt = at(999);
    file.mentions.push(mention({ id: 'v-new', quote: 'new one' }));
    const { preview } = await previewBackup(wire(db).ask, file);
    expect(preview.merge.mentions).toEqual({ added: 1, updated: 1, unchanged: 3, kept: 0 });
    expect(preview.replace.mentions).toEqual({ added: 5, updated: 0, unchanged: 0, kept: 0 });
    expect(preview.current).toEqual({ mentions: 4, crises: 2, events: 6 });
    expect(await snapshot(db)).toBe(before);
  });
});

describe('the file read by the background itself', () => {
  const meta = { appVersion: '0.1.0', schemaVersion: 4, exportedAt: '2026-11-25T10:00:00.000Z' };
  const fileOf = async (data: BackupData) => backupText(await buildBackup(meta, data));

  it('stages the whole file in one call, and previews and imports as the pages do', async () => {
    const file = sampleLog('f');
    const url = fileUrl('f');
    const db = await freshDB();
    const { ask } = wire(db, undefined, undefined, new Map([[url, await fileOf(file)]]));
    const { spy, calls } = recorded(ask);
    const { importId, preview } = await previewBackup(spy, file, undefined, url);
    expect(calls).toEqual(['importStageFile', 'importPreview']);
    const paged = await previewBackup(wire(await freshDB()).ask, file);
    expect(preview).toEqual(paged.preview);
    const summary = await commitBackup(spy, file, importId, 'merge', undefined, url);
    expect(summary.mentions.added).toBe(4);
    const source = await freshDB();
    await seed(source, file);
    expect(await snapshot(db)).toBe(await snapshot(source));
  });

  it('falls back to pages when the background cannot read the file', async () => {
    const file = sampleLog('g');
    const { ask, imports } = wire(await freshDB());
    const { spy, calls } = recorded(ask);
    const { preview } = await previewBackup(spy, file, undefined, fileUrl('gone'));
    expect(calls.slice(0, 2)).toEqual(['importStageFile', 'importStart']);
    expect(calls.filter((c) => c === 'importStage').length).toBeGreaterThan(3);
    expect(preview.merge.mentions.added).toBe(4);
    // Only the paged staging is kept.
    expect(imports.size).toBe(1);
  });

  it('checks the file again and refuses it whole when it is not what the page read', async () => {
    const file = sampleLog('h');
    const url = fileUrl('h');
    const other = fileUrl('other');
    const text = await fileOf(file);
    const files = new Map([
      [url, text.replace(/"capturedAt":"[^"]*"/, '"capturedAt":"not a date"')],
      [other, await fileOf({ ...file, mentions: file.mentions.slice(1) })],
    ]);
    const db = await freshDB();
    const before = await snapshot(db);
    const { ask, imports } = wire(db, undefined, undefined, files);
    await expect(stageBackup(ask, file, undefined, url)).rejects.toMatchObject({
      error: {
        code: 'bad-backup',
        message: expect.stringMatching(/^invalid: mentions\[\d\]\.capturedAt/),
      },
    });
    // A file holding other counts than the page read: its staging is dropped at once.
    await expect(stageBackup(ask, file, undefined, other)).rejects.toMatchObject({
      error: { code: 'bad-request' },
    });
    await vi.waitFor(() => expect(imports.size).toBe(0));
    expect(await snapshot(db)).toBe(before);
  });

  it('reads only blob: URLs of this extension', async () => {
    const { ask, imports } = wire(await freshDB());
    for (const url of ['https://example.com/backup.json', 'blob:https://example.com/x', 'x']) {
      expect(await ask('importStageFile', { url })).toMatchObject({
        ok: false,
        error: { code: 'bad-request' },
      });
    }
    expect(imports.size).toBe(0);
  });
});

describe('the background', () => {
  it('answers import-expired when its worker restarted, and the page stages again', async () => {
    const db = await freshDB();
    const first = wire(db);
    const file = sampleLog('w');
    const { importId } = await previewBackup(first.ask, file);
    // A new worker: same database, no staged imports.
    const restarted = wire(db, new Map<string, Staging>());
    const reply = await restarted.ask('importCommit', { importId, mode: 'merge' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'import-expired' } });
    expect(await db.count('mentions')).toBe(0);
    const summary = await commitBackup(restarted.ask, file, importId, 'merge');
    expect(summary.mentions.added).toBe(4);
    expect(restarted.imports.size).toBe(0);
  });

  it('checks every staged record again and refuses the import whole', async () => {
    const db = await freshDB();
    await seed(db, sampleLog('b'));
    const before = await snapshot(db);
    const { ask } = wire(db);
    const bad = structuredClone(sampleLog('c')) as unknown as {
      mentions: Record<string, unknown>[];
    };
    bad.mentions[3]!.capturedAt = 'not a date';
    await expect(stageBackup(ask, bad as unknown as BackupData)).rejects.toMatchObject({
      error: { code: 'bad-backup', message: expect.stringMatching(/^mentions\[3\]\.capturedAt/) },
    });
    const dangling = sampleLog('d');
    dangling.events[0]!.crisisId = 'nowhere';
    const importId = await stageBackup(ask, dangling);
    expect(await ask('importCommit', { importId, mode: 'replace' })).toMatchObject({
      ok: false,
      error: { code: 'bad-backup', message: 'events[0].crisisId: no crisis "nowhere" in the file' },
    });
    expect(await snapshot(db)).toBe(before);
  });

  it('refuses to commit an import not fully staged', async () => {
    const db = await freshDB();
    const { ask } = wire(db);
    const start = await ask('importStart', { counts: { mentions: 2, crises: 0, events: 0 } });
    const importId = start.ok ? start.value.importId : '';
    await ask('importStage', { importId, store: 'mentions', records: [mention()] });
    expect(await ask('importCommit', { importId, mode: 'merge' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(
      await ask('importStage', { importId, store: 'mentions', records: [mention(), mention()] }),
    ).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('rolls the whole import back when a write fails half way', async () => {
    const db = await freshDB();
    await seed(db, sampleLog('f'));
    const before = await snapshot(db);
    const { ask } = wire(db);
    const file = sampleLog('g');
    const { importId } = await previewBackup(ask, file);
    // A unique index refuses the last write: a mention whose quote a crisis-less twin holds
    // under a third id cannot be written (here: forced by a failing put).
    const put = IDBObjectStore.prototype.put;
    let writes = 0;
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: Parameters<typeof put>
    ) {
      if (this.name === 'mentions' && ++writes === 3)
        throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const reply = await ask('importCommit', { importId, mode: 'replace' });
      expect(reply).toMatchObject({ ok: false, error: { code: 'storage-full' } });
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await snapshot(db)).toBe(before);
  });

  it('records the last backup, and only ever forward', async () => {
    const db = await freshDB();
    const { ask } = wire(db);
    await ask('backupDone', { exportedAt: '2026-11-24T10:00:00.000Z' });
    await ask('backupDone', { exportedAt: '2026-11-20T10:00:00.000Z' });
    expect((await getSettings(db)).lastBackupAt).toBe('2026-11-24T10:00:00.000Z');
    expect(await ask('backupDone', { exportedAt: '2027-01-01T00:00:00.000Z' })).toMatchObject({
      ok: false,
    });
  });

  it('records a backup over a last backup in the future (a crafted file, a clock set wrong)', async () => {
    const db = await freshDB();
    const { ask } = wire(db);
    await updateSettings(db, { lastBackupAt: '2099-01-01T00:00:00.000Z' });
    await ask('backupDone', { exportedAt: '2026-11-24T10:00:00.000Z' });
    expect((await getSettings(db)).lastBackupAt).toBe('2026-11-24T10:00:00.000Z');
  });
});
