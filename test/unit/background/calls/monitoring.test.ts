/**
 * The background's side of monitoring with a fake browser and a real (in-memory) database:
 * what a page's script may ask and report, the scoring of its sightings, what the popup shows
 * of it, the one-click flag of a sighting, and the spike alert.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HandlerDeps } from '../../../../src/background/deps';
import type { Runtime } from '../../../../src/core/browser';
import type { PageRead } from '../../../../src/core/monitoring/page-read';
import { sightingId } from '../../../../src/core/monitoring/report';
import type * as Sentiment from '../../../../src/core/sentiment';
import type { Mention } from '../../../../src/core/model/types';
import { freshDB, mention } from '../../helpers';
import { fakeBrowser } from '../../fake-browser';

const stores = { session: new Map<string, unknown>(), local: new Map<string, unknown>() };
const notices: { id: string; options: Record<string, unknown> }[] = [];
const tabs = new Map<number, { id: number; url: string; title: string }>();

function area(map: Map<string, unknown>) {
  return {
    async get(key: string | null) {
      if (key === null) return Object.fromEntries(map);
      return map.has(key) ? { [key]: structuredClone(map.get(key)) } : {};
    },
    async set(items: Record<string, unknown>) {
      for (const [k, v] of Object.entries(items)) map.set(k, structuredClone(v));
    },
    async remove(keys: string | string[]) {
      for (const k of [keys].flat()) map.delete(k);
    },
  };
}

vi.mock('../../../../src/core/browser', () => {
  const base = fakeBrowser({}).browser;
  return {
    browser: {
      ...base,
      storage: { session: area(stores.session), local: area(stores.local) },
      tabs: {
        get: async (id: number) => {
          const tab = tabs.get(id);
          if (!tab) throw new Error('No tab');
          return tab;
        },
        query: async () => [...tabs.values()],
        sendMessage: async () => ({ ok: true, value: {} }),
      },
      notifications: {
        async create(id: string, options: Record<string, unknown>) {
          notices.push({ id, options });
          return id;
        },
      },
    },
  };
});

// The real scorer, watched: how many sentences the background scores.
vi.mock('../../../../src/core/sentiment', async (importOriginal) => {
  const real = await importOriginal<typeof Sentiment>();
  return { ...real, scoreNegativity: vi.fn(real.scoreNegativity) };
});

const { scoreNegativity } = await import('../../../../src/core/sentiment');
const { createMonitorHandlers, createMonitoringCalls, followMonitoringSetting, popupWatch } =
  await import('../../../../src/background/calls/monitoring');
const { checkSpike, countSightings, openSpikeCrisis } =
  await import('../../../../src/background/spike-alert');
const { addMention, getMention } = await import('../../../../src/core/db/mentions');
const { getSettings, updateSettings } = await import('../../../../src/core/db/settings');
const { readTabWatch, rescoreTabs } = await import('../../../../src/background/tab-watch');

const URL_A = 'https://news.example/a';
const NOW = new Date('2026-11-25T12:00:00.000Z');

async function setup(monitoring = true) {
  const db = await freshDB();
  await updateSettings(db, {
    monitoring,
    watchlist: [{ id: 'acme', term: 'ACME', aliases: [] }],
    wordRules: [{ word: 'twice', rule: 'always-negative' }],
  });
  const deps: HandlerDeps = {
    db,
    now: () => NOW,
    labels: { untitledCrisis: 'Untitled' },
    changed: vi.fn(),
    notifyFlagged: vi.fn(async () => undefined),
  };
  return {
    db,
    deps,
    monitor: createMonitorHandlers(deps),
    calls: createMonitoringCalls(deps, {
      scripting: {} as never,
      permissions: {} as never,
      tabs: { query: async () => [], sendMessage: async () => ({}) } as never,
    }),
  };
}

const sender = (tabId: number, url: string, frameId = 0) =>
  ({ id: 'vigie', tab: { id: tabId }, url, frameId }) as unknown as Runtime.MessageSender;

/**
 * A page's read as its script sends it: each sentence a paragraph (a block) of its own, after
 * an intro the page shows.
 */
