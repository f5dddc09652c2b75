/**
 * The cell on the browser's side: what goes to the outbox (only shared crises' changes, in the
 * change's own transaction), sharing a crisis whole, taking a server batch in with this
 * browser's waiting changes kept on top, and disconnecting.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  applyPulled,
  connectCell,
  disconnectCell,
  settlePush,
  shareCrisis,
} from '../../../../src/core/db/cell';
import {
  appendEvents,
  getCrisis,
  listEvents,
  moveMentions,
  newEvent,
  saveCrisis,
} from '../../../../src/core/db/crises';
import { addMention, getMention, updateMention } from '../../../../src/core/db/mentions';
import { commitImport } from '../../../../src/core/db/backup-import';
import type { VigieDatabase } from '../../../../src/core/db/open';
import { DEFAULT_SETTINGS } from '../../../../src/core/model/settings';
import { getCell, outboxEntries } from '../../../../src/core/db/outbox';
import { newCrisis } from '../../../../src/core/model/crisis';
import type { Crisis } from '../../../../src/core/model/types';
import { freshDB, mention } from '../../helpers';

const at = '2026-12-01T09:00:00.000Z';
const member = (user: string) => ({ server: 'https://couch.example', db: 'cell', user });
let db: VigieDatabase;
let crisis: Crisis;

async function opened(title = 'Bad review'): Promise<Crisis> {
  const c = newCrisis({ title, level: 2, openedAt: at, checklist: [] });
  await moveMentions(db, [], c.id, at, { crisis: c, events: [newEvent(c.id, at, 'opened')] });
  return c;
}

beforeEach(async () => {
  db = await freshDB();
  crisis = await opened();
});

describe('the outbox', () => {
  it('stays empty while no cell is connected, and for crises not shared', async () => {
    await saveCrisis(db, { ...crisis, title: 'B' }, [], {
      kind: 'change',
      change: { op: 'title', title: 'B' },
      at,
    });
    expect(await outboxEntries(db, 100)).toEqual([]);
    await connectCell(db, member('alice'), false);
    await saveCrisis(db, { ...crisis, title: 'C' }, [], {
      kind: 'change',
      change: { op: 'title', title: 'C' },
      at,
    });
    expect(await outboxEntries(db, 100)).toEqual([]);
  });

  it('takes a shared crisis whole, with its journal and mentions, then each change', async () => {
    const { mention: m } = await addMention(db, mention());
    await moveMentions(db, [m.id], crisis.id, at);
    await connectCell(db, member('alice'), false);
    expect(await shareCrisis(db, crisis.id)).toBe(true);
    const shared = await outboxEntries(db, 100);
    expect(shared.map((e) => e.kind).sort()).toEqual(['crisis', 'event', 'event', 'mention']);

    const change = { op: 'title' as const, title: 'Review storm' };
    await saveCrisis(
      db,
      { ...crisis, title: 'Review storm' },
      [newEvent(crisis.id, at, 'renamed', { title: 'Review storm' })],
      { kind: 'change', change, at },
    );
    await updateMention(db, m.id, (x) => ({ ...x, note: 'called them', updatedAt: at }));
    const after = (await outboxEntries(db, 100)).slice(shared.length);
    expect(after.map((e) => e.docId)).toEqual([
      `crisis:${crisis.id}`,
      expect.stringMatching(/^event:/),
      `mention:${m.id}`,
    ]);
    expect(after[1]?.kind === 'event' && after[1].event.by).toBe('alice');
    expect(after[2]?.kind === 'mention' && after[2].op).toEqual({
      kind: 'fields',
      fields: { note: 'called them' },
      at,
    });
    // The journal kept here says who did it too.
    expect((await listEvents(db, crisis.id)).at(-1)?.by).toBe('alice');
  });

  it('sends the earlier detection a mention moved in gives a shared crisis', async () => {
    await connectCell(db, member('alice'), false);
    await shareCrisis(db, crisis.id);
    const { mention: older } = await addMention(
      db,
      mention({ capturedAt: '2026-11-30T07:00:00.000Z' }),
    );
    await moveMentions(db, [older.id], crisis.id, at);
    expect((await getCrisis(db, crisis.id))?.openedAt).toBe('2026-11-30T07:00:00.000Z');
    const ops = (await outboxEntries(db, 100)).flatMap((e) => (e.kind === 'crisis' ? [e.op] : []));
    expect(ops.at(-1)).toEqual({ kind: 'detected', openedAt: '2026-11-30T07:00:00.000Z' });
  });

  it('shares new crises when the cell’s default says so', async () => {
    await connectCell(db, member('alice'), true);
    const fresh = await opened('Second');
    expect((await getCell(db))?.shared).toEqual([fresh.id]);
    expect((await outboxEntries(db, 100)).map((e) => e.docId)).toEqual([
      `crisis:${fresh.id}`,
      expect.stringMatching(/^event:/),
    ]);
  });

  it('keeps what was shared when the same member connects again, and only then', async () => {
    await connectCell(db, member('alice'), false);
    await shareCrisis(db, crisis.id);
    await connectCell(db, member('alice'), true);
    expect((await getCell(db))?.shared).toEqual([crisis.id]);
    await connectCell(db, { ...member('alice'), db: 'other-cell' }, true);
    expect((await getCell(db))?.shared).toEqual([]);
  });

  it('leaves an entry until the server has it', async () => {
    await connectCell(db, member('alice'), false);
    await shareCrisis(db, crisis.id);
    const entries = await outboxEntries(db, 100);
    await settlePush(db, [entries[0]!.seq!], at, 'unreachable');
    expect((await outboxEntries(db, 100)).length).toBe(entries.length - 1);
    expect((await getCell(db))?.lastError).toBe('unreachable');
  });
});

describe('applyPulled', () => {
  it('applies the server’s crisis with this browser’s waiting change on top', async () => {
    await connectCell(db, member('bob'), false);
    await shareCrisis(db, crisis.id);
    await saveCrisis(db, { ...crisis, level: 3 }, [], {
      kind: 'change',
      change: { op: 'level', level: 3 },
      at,
    });
    const server = { ...crisis, title: 'Renamed by Alice' };
    const event = { ...newEvent(crisis.id, at, 'renamed', { title: server.title }) };
    const applied = await applyPulled(
      db,
      [
        { kind: 'event', event, author: 'alice' },
        { kind: 'crisis', crisis: server, author: 'alice' },
      ],
      '7-abc',
      at,
    );
    expect(applied).toMatchObject({ crises: 1, events: 1, mentions: 0 });
    const local = await getCrisis(db, crisis.id);
    expect([local?.title, local?.level]).toEqual(['Renamed by Alice', 3]);
    expect((await listEvents(db, crisis.id)).find((e) => e.id === event.id)?.by).toBe('alice');
    expect((await getCell(db))?.since).toBe('7-abc');
  });

  it('takes a new crisis with its mentions, and leaves out mentions of crises not shared', async () => {
    await connectCell(db, member('bob'), false);
    const theirs = newCrisis({ title: 'Theirs', level: 1, openedAt: at, checklist: [] });
    const inCrisis = mention({ crisisId: theirs.id, quote: 'one' });
    const stray = mention({ crisisId: null, quote: 'two' });
    const applied = await applyPulled(
      db,
      [
        { kind: 'mention', mention: inCrisis, author: 'alice' },
        { kind: 'mention', mention: stray, author: 'alice' },
        { kind: 'crisis', crisis: theirs, author: 'alice' },
      ],
      '3-x',
      at,
    );
    expect(applied).toMatchObject({ crises: 1, mentions: 1, skipped: [] });
    expect(await getMention(db, inCrisis.id)).toBeDefined();
    expect(await getMention(db, stray.id)).toBeUndefined();
    expect((await getCell(db))?.shared).toContain(theirs.id);
  });

  it('reads the cell from the start again after an import that replaced the log', async () => {
    await connectCell(db, member('bob'), false);
    await applyPulled(db, [], '42-x', at);
    await commitImport(
      db,
      { mentions: [], crises: [], events: [], settings: DEFAULT_SETTINGS },
      new Set(),
      'replace',
    );
    expect((await getCell(db))?.since).toBe('0');
  });

  it('forgets the shared crises on disconnect when asked, and keeps them otherwise', async () => {
    await connectCell(db, member('bob'), false);
    await shareCrisis(db, crisis.id);
    await appendEvents(db, [newEvent(crisis.id, at, 'note', { text: 'x' })]);
    expect(await disconnectCell(db, false)).toBe(0);
    expect(await getCrisis(db, crisis.id)).toBeDefined();
    expect(await outboxEntries(db, 100)).toEqual([]);
    await connectCell(db, member('bob'), false);
    await shareCrisis(db, crisis.id);
    expect(await disconnectCell(db, true)).toBe(1);
    expect(await getCrisis(db, crisis.id)).toBeUndefined();
    expect(await listEvents(db, crisis.id)).toEqual([]);
  });
});
