import { describe, expect, it } from 'vitest';
import { fileFlag, type FlagDeps } from '../../../src/background/flag';
import { listEvents } from '../../../src/core/db/crises';
import { getMention, mentionCounts } from '../../../src/core/db/mentions';
import { sha256Hex } from '../../../src/core/model/hash';
import { canonicalCapture } from '../../../src/core/model/mention';
import { CUT_MARK, LIMITS } from '../../../src/core/model/limits';
import { MentionSchema } from '../../../src/core/model/schemas';
import { is as isValid } from 'valibot';
import type { PageCapture } from '../../../src/core/messaging/protocol';
import { freshDB } from '../helpers';

async function deps(): Promise<FlagDeps> {
  return {
    db: await freshDB(),
    now: () => new Date('2026-11-25T09:00:00.000Z'),
    labels: { untitledCrisis: 'Untitled' },
  };
}

const capture: PageCapture = {
  url: 'https://avis.example/lumen#avis',
  title: 'Avis Lumen',
  lang: 'fr',
  selection: {
    exact: 'une arnaque',
    quote: { type: 'TextQuoteSelector', exact: 'une arnaque', prefix: "C'est ", suffix: ', fuyez' },
    position: { type: 'TextPositionSelector', start: 6, end: 17 },
  },
};

const source = {
  pageUrl: 'https://avis.example/lumen#avis',
  pageTitle: 'Avis Lumen',
  selectionText: 'une arnaque',
};