function read(sentences: string[], overrides: Partial<PageRead> = {}): PageRead {
  let text = 'Intro. ';
  const shown = [0, text.length];
  const blocks = [0, text.length];
  for (const sentence of sentences) {
    shown.push(text.length, text.length + sentence.length);
    blocks.push(text.length, text.length + sentence.length);
    text += sentence;
  }
  return { title: 'News A', lang: 'en', text, shown, blocks, pre: [], cut: false, ...overrides };
}

const OPENED = 'ACME opened a shop.';
const CHARGED = 'ACME charged me twice, a scam.';
const page = (overrides: Partial<PageRead> = {}) => read([OPENED, CHARGED], overrides);
/** The id the background gives the sighting of this sentence. */
const idOf = (exact: string) => sightingId('acme', exact);

beforeEach(() => {
  stores.session.clear();
  stores.local.clear();
  notices.length = 0;
  tabs.clear();
  tabs.set(7, { id: 7, url: URL_A, title: 'News A' });
  vi.mocked(scoreNegativity).mockClear();
});

describe("a page's monitoring start script", () => {
  it('gets the watch added to its loaded page only when on, and only in the top frame', async () => {
    const added: { files: string[]; target: unknown }[] = [];
    const scripting = {
      insertCSS: vi.fn(async (o: { files: string[]; target: unknown }) => {
        added.push(o);
      }),
      executeScript: vi.fn(async (o: { files: string[]; target: unknown }) => {
        added.push(o);
        return [];
      }),
    };
    const on = await setup();
    const monitor = createMonitorHandlers(on.deps, scripting as never);
    expect(await monitor.monitorStart({}, sender(7, URL_A))).toEqual({ started: true });
    // The script alone: its stylesheet only when the user asks to see the highlights.
    expect(added).toEqual([{ target: { tabId: 7, frameIds: [0] }, files: ['monitor.js'] }]);
    // A frame inside the page gets nothing.
    expect(await monitor.monitorStart({}, sender(7, URL_A, 2))).toEqual({ started: false });

    // Monitoring turned off since the page asked: nothing added.
    const off = await setup(false);
    const offMonitor = createMonitorHandlers(off.deps, scripting as never);
    expect(await offMonitor.monitorStart({}, sender(7, URL_A))).toEqual({ started: false });
    expect(added).toHaveLength(1);
  });
});

