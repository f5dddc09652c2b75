/**
 * "Keep a copy of the page" in the background, with a fake browser: only a copy of the page the
 * mention was flagged on is kept, whatever the tab went to while the copy was being made.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { freshDB, mention } from '../../helpers';

const tab = { id: 7, url: 'https://news.example/a', title: 'News A' };
/** What the page's document says it is when serialized (the tab may have moved meanwhile). */
const page = { url: tab.url, html: '<!doctype html>\n<html><head></head><body>A</body></html>' };

vi.mock('../../../../src/core/browser', () => ({
  browser: {
    tabs: { get: async () => tab },
    scripting: { executeScript: async () => [{ frameId: 0, result: { ...page } }] },
  },
}));

const { createEvidenceCalls, snapshotLocation } =
  await import('../../../../src/background/calls/evidence');
const { addMention, getMention } = await import('../../../../src/core/db/mentions');

/** An MHTML snapshot as Chromium writes it, taken of `url`. */
function mhtml(url: string): Blob {
  return new Blob([
    `From: <Saved by Blink>\r\nSnapshot-Content-Location: ${url}\r\nSubject: A\r\nMIME-Version: 1.0\r\n\r\n--boundary\r\n`,
  ]);
}

async function setup() {
  const db = await freshDB();
  const m = mention({ url: tab.url });
  await addMention(db, m);
  const handlers = createEvidenceCalls({ db, now: () => new Date('2026-12-03T10:00:00Z') });
  return { db, m, keep: () => handlers.keepPageCopy({ mentionId: m.id, tabId: tab.id }, null) };
}

afterEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
  page.url = tab.url;
});

describe('keeping a copy of the page', () => {
  it('reads the address an MHTML snapshot was taken of, folded or not', () => {
    const enc = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
    expect(snapshotLocation(enc('Snapshot-Content-Location: https://a.example/x\r\n\r\n'))).toBe(
      'https://a.example/x',
    );
    expect(
      snapshotLocation(
        enc('From: x\r\nSnapshot-Content-Location:\r\n https://a.example/y\r\n\r\n'),
      ),
    ).toBe('https://a.example/y');
    expect(snapshotLocation(enc('From: x\r\n\r\nSnapshot-Content-Location: z'))).toBeNull();
  });

  it('keeps the MHTML copy of the mention’s page', async () => {
    const { db, m, keep } = await setup();
    (globalThis as { chrome?: unknown }).chrome = {
      pageCapture: { saveAsMHTML: async () => mhtml(`${tab.url}#comments`) },
    };
    expect((await keep()).evidence.pageCopy).toMatchObject({ format: 'mhtml' });
    expect((await getMention(db, m.id))!.evidence.pageCopy).not.toBeNull();
  });

  it('keeps nothing when the tab went to another page while the copy was made', async () => {
    const { db, m, keep } = await setup();
    (globalThis as { chrome?: unknown }).chrome = {
      pageCapture: { saveAsMHTML: async () => mhtml('https://elsewhere.example/') },
    };
    await expect(keep()).rejects.toMatchObject({ code: 'wrong-page' });
    expect((await getMention(db, m.id))!.evidence.pageCopy).toBeNull();
    expect(await db.count('pageCopies')).toBe(0);
  });

  it('does the same for the HTML copy, by the address of the document serialized', async () => {
    const { db, m, keep } = await setup();
    page.url = 'https://elsewhere.example/';
    await expect(keep()).rejects.toMatchObject({ code: 'wrong-page' });
    expect((await getMention(db, m.id))!.evidence.pageCopy).toBeNull();
    page.url = tab.url;
    expect((await keep()).evidence.pageCopy).toMatchObject({ format: 'html' });
  });
});
