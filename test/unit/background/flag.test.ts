import { describe, expect, it } from 'vitest';
import { fileFlag, type FlagDeps } from '../../../src/background/flag';
import { listEvents } from '../../../src/core/db/crises';
import { mentionCounts } from '../../../src/core/db/mentions';
import { sha256Hex } from '../../../src/core/model/hash';
import { canonicalCapture } from '../../../src/core/model/mention';
import type { PageCapture } from '../../../src/core/messaging/protocol';
import { freshDB } from '../helpers';

async function deps(): Promise<FlagDeps> {
  return {
    db: await freshDB(),
    now: () => new Date('2026-11-25T09:00:00.000Z'),
    labels: { checklist: (id) => `label:${id}`, untitledCrisis: 'Untitled' },
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
      title: 'avis.example — une arnaque',
    });
    expect(crisis!.react.checklist[0]).toMatchObject({
      id: 'stop-damage',
      label: 'label:stop-damage',
    });
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
    const moved = await fileFlag(d, source, capture, { to: 'new-crisis' });
    expect(moved).toMatchObject({ duplicate: true, movedFrom: crisis!.id });
    const gone = await fileFlag(d, { ...source, selectionText: 'ailleurs' }, null, {
      to: 'crisis',
      crisisId: 'gone',
    });
    expect(gone).toMatchObject({ crisis: null, crisisGone: true, mention: { crisisId: null } });
  });
});