describe("a page's monitoring script", () => {
  it('is told only whether to read its page: nothing of the watchlist or of what was flagged', async () => {
    const { db, monitor } = await setup();
    const here = mention({ url: `${URL_A}#comments` });
    await addMention(db, here);
    const config = await monitor.monitorConfig({}, sender(7, URL_A));
    expect(config).toEqual({ on: true });
    // A frame inside the page is told nothing to do.
    expect(await monitor.monitorConfig({}, sender(7, URL_A, 3))).toEqual({ on: false });
    const off = await setup(false);
    expect(await off.monitor.monitorConfig({}, sender(7, URL_A))).toEqual({ on: false });
  });

  it('reads are searched in the background; the popup shows them for that page, most negative first', async () => {
    const { db, monitor } = await setup();
    const gone = mention({ url: URL_A, quote: 'no longer there' });
    const there = mention({
      url: URL_A,
      quote: CHARGED,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: CHARGED, prefix: 'shop.', suffix: '' },
        position: { type: 'TextPositionSelector', start: 26, end: 56 },
      },
    });
    const elsewhere = mention({ url: 'https://news.example/other' });
    for (const m of [gone, there, elsewhere]) await addMention(db, m);
    const answer = await monitor.monitorReport(page(), sender(7, URL_A));
    // The page is answered the same whatever was found.
    expect(answer).toEqual({ stored: true });

    const watch = await popupWatch(db, 7, `${URL_A}#top`);
    // The sentence already flagged (its quote is a mention of the page) is not offered again.
    expect(watch?.sightings.map((s) => [s.sentence, s.negative, s.mentionId])).toEqual([
      [CHARGED, true, there.id],
      [OPENED, false, null],
    ]);
    expect(watch?.sightings[0]?.id).toBe(idOf(CHARGED));
    expect(watch).toMatchObject({ sightingCount: 2, shown: false });
    // Only this page's mentions are said to be missing from it; the one found again is not.
    expect(watch?.notFound.map((m: Mention) => m.id)).toEqual([gone.id]);
    // Another page in the same tab: nothing of the old one shows.
    expect(await popupWatch(db, 7, 'https://news.example/b')).toEqual({
      shown: false,
      sightings: [],
      sightingCount: 0,
      notFound: [],
    });
  });

  it('never refuses a read for its size: it is cut, sighting by sighting; only a wrong shape is refused', async () => {
    const { db, monitor } = await setup();
    // A title and a language a hostile page made huge, blocks repeated thousands of times.
    const huge = read(
      Array.from({ length: 3_000 }, (_, i) => `ACME said ${i}, a scam. `),
      {
        title: 'T'.repeat(20_000),
        lang: 'x'.repeat(500),
      },
    );
    expect(await monitor.monitorReport(huge, sender(7, URL_A))).toEqual({ stored: true });
    const watch = await popupWatch(db, 7, URL_A);
    expect(watch?.sightingCount).toBe(50);
    const kept = (await readTabWatch(7))!;
    expect(kept.title).toHaveLength(10_000);
    expect(kept.lang).toBeNull();

    const bad = [
      { ...page(), extra: 1 },
      { ...page(), text: 42 },
      { ...page(), shown: ['a'] },
      { ...page(), shown: [-1, 3] },
    ];
    for (const args of bad) {
      await expect(monitor.monitorReport(args as PageRead, sender(7, URL_A))).rejects.toThrow(
        /Malformed/,
      );
    }
    await expect(monitor.monitorReport(page(), sender(7, URL_A, 2))).rejects.toThrow(/top frame/);
  });

  it("scores the sightings in the page's language, with the user's word rules", async () => {
    const { db, monitor } = await setup();
    await updateSettings(db, { wordRules: [{ word: 'shop', rule: 'always-negative' }] });
    const sentences = ['ACME opened a shop.', 'ACME, pain au chocolat.', 'ACME est nul.'];
    await monitor.monitorReport(read(sentences, { lang: 'fr-FR' }), sender(7, URL_A));
    const watch = await popupWatch(db, 7, URL_A);
    // "pain" is no complaint in French; "shop" is negative by the user's rule.
    expect(watch?.sightings.map((s) => [s.sentence, s.negative])).toEqual([
      ['ACME opened a shop.', true],
      ['ACME est nul.', true],
      ['ACME, pain au chocolat.', false],
    ]);
    expect(watch?.sightings[0]?.score).toBe(1);
  });

  it('scores a sentence once per tab as reports repeat, and again when the rules change', async () => {
    const { db, monitor } = await setup();
    const scored = () => vi.mocked(scoreNegativity).mock.calls.map(([text]) => text);
    await monitor.monitorReport(page(), sender(7, URL_A));
    expect(scored()).toEqual([OPENED, CHARGED]);

    // The page is read again with one more sentence: only the new one is scored.
    const more = read([OPENED, CHARGED, 'ACME is great.']);
    await monitor.monitorReport(more, sender(7, URL_A));
    expect(scored().slice(2)).toEqual(['ACME is great.']);
    expect(
      (await popupWatch(db, 7, URL_A))?.sightings.map((s) => [s.sentence, s.negative]),
    ).toEqual([
      [CHARGED, true],
      [OPENED, false],
      ['ACME is great.', false],
    ]);

    // The same sightings in another tab, or after a change of the word rules: scored anew.
    tabs.set(8, { id: 8, url: URL_A, title: 'News A' });
    await monitor.monitorReport(more, sender(8, URL_A));
    expect(scored()).toHaveLength(6);
    await updateSettings(db, {
      wordRules: [
        { word: 'scam', rule: 'never-negative' },
        { word: 'charged', rule: 'never-negative' },
      ],
    });
    await monitor.monitorReport(more, sender(7, URL_A));
    expect(scored()).toHaveLength(9);
    const watch = await popupWatch(db, 7, URL_A);
    expect(watch?.sightings.find((s) => s.id === idOf(CHARGED))?.negative).toBe(false);
  });

  it('scores the sentences it holds again when the word rules change, without the page', async () => {
    const { db, monitor } = await setup();
    await monitor.monitorReport(page(), sender(7, URL_A));
    const negative = async () =>
      (await popupWatch(db, 7, URL_A))?.sightings.map((s) => [s.sentence, s.negative]);
    expect(await negative()).toEqual([
      [CHARGED, true],
      [OPENED, false],
    ]);
    const rules = [
      { word: 'scam', rule: 'never-negative' as const },
      { word: 'charged', rule: 'never-negative' as const },
      { word: 'shop', rule: 'always-negative' as const },
    ];
    await updateSettings(db, { wordRules: rules });
    await rescoreTabs(rules);
    expect(await negative()).toEqual([
      [OPENED, true],
      [CHARGED, false],
    ]);
  });

  it('counts the new negative sightings for the spike alert, once each', async () => {
    const { monitor } = await setup();
    await monitor.monitorReport(page(), sender(7, URL_A));
    await monitor.monitorReport(page(), sender(7, URL_A));
    const hours = stores.local.get('spikeSightingHours') as Record<string, unknown>;
    expect(Object.values(hours)).toEqual([{ 'news.example': 1 }]);
  });

  it('is ignored once monitoring is off', async () => {
    const { db, monitor } = await setup(false);
    expect(await monitor.monitorReport(page(), sender(7, URL_A))).toEqual({ stored: false });
    expect(await popupWatch(db, 7, URL_A)).toBeUndefined();
  });
});