describe('flagging', () => {
  it('stores the page, the exact quote, its selectors and the SHA-256 of the raw capture', async () => {
    const d = await deps();
    const { mention, duplicate, crisis, limit } = await fileFlag(d, source, capture, {
      to: 'inbox',
    });
    expect({ duplicate, crisis, limit }).toEqual({ duplicate: false, crisis: null, limit: null });
    expect(mention).toMatchObject({
      url: capture.url,
      pageTitle: 'Avis Lumen',
      site: 'avis.example',
      lang: 'fr',
      kind: 'selection',
      quote: 'une arnaque',
      selectors: { quote: capture.selection!.quote, position: capture.selection!.position },
      capturedAt: '2026-11-25T09:00:00.000Z',
      crisisId: null,
      triagedAt: null,
    });
    expect(mention.evidence.captureSha256).toBe(await sha256Hex(canonicalCapture(mention)));
  });

  it('keeps what the menu gave when the page cannot be read, and says so', async () => {
    const d = await deps();
    const { mention, limit } = await fileFlag(
      d,
      { pageUrl: 'chrome://settings/', pageTitle: 'Settings', linkUrl: 'https://x.example/' },
      null,
      { to: 'inbox' },
    );
    expect(limit).toBe('unscriptable');
    expect(mention).toMatchObject({
      kind: 'link',
      linkUrl: 'https://x.example/',
      captureLimit: 'unscriptable',
      selectors: null,
    });
  });

  it('does not store a second flag of the same quote on the same page', async () => {
    const d = await deps();
    const first = await fileFlag(d, source, capture, { to: 'inbox' });
    const second = await fileFlag(d, source, capture, { to: 'inbox' });
    expect(second.duplicate).toBe(true);
    expect(second.mention.id).toBe(first.mention.id);
    expect((await mentionCounts(d.db)).mentions).toBe(1);
  });

  it('opens a new crisis around the flag, journaled, with the default checklist', async () => {
    const d = await deps();
    const { mention, crisis } = await fileFlag(d, source, capture, { to: 'new-crisis' });
    expect(crisis).toMatchObject({
      level: 2,
      step: 'react',
      state: 'open',
      title: 'Avis Lumen',
    });
    // A built-in item is kept by its id: its text follows the language it is read in.
    expect(crisis!.react.checklist[0]).toMatchObject({ id: 'stop-damage', label: '' });
    expect(mention.crisisId).toBe(crisis!.id);
    expect((await listEvents(d.db, crisis!.id)).map((e) => e.type)).toEqual([
      'opened',
      'mention-linked',
    ]);
  });

  it('files a flag into an open crisis, and into the inbox when that crisis is gone', async () => {
    const d = await deps();
    const { crisis } = await fileFlag(d, source, capture, { to: 'new-crisis' });
    const other = { ...source, selectionText: 'fuyez' };
    const into = await fileFlag(d, other, null, { to: 'crisis', crisisId: crisis!.id });
    expect(into.mention.crisisId).toBe(crisis!.id);
    const moved = await fileFlag(d, other, null, { to: 'crisis', crisisId: crisis!.id });
    expect(moved).toMatchObject({ duplicate: true, movedFrom: null, crisis: { id: crisis!.id } });
    const gone = await fileFlag(d, { ...source, selectionText: 'ailleurs' }, null, {
      to: 'crisis',
      crisisId: 'gone',
    });
    expect(gone).toMatchObject({ crisis: null, crisisGone: true, mention: { crisisId: null } });
  });

  it('shortens what a page made too long, keeping the hash of what it really gave', async () => {
    const d = await deps();
    const huge = 'Lumen est une arnaque. '.repeat(6_000);
    const hostile: PageCapture = {
      url: `https://avis.example/lumen?${'q'.repeat(120_000)}`,
      title: 'T'.repeat(10_001),
      lang: 'x'.repeat(101),
      selection: {
        exact: huge.trim(),
        quote: {
          type: 'TextQuoteSelector',
          exact: huge.trim(),
          prefix: 'bloc répété '.repeat(1_000),
          suffix: ' fin',
        },
        position: { type: 'TextPositionSelector', start: 12_000, end: 12_000 + huge.length },
      },
    };
    const { mention } = await fileFlag(d, { ...source, pageUrl: hostile.url }, hostile, {
      to: 'new-crisis',
    });
    const stored = (await getMention(d.db, mention.id))!;
    expect(stored.pageTitle).toBe(`${'T'.repeat(9_997)}${CUT_MARK}`);
    expect(stored.lang).toBeNull();
    expect(stored.quote).toHaveLength(LIMITS.quote);
    expect(stored.quote.endsWith(CUT_MARK)).toBe(true);
    expect(stored.selectors!.quote.prefix!.startsWith(CUT_MARK)).toBe(true);
    expect(stored.selectors!.quote.prefix!.endsWith('bloc répété ')).toBe(true);
    expect(stored.url.endsWith(CUT_MARK)).toBe(true);
    // The fingerprint is that of the whole capture, as the page gave it.
    const whole = canonicalCapture({
      url: hostile.url,
      quote: hostile.selection!.exact,
      selectors: { quote: hostile.selection!.quote, position: hostile.selection!.position },
      linkUrl: null,
      srcUrl: null,
      capturedAt: stored.capturedAt,
    });
    expect(stored.evidence.captureSha256).toBe(await sha256Hex(whole));
    expect(isValid(MentionSchema, stored)).toBe(true);
  });

  it('opens no second crisis for a quote flagged again into a new crisis', async () => {
    const d = await deps();
    const first = await fileFlag(d, source, capture, { to: 'new-crisis' });
    const again = await fileFlag(d, source, capture, { to: 'new-crisis' });
    expect(again).toMatchObject({
      duplicate: true,
      movedFrom: null,
      crisis: { id: first.crisis!.id },
    });
    const inbox = await fileFlag(d, { ...source, selectionText: 'ailleurs' }, null, {
      to: 'inbox',
    });
    const fromInbox = await fileFlag(d, { ...source, selectionText: 'ailleurs' }, null, {
      to: 'new-crisis',
    });
    expect(fromInbox).toMatchObject({
      duplicate: true,
      crisis: null,
      mention: { id: inbox.mention.id, crisisId: null },
    });
    expect(await d.db.count('crises')).toBe(1);
  });
});
