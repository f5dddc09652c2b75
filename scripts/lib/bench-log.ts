/**
 * For `npm run bench` only: fills the extension's database with a large crisis log, written in
 * the stored shape the product writes (`toStored`, `newCrisis`), in a few large transactions.
 * scripts/bench.mjs bundles this file into one script and runs it in an extension page; the
 * product itself has no such bulk path.
 */
import { countChange } from '../../src/core/db/mention-counts';
import { toStored } from '../../src/core/db/mentions';
import { SCHEMA_VERSION } from '../../src/core/db/migrations';
import { PostingChanges, type PostingStore } from '../../src/core/db/postings';
import { DB_NAME, type MetaRecord, type PostingList } from '../../src/core/db/schema';
import { newCrisis } from '../../src/core/model/crisis';
import { LEVELS, type Crisis, type Mention, type Tone } from '../../src/core/model/types';
import { committed, request } from './idb-requests';

/** Words each found in 1 % of the mentions (no other word begins with one of them). */
export const MARKERS = ['chargeback', 'lawsuit', 'boycott', 'phishing', 'outage'] as const;

/** A small deterministic generator, so that every run seeds the same log. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Made-up words of two to four syllables (no h, w or y: none begins like a marker). */
function vocabulary(next: () => number, size: number): string[] {
  const consonants = 'bdfgklmnprstvz';
  const vowels = 'aeiou';
  const words = new Set<string>();
  while (words.size < size) {
    let word = '';
    const syllables = 2 + Math.floor(next() * 3);
    for (let s = 0; s < syllables; s++) {
      word += consonants[Math.floor(next() * consonants.length)]!;
      word += vowels[Math.floor(next() * vowels.length)]!;
    }
    words.add(word);
  }
  return [...words];
}

export interface SeedResult {
  mentions: number;
  crises: number;
  /** The site with the most mentions, for a filter that has something to find. */
  busiestSite: string;
}

/**
 * Adds `mentionCount` mentions and `crisisCount` crises to the database the background already
 * opened at the current schema version. About 30 % of the mentions are in a crisis.
 */
export async function seedLog(mentionCount: number, crisisCount: number): Promise<SeedResult> {
  const next = random(42);
  const pick = <T>(list: readonly T[], skew = 1) => list[Math.floor(list.length * next() ** skew)]!;
  const words = vocabulary(next, 3000);
  const sites = Array.from({ length: 400 }, () => `${pick(words)}.example`);
  const titles = Array.from({ length: 300 }, () => `${pick(words)} ${pick(words)} — reviews`);
  const tags = Array.from({ length: 20 }, () => pick(words));
  const now = Date.now();

  const db = await request(indexedDB.open(DB_NAME));
  try {
    if (db.version !== SCHEMA_VERSION) {
      throw new Error(`the database is not ready (version ${db.version})`);
    }
    const crises: Crisis[] = Array.from({ length: crisisCount }, (_, i) => {
      const openedAt = new Date(now - i * 30 * 3_600_000).toISOString();
      const crisis = newCrisis({
        title: `${pick(words)} ${pick(words)} ${pick(words)}`,
        level: pick(LEVELS),
        openedAt,
        checklist: [],
      });
      // The older ones are closed, as in a log kept for a while.
      return i < 20 ? crisis : { ...crisis, state: 'closed', step: 'closed', closedAt: openedAt };
    });
    const crisisTx = db.transaction('crises', 'readwrite');
    for (const crisis of crises) crisisTx.objectStore('crises').put(crisis);
    await committed(crisisTx);

    const perSite = new Map<string, number>();
    const added = { untriaged: 0, inbox: 0, mentions: 0 };
    const BATCH = 10_000;
    for (let from = 0; from < mentionCount; from += BATCH) {
      // Relaxed: the browser may commit without waiting for the disk, as a bench can afford.
      const tx = db.transaction(['mentions', 'postings'], 'readwrite', { durability: 'relaxed' });
      const store = tx.objectStore('mentions');
      const lists = new PostingChanges();
      for (let i = from; i < Math.min(from + BATCH, mentionCount); i++) {
        const quoteWords = Array.from({ length: 8 + Math.floor(next() * 16) }, () =>
          pick(words, 3),
        );
        const marker = MARKERS[i % 100];
        if (marker) quoteWords.splice(Math.floor(next() * quoteWords.length), 0, marker);
        const quote = `${quoteWords.join(' ')}.`;
        const site = pick(sites, 2);
        perSite.set(site, (perSite.get(site) ?? 0) + 1);
        const capturedAt = new Date(
          now - i * 9 * 60_000 - Math.floor(next() * 60_000),
        ).toISOString();
        const r = next();
        const tone: Tone = r < 0.5 ? 'negative' : r < 0.85 ? 'neutral' : 'positive';
        const crisisId = next() < 0.3 ? pick(crises).id : null;
        const mention: Mention = {
          id: crypto.randomUUID(),
          url: `https://${site}/post/${i}`,
          pageTitle: pick(titles),
          site,
          lang: 'en',
          kind: 'selection',
          quote,
          selectors: {
            quote: {
              type: 'TextQuoteSelector',
              exact: quote,
              prefix: `${pick(words)} ${pick(words)} `,
              suffix: ` ${pick(words)} ${pick(words)}`,
            },
            position: { type: 'TextPositionSelector', start: 100, end: 100 + quote.length },
          },
          linkUrl: null,
          srcUrl: null,
          capturedAt,
          captureLimit: null,
          evidence: {
            captureSha256: (i.toString(16) + 'f'.repeat(64)).slice(0, 64),
            pageCopy: null,
          },
          note: next() < 0.05 ? `${pick(words)} ${pick(words)} ${pick(words)}` : '',
          tags: next() < 0.1 ? [pick(tags)] : [],
          tone,
          toneSource: 'auto',
          reach: 'medium',
          crisisId,
          triagedAt: crisisId || next() < 0.5 ? capturedAt : null,
          updatedAt: capturedAt,
        };
        const stored = toStored(mention);
        store.put(stored);
        lists.replaced(undefined, stored);
        const change = countChange(undefined, stored);
        added.mentions += change.mentions;
        added.inbox += change.inbox;
        added.untriaged += change.untriaged;
      }
      const postings = tx.objectStore('postings');
      const listStore: PostingStore = {
        get: (key) => request<PostingList | undefined>(postings.get(key)),
        put: (value, key) => request(postings.put(value, key)),
        delete: (key) => request(postings.delete(key)),
      };
      await lists.save(listStore);
      await committed(tx);
    }
    // The counts the product keeps beside the mentions, as its own writes keep them.
    const metaTx = db.transaction('meta', 'readwrite');
    const meta = metaTx.objectStore('meta');
    const kept = await request<MetaRecord | undefined>(meta.get('mentionCounts'));
    if (kept) {
      meta.put({
        ...kept,
        mentions: kept.mentions + added.mentions,
        inbox: kept.inbox + added.inbox,
        untriaged: kept.untriaged + added.untriaged,
      });
    }
    await committed(metaTx);
    const busiestSite = [...perSite].sort((a, b) => b[1] - a[1])[0]![0];
    return { mentions: mentionCount, crises: crisisCount, busiestSite };
  } finally {
    db.close();
  }
}
