/**
 * Vigie in a Firefox private window (allowed by the user): there, the background cannot read a
 * file the page chose (its blob: address belongs to the private session, which the background
 * is not in), so an import sends the records in pages instead; the log is restored all the same.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CrisisPage } from '../../src/core/messaging/protocol';
import {
  call,
  clickText,
  downloaded,
  openPrivately,
  recordCalls,
  recordedCalls,
  route,
  useFirefox,
  wipeLog,
} from './fixtures/firefox';

const ff = useFirefox();

const crises = async () =>
  (await call<CrisisPage>(ff, 'listCrises', { state: 'all', limit: 50, after: null })).items;

describe('Vigie in a private window', () => {
  it('imports a full backup there, the records sent in pages', async () => {
    await call(ff, 'createCrisis', { title: 'Fake reviews wave', level: 2, mentionIds: [] });
    const before = await crises();
    await route(ff, '#backup');
    const text = await downloaded(ff, () =>
      clickText(ff, 'button', 'Download a full backup (JSON)'),
    );
    await wipeLog(ff.log);
    expect(await crises()).toEqual([]);
    const path = join(mkdtempSync(join(tmpdir(), 'vigie-ff-private-')), 'backup.json');
    writeFileSync(path, text);

    ff.log = await openPrivately(ff, 'dashboard/index.html#backup');
    await ff.log.waitForSelector('body[data-ready="true"]');
    await recordCalls(ff.log);
    const input = (await ff.log.waitForSelector('input[type="file"]'))!;
    await input.uploadFile(path);
    await ff.log.waitForSelector('[data-testid="backup-preview"]');
    await ff.log.locator('[data-testid="backup-import"]').click();
    await ff.log.waitForSelector('[data-testid="backup-import-done"]');

    expect(await crises()).toEqual(before);
    // The background was handed the file, could not read it, and was sent the records.
    const calls = await recordedCalls(ff.log);
    expect(calls.indexOf('importStageFile')).toBeGreaterThan(-1);
    expect(calls.indexOf('importStage')).toBeGreaterThan(calls.indexOf('importStageFile'));
    expect(ff.errors).toEqual([]);
  });
});
