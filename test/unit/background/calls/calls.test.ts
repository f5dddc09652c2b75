/**
 * The background's calls from the crisis log and the settings screen, over a real (in-memory)
 * database: nothing the import would refuse is ever written, whichever call brings it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HandlerDeps } from '../../../../src/background/deps';
import type { CallArgs, BackgroundCalls } from '../../../../src/core/messaging/protocol';
import type { Mention } from '../../../../src/core/model/types';
import { at, freshDB, mention } from '../../helpers';

const session = new Map<string, unknown>();
const local = new Map<string, unknown>();
/** How much each area takes (Chromium gives session storage 10 MB). */
const quotas = { session: { bytes: Infinity }, local: { bytes: Infinity } };

vi.mock('../../../../src/core/browser', async () => {
  const { fakeBrowser, storageArea } = await import('../../fake-browser');
  const base = fakeBrowser({}).browser;
  return {
    browser: {
      ...base,
      runtime: { ...base.runtime, getManifest: () => ({ version: '0.1.0' }) },
      storage: {
        session: storageArea(session, quotas.session),
        local: storageArea(local, quotas.local),
      },
    },
  };
});

const { createHandlers } = await import('../../../../src/background/calls/index');
const { addMention, getMention, putMentions } = await import('../../../../src/core/db/mentions');
const { getSettings } = await import('../../../../src/core/db/settings');
const { getCrisis } = await import('../../../../src/core/db/crises');
const { CUT_MARK } = await import('../../../../src/core/model/limits');

async function setup() {
  const db = await freshDB();
  const deps: HandlerDeps = {
    db,
    now: () => new Date('2026-11-25T12:00:00.000Z'),
    labels: { untitledCrisis: 'Untitled' },
    changed: vi.fn(),
    notifyFlagged: vi.fn(async () => undefined),
  };
  return { db, handlers: createHandlers(deps) };
}

/** A call's error code, or 'ok'. */
async function outcome(run: () => unknown): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

beforeEach(() => {
  session.clear();
  local.clear();
  quotas.session.bytes = Infinity;
  quotas.local.bytes = Infinity;
});

describe('what the crisis log and the settings send', () => {
  it('refuses settings the import would refuse, and keeps the saved ones', async () => {
    const { db, handlers } = await setup();
    const before = await getSettings(db);
    const bad: Partial<Record<string, unknown>>[] = [
      { theme: 'neon' },
      { backupReminderDays: 0 },
      { watchlist: [{ id: 'w', term: 'x', aliases: 'not a list' }] },
      { stakeholders: [{ id: 'p', name: 'N'.repeat(1_001), role: 'boss' }] },
    ];
    for (const patch of bad) {
      const args = { patch } as unknown as CallArgs<BackgroundCalls, 'updateSettings'>;
      expect(await outcome(() => handlers.updateSettings(args, null))).toBe('bad-request');
    }
    expect(await getSettings(db)).toEqual(before);
  });

  it('refuses an edit of a mention that no import would take, and keeps the mention', async () => {
    const { db, handlers } = await setup();
    const m = mention();
    await addMention(db, m);
    const patch = { tone: 'furious' } as unknown as CallArgs<
      BackgroundCalls,
      'updateMention'
    >['patch'];
    expect(await outcome(() => handlers.updateMention({ id: m.id, patch }, null))).toBe(
      'bad-request',
    );
    expect(await getMention(db, m.id)).toEqual(m);
  });

  it('refuses a change of a crisis the import would refuse, and keeps the crisis', async () => {
    const { db, handlers } = await setup();
    const crisis = await handlers.createCrisis(
      { title: 'Refunds', level: 2, mentionIds: [] },
      null,
    );
    // The step screens' texts are cut to their fields' lengths on the way; an id is not text.
    const row = {
      id: 'd'.repeat(101),
      area: 'press' as const,
      customArea: '',
      degree: 3 as const,
      cost: 100,
      currency: 'EUR',
      note: 'Threads on two forums',
      mentionIds: [],
      accepted: false,
    };
    const change = { op: 'damage' as const, row };
    expect(await outcome(() => handlers.updateCrisis({ id: crisis.id, change }, null))).toBe(
      'bad-request',
    );
    expect(await getCrisis(db, crisis.id)).toEqual(crisis);
  });

  it('brings back, shortened, a mention an earlier Vigie stored over the limits', async () => {
    const { db, handlers } = await setup();
    // Earlier versions stored a page's title whatever its length; putMentions now refuses it,
    // so it is written the way the earlier version wrote it.
    const old: Mention = mention({ pageTitle: 'T'.repeat(10_001) });
    await db.put('mentions', {
      ...old,
      pageKey: old.url,
      dedupeKey: JSON.stringify(old.id),
      inboxAt: old.capturedAt,
    });
    const ok = mention({ quote: 'a second one' });
    await putMentions(db, [ok]);
    const { undoToken, deleted } = await handlers.deleteMentions({ ids: [old.id, ok.id] }, null);
    expect(deleted).toBe(2);
    expect(await handlers.restoreMentions({ undoToken }, null)).toEqual({ restored: 2 });
    expect((await getMention(db, old.id))!.pageTitle).toBe(`${'T'.repeat(9_997)}${CUT_MARK}`);
    expect(await getMention(db, ok.id)).toEqual(ok);
  });
});

describe('a large deletion', () => {
  /** `n` mentions of about a kilobyte each, stored. */
  async function many(n: number) {
    const { db, handlers } = await setup();
    const list = Array.from({ length: n }, (_, i) =>
      mention({ quote: `complaint ${i} ${'x'.repeat(800)}`, capturedAt: at(i) }),
    );
    await putMentions(db, list);
    return { db, handlers, ids: list.map((m) => m.id) };
  }

  it('is kept for undo in batches, past the session’s room, and undone whole', async () => {
    const { db, handlers, ids } = await many(1_300);
    // Room in the session for about one batch of 500: the rest goes to local storage.
    quotas.session.bytes = 1_000_000;
    const done = await handlers.deleteMentions({ ids }, null);
    expect(done).toMatchObject({ deleted: 1_300, notDeleted: 0 });
    expect(await db.count('mentions')).toBe(0);
    expect(session.size).toBe(1);
    expect(local.size).toBe(2);
    expect(await handlers.restoreMentions({ undoToken: done.undoToken }, null)).toEqual({
      restored: 1_300,
    });
    expect(await db.count('mentions')).toBe(1_300);
    expect(session.size + local.size).toBe(0);
  });

  it('stops at a batch no storage can keep, and says how many it left', async () => {
    const { db, handlers, ids } = await many(1_200);
    quotas.session.bytes = 1_000_000;
    quotas.local.bytes = 0;
    const done = await handlers.deleteMentions({ ids }, null);
    expect(done).toMatchObject({ deleted: 500, notDeleted: 700 });
    expect(await db.count('mentions')).toBe(700);
    await handlers.restoreMentions({ undoToken: done.undoToken }, null);
    expect(await db.count('mentions')).toBe(1_200);
  });

  it('deletes nothing when not even its first batch can be kept', async () => {
    const { db, handlers, ids } = await many(10);
    quotas.session.bytes = 0;
    quotas.local.bytes = 0;
    expect(await outcome(() => handlers.deleteMentions({ ids }, null))).toBe('storage-full');
    expect(await db.count('mentions')).toBe(10);
  });
});
