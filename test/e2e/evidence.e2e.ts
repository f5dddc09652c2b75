/**
 * Evidence in real Chromium: "Keep a copy of the page" from the popup saves the page whole as
 * MHTML (pageCapture, granted here as the user's "Allow" would), the crisis log verifies the
 * capture's and the copy's hashes, edits of note and tags leave them matching, and the copy
 * downloads as the very bytes that were hashed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PageCopyFile } from '../../src/core/messaging/protocol';
import type { Mention } from '../../src/core/model/types';
import { CrisisLog } from './fixtures/crisis-log';
import { ActionPopup } from './fixtures/popup';
import { call, flagSelection, openTab, shoot, stored, until, useVigie } from './fixtures/vigie';

const session = useVigie({ pageCapture: true });
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('evidence', () => {
  let flagged: Mention;

  it('keeps an MHTML copy of the page from the popup, with the SHA-256 of its bytes', async () => {
    const { vigie, server } = session;
    const article = await openTab(vigie, server.url('article.html'));
    await flagSelection(vigie, article, '#p1', 'charged us twice');
    flagged = await stored(vigie, (m) => m.quote === 'charged us twice');
    expect(flagged.evidence.pageCopy).toBeNull();

    const popup = await ActionPopup.open(vigie, article.page);
    await popup.click('popup-keep-copy');
    // The popup's whole text, so that a failure shows what the popup said instead.
    await until(
      () => popup.bodyText(),
      (text) => text.includes('Copy of the page kept'),
      20_000,
    );
    expect(await popup.text('popup-copy-kept')).toMatch(/^Copy of the page kept \(\d+ kB\)$/);
    expect(await popup.text('popup-status')).toBe(
      'A copy of the page is kept with the mention, with its fingerprint.',
    );
    await popup.screenshot('popup-copy-kept');
    await popup.close();

    const kept = await stored(vigie, (m) => m.id === flagged.id && m.evidence.pageCopy !== null);
    const ref = kept.evidence.pageCopy!;
    expect(ref.format).toBe('mhtml');
    const file = await call<PageCopyFile>(vigie, 'getPageCopy', { mentionId: flagged.id });
    const bytes = Buffer.from(file.base64, 'base64');
    expect(bytes.length).toBe(ref.bytes);
    expect(sha256(bytes)).toBe(ref.sha256);
    const mhtml = bytes.toString('latin1');
    expect(mhtml).toContain('Snapshot-Content-Location: ' + server.url('article.html'));
    expect(mhtml).toContain('charged us twice');
    // The capture hash of the flag is untouched by the copy.
    expect(kept.evidence.captureSha256).toBe(flagged.evidence.captureSha256);
  });

  it('verifies both hashes in the crisis log, before and after the note and tags change', async () => {
    const { vigie } = session;
    const log = await CrisisLog.open(vigie, '#inbox');
    const row = log.mention('charged us twice');
    await row.getByTestId('log-mention-evidence').click();
    const panel = row.getByTestId('log-evidence');
    await expect
      .poll(() => panel.getByTestId('log-evidence-copy').textContent())
      .toMatch(
        /^Copy of the page: MHTML \(the whole page, images and styles included\), \d+ kB, kept /,
      );
    await panel.getByTestId('log-evidence-verify').click();
    const checks = panel.getByTestId('log-evidence-checks');
    await checks.waitFor();
    expect(await checks.getByRole('listitem').allTextContents()).toEqual([
      'The capture matches its fingerprint: its address, quote, selectors and time are those the fingerprint was made from. This shows they were not changed since; it does not show when or by whom the fingerprint was made (a backup file carries both).',
      'The copy of the page matches its fingerprint.',
    ]);
    await shoot(log.page, 'log-evidence');

    await log.edit('charged us twice', { note: 'Sent to legal', tags: 'legal, press' });
    // The panel stays open; the check it showed was of the record before the edit.
    await expect.poll(() => row.getByTestId('log-evidence-checks').count()).toBe(0);
    await row.getByTestId('log-evidence-verify').click();
    await row.getByTestId('log-evidence-checks').waitFor();
    expect(
      await row.getByTestId('log-evidence-checks').getByRole('listitem').allTextContents(),
    ).toEqual([
      'The capture matches its fingerprint: its address, quote, selectors and time are those the fingerprint was made from. This shows they were not changed since; it does not show when or by whom the fingerprint was made (a backup file carries both).',
      'The copy of the page matches its fingerprint.',
    ]);
    await log.page.close();
  });

  it('downloads the copy as the bytes that were hashed', async () => {
    const { vigie } = session;
    const log = await CrisisLog.open(vigie, '#inbox');
    const row = log.mention('charged us twice');
    await row.getByTestId('log-mention-evidence').click();
    const [download] = await Promise.all([
      log.page.waitForEvent('download'),
      row.getByTestId('log-evidence-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^vigie-127-0-0-1-\d{4}-\d{2}-\d{2}\.mhtml$/);
    const saved = readFileSync((await download.path())!);
    const kept = await stored(vigie, (m) => m.id === flagged.id);
    expect(sha256(saved)).toBe(kept.evidence.pageCopy!.sha256);
    await log.page.close();
  });
});