describe('one-click flag of a sighting', () => {
  it('files the sentence with its selectors, as a right-click would, once', async () => {
    const { db, deps, monitor, calls } = await setup();
    await monitor.monitorReport(page(), sender(7, URL_A));
    const outcome = await calls.flagSighting(
      { tabId: 7, sightingId: idOf(CHARGED), into: { to: 'inbox' } },
      null,
    );
    const stored = await getMention(db, outcome.mention.id);
    expect(stored).toMatchObject({
      url: URL_A,
      pageTitle: 'News A',
      kind: 'selection',
      quote: 'ACME charged me twice, a scam.',
      selectors: {
        quote: { exact: CHARGED, prefix: 'Intro. ACME opened a shop.', suffix: '' },
        position: { start: 26, end: 56 },
      },
      captureLimit: null,
      lang: 'en',
    });
    expect(deps.notifyFlagged).toHaveBeenCalledOnce();
    // The popup now shows it flagged.
    const watch = await popupWatch(db, 7, URL_A);
    expect(watch?.sightings[0]).toMatchObject({ id: idOf(CHARGED), mentionId: stored!.id });
    // A second click stores nothing new.
    const again = await calls.flagSighting(
      { tabId: 7, sightingId: idOf(CHARGED), into: { to: 'inbox' } },
      null,
    );
    expect(again.duplicate).toBe(true);
  });

  it('refuses a sighting of a page the tab has left', async () => {
    const { monitor, calls } = await setup();
    await monitor.monitorReport(page(), sender(7, URL_A));
    tabs.set(7, { id: 7, url: 'https://news.example/b', title: 'B' });
    await expect(
      calls.flagSighting({ tabId: 7, sightingId: idOf(CHARGED), into: { to: 'inbox' } }, null),
    ).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('the spike alert', () => {
  const DAY = 86_400_000;

  it('rings when the last 24 hours run above the week, once a day, and opens a crisis', async () => {
    const { db, deps } = await setup();
    // A quiet week: one or two flags a day.
    for (let d = 1; d <= 7; d++) {
      for (let i = 0; i < 1 + (d % 2); i++) {
        const at = new Date(NOW.getTime() - d * DAY - i * 3_600_000).toISOString();
        await addMention(db, mention({ capturedAt: at, quote: `old ${d} ${i}` }));
      }
    }
    expect(await checkSpike(deps)).toBeNull();

    // Today: three flags and nine negative sightings.
    const today: Mention[] = [];
    for (let i = 0; i < 3; i++) {
      const m = mention({
        capturedAt: new Date(NOW.getTime() - i * 3_600_000).toISOString(),
        quote: `today ${i}`,
      });
      today.push(m);
      await addMention(db, m);
    }
    for (const site of ['news.example', 'blog.example', 'forum.example']) {
      await countSightings(site, 3, NOW);
    }
    const spike = await checkSpike(deps);
    expect(spike).toMatchObject({ last24h: 12 });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.id).toMatch(/^spike\|/);
    expect(notices[0]!.options).toMatchObject({
      title: 'Unusual number of negative mentions',
      buttons: [{ title: 'Open a crisis' }],
    });
    expect(String(notices[0]!.options.message)).toMatch(/^12 flags and negative sightings/);

    // Not again the same day.
    await countSightings('shop.example', 3, NOW);
    expect(await checkSpike(deps)).toBeNull();
    expect(notices).toHaveLength(1);

    // "Open a crisis": the last 24 hours' inbox mentions go into one.
    const crisis = await openSpikeCrisis(deps);
    expect(crisis.title).toBe('Spike in negative mentions');
    for (const m of today) expect((await getMention(db, m.id))?.crisisId).toBe(crisis.id);
    const older = (await db.getAll('mentions')).filter((m) => m.quote.startsWith('old'));
    expect(older).toHaveLength(11);
    for (const m of older) expect(m.crisisId).toBeNull();
  });

  it('takes at most a few sightings an hour from one site, however it reloads', async () => {
    const { deps } = await setup();
    // One page reloading itself, or changing its address, all day long.
    for (let i = 0; i < 200; i++) await countSightings('spam.example', 50, NOW);
    expect(await checkSpike(deps)).toBeNull();
    const stored = stores.local.get('spikeSightingHours') as Record<string, Record<string, number>>;
    expect(Object.values(stored).flatMap((sites) => Object.values(sites))).toEqual([3]);
  });

  it('is not silenced by a time in the future', async () => {
    const { deps } = await setup();
    stores.local.set('spikeNotifiedAt', NOW.getTime() + 365 * DAY);
    // An hour in the future is dropped, not counted, and a site's hour of an earlier version
    // (one number) counts as one site's.
    stores.local.set('spikeSightingHours', { [String(NOW.getTime() + 2 * DAY)]: 1_000_000 });
    for (const site of ['a.example', 'b.example']) await countSightings(site, 3, NOW);
    expect(await checkSpike(deps)).toMatchObject({ last24h: 6 });
  });
});

describe('after an import', () => {
  /** Registrations, the access to pages and the calls to open pages, as the switch sees them. */
  function apis(granted: boolean) {
    const state = { registered: [] as string[], granted, sent: [] as string[] };
    const fake = {
      scripting: {
        getRegisteredContentScripts: async () => state.registered.map((id) => ({ id, js: [] })),
        registerContentScripts: async (list: { id: string }[]) =>
          void state.registered.push(...list.map((s) => s.id)),
        unregisterContentScripts: async () => void (state.registered = []),
      },
      permissions: {
        contains: async () => state.granted,
        remove: async () => !(state.granted = false),
      },
      tabs: {
        query: async () => [{ id: 7 }],
        sendMessage: async (_id: number, message: { call: string }) =>
          void state.sent.push(message.call),
      },
    };
    return { state, apis: fake as never };
  }

  it('stops monitoring at once when the imported settings have it off', async () => {
    const { db } = await setup(false);
    const fake = apis(true);
    fake.state.registered = ['vigie-monitor'];
    await followMonitoringSetting({ db }, fake.apis);
    expect(fake.state).toMatchObject({ registered: [], granted: false, sent: ['monitorClear'] });
  });

  it('watches again with the imported watchlist when they have it on', async () => {
    const { db } = await setup(true);
    const fake = apis(true);
    await followMonitoringSetting({ db }, fake.apis);
    expect(fake.state).toMatchObject({ registered: ['vigie-monitor'], sent: ['monitorRefresh'] });
  });

  it('turns it off, and says so in the settings, when the browser gives no access to pages', async () => {
    const { db } = await setup(true);
    const fake = apis(false);
    await followMonitoringSetting({ db }, fake.apis);
    expect(fake.state).toMatchObject({ registered: [], sent: ['monitorClear'] });
    expect((await getSettings(db)).monitoring).toBe(false);
  });
});
