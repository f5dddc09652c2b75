/**
 * Builders shared by the unit tests: a fresh database per test and mentions with sane fields.
 */
import { openVigieDB } from '../../src/core/db/open';
import { newId } from '../../src/core/model/ids';
import type { Mention } from '../../src/core/model/types';

let counter = 0;

/** A new, empty database under a name no other test uses. */
export function freshDB() {
  counter += 1;
  return openVigieDB(`vigie-test-${counter}-${newId()}`);
}

/** A mention captured at `capturedAt`, overridable field by field. */
export function mention(overrides: Partial<Mention> = {}): Mention {
  const capturedAt = overrides.capturedAt ?? '2026-11-20T09:00:00.000Z';
  return {
    id: newId(),
    url: 'https://news.example/article',
    pageTitle: 'An article',
    site: 'news.example',
    lang: 'en',
    kind: 'selection',
    quote: 'Lumen Coffee is a scam',
    selectors: {
      quote: {
        type: 'TextQuoteSelector',
        exact: 'Lumen Coffee is a scam',
        prefix: 'said: ',
        suffix: '.',
      },
      position: { type: 'TextPositionSelector', start: 10, end: 32 },
    },
    linkUrl: null,
    srcUrl: null,
    capturedAt,
    captureLimit: null,
    evidence: { captureSha256: 'a'.repeat(64), pageCopy: null },
    note: '',
    tags: [],
    tone: 'negative',
    toneSource: 'auto',
    reach: 'medium',
    crisisId: null,
    triagedAt: null,
    updatedAt: capturedAt,
    ...overrides,
  };
}

/** The ISO time `minutes` after a fixed morning. */
export function at(minutes: number): string {
  return new Date(Date.parse('2026-11-20T09:00:00.000Z') + minutes * 60_000).toISOString();
}
