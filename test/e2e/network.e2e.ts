/**
 * Nothing leaves the browser, proven: Chromium's network log records every request, and the
 * ones made by Vigie's contexts (service worker, popup, crisis log) must all be to its own
 * files, `blob:` or `data:`. Every e2e session checks this as its browser closes; here, a walk
 * through everything Vigie does — flag, popup, the five steps, the report's downloads, every
 * export, an import, monitoring on pages — is checked by name, after a control that shows the
 * check catches a request when there is one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { grantedCopy } from '../../scripts/lib/extension.mjs';
import { CrisisLog } from './fixtures/crisis-log';
import { extensionRequests } from './fixtures/network';
import { ActionPopup } from './fixtures/popup';
import {
  call,
  flagSelection,
  launch,
  openCrises,
  openTab,
  until,
  useVigie,
} from './fixtures/vigie';

const session = useVigie({ allUrls: true });

async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return readFileSync((await file.path())!, 'utf8');
}

describe('what leaves the browser', () => {
  it('is caught when the extension sends a request (the control)', async () => {
    const vigie = await launch(grantedCopy());
    await vigie.worker.evaluate(() =>
      fetch('http://127.0.0.1:9/sent-away?from=worker').catch(() => null),
    );
    await vigie.ext.evaluate(() =>
      fetch('http://127.0.0.1:9/sent-away?from=page').catch(() => null),
    );
    await expect(vigie.close()).rejects.toThrow('Vigie sent requests out of the browser');
    expect(extensionRequests(vigie.netLog, vigie.id).sort()).toEqual([
      'http://127.0.0.1:9/sent-away?from=page',
      'http://127.0.0.1:9/sent-away?from=worker',
    ]);
  });

  it(
    'is nothing, through a flag, the popup, five steps, the report, exports, import and monitoring',
    { timeout: 120_000 },
    async () => {
      const { vigie, server } = session;
      const article = await openTab(vigie, server.url('article.html?network'));
      await flagSelection(vigie, article, '#p3', 'this place is a scam', 'flag-into-new-crisis');
      const [crisis] = await until(
        () => openCrises(vigie),
        (list) => list.length === 1,
      );
      const popup = await ActionPopup.open(vigie, article.page);
      await popup.close();

      const log = await CrisisLog.open(vigie, `#crisis/${crisis!.id}`);
      const { page } = log;
      await page.getByRole('checkbox', { name: /^Stop further damage/ }).check();
      for (const step of [
        'Assess the damage',
        'Inform the people concerned',
        'Plan and act',
        'Learn and prevent',
      ]) {
        await page.getByRole('button', { name: `Next step: ${step}` }).click();
      }
      await page.getByRole('button', { name: 'Close the crisis' }).click();
      await page.getByRole('button', { name: 'Close anyway' }).click();
      await page.getByTestId('report').waitFor();
      expect(await download(page, 'Download Markdown')).toMatch(/^# Lumen Coffee review/);
      expect(await download(page, 'Download HTML page')).toContain('<html');

      await log.navigate('Backup and import');
      const backup = await download(page, 'Download a full backup (JSON)');
      await download(page, 'Mentions as CSV');
      await download(page, 'Actions as CSV');
      await download(page, 'Mentions as Web Annotations (JSON-LD)');
      const file = join(tmpdir(), `vigie-network-${Date.now()}.json`);
      writeFileSync(file, backup);
      await page.getByLabel('Backup file (JSON)').setInputFiles(file);
      await page.getByTestId('backup-import').click();
      await page.getByTestId('backup-import-done').waitFor();

      // Monitoring on, a watched term on a page: read, scored and offered, all in the browser.
      await call(vigie, 'updateSettings', {
        patch: { watchlist: [{ id: 'lumen', term: 'Lumen Coffee', aliases: ['Lumen'] }] },
      });
      await log.navigate('Settings');
      await page.getByTestId('settings-monitoring-switch').click();
      await expect
        .poll(() => page.getByTestId('settings-monitoring-switch').getAttribute('aria-checked'))
        .toBe('true');
      const watched = await openTab(vigie, server.url('article.html?watched'));
      const sightings = await ActionPopup.open(vigie, watched.page);
      await until(
        () => sightings.texts('popup-sighting'),
        (list) => list.length > 0,
        15_000,
      );
      await sightings.close();

      // Closed, the browser's network log is read: nothing from Vigie but its own files.
      const { netLog, id } = vigie;
      await session.restart();
      expect(extensionRequests(netLog, id)).toEqual([]);
    },
  );
});
