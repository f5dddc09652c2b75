/**
 * Backups in real Chromium, driven through the backup screen: a full backup downloads, and
 * after the log is deleted, importing it brings every record back exactly; the spreadsheet and
 * annotation exports download. A service worker stopped while an import is staged or written
 * leaves the log with exactly its old contents or exactly the new ones, never a mix.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { backupText, buildBackup } from '../../src/core/backup/build';
import type { BackupData } from '../../src/core/backup/format';
import { mergeSettings } from '../../src/core/model/settings';
import type { Crisis, CrisisEvent, Mention } from '../../src/core/model/types';
import {
  download,
  dump,
  openBackupScreen as openScreen,
  stopWorker as stopAll,
  wipe,
  type Dump,
} from './fixtures/log-store';
import { call, flagSelection, openTab, shoot, stored, useVigie } from './fixtures/vigie';

const session = useVigie();
const openBackupScreen = () => openScreen(session.vigie);
const stopWorker = (page: Page) => stopAll(session.vigie, page);

/** A backup of `n` new mentions (and one crisis with its journal), ids starting with `tag`. */
async function bigBackup(tag: string, n: number): Promise<{ data: BackupData; text: string }> {
  const at = (i: number) => new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString();
  const crisisId = `${tag}-crisis`;
  const base: Crisis = {
    id: crisisId,
    title: `${tag} imported crisis`,
    level: 2,
    openedAt: at(0),
    step: 'closed',
    steps: { react: 'done', assess: 'done', inform: 'done', plan: 'done', learn: 'done' },
    // Closed: an open crisis this old would at once get reminders journaled, and the test
    // compares journals.
    state: 'closed',
    closedAt: at(1),
    updatedAt: at(1),
    react: { checklist: [] },
    assess: { damages: [] },
    inform: {
      stakeholders: [],
      subject: '',
      message: '',
      lang: null,
      variant: null,
      fault: 'unknown',
    },
    plan: { actions: [], apologies: [], updates: [] },
    learn: {
      whatHappened: '',
      whys: [],
      decision: '',
      circumstances: '',
      rootCause: '',
      precautions: [],
      watchTerms: [],
    },
  };
  const mentions: Mention[] = Array.from({ length: n }, (_, i) => {
    const quote = `${tag} complaint number ${i}: ${'the order never came and nobody answers. '.repeat(8)}`;
    return {
      id: `${tag}-${String(i).padStart(6, '0')}`,
      url: `https://forum.example/${tag}/thread/${i}`,
      pageTitle: `Thread ${i}`,
      site: 'forum.example',
      lang: 'en',
      kind: 'selection',
      quote,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: quote, prefix: 'Post: ', suffix: '.' },
        position: { type: 'TextPositionSelector', start: 6, end: 6 + quote.length },
      },
      linkUrl: null,
      srcUrl: null,
      capturedAt: at(i),
      captureLimit: null,
      evidence: { captureSha256: 'd'.repeat(64), pageCopy: null },
      note: i % 3 === 0 ? `Note ${i}, with "quotes"` : '',
      tags: i % 5 === 0 ? ['imported'] : [],
      tone: 'negative',
      toneSource: 'auto',
      reach: 'medium',
      crisisId: i % 2 === 0 ? crisisId : null,
      triagedAt: i % 2 === 0 ? at(i) : null,
      updatedAt: at(i),
    };
  });
  const events: CrisisEvent[] = [
    { id: `${tag}-e0`, crisisId, at: at(0), type: 'opened', actor: 'user', data: { level: 2 } },
  ];
  const data: BackupData = {
    mentions,
    crises: [base],
    events,
    settings: mergeSettings(undefined, { backupReminderDays: 3 }),
  };
  const built = await buildBackup(
    { appVersion: '0.1.0', schemaVersion: 1, exportedAt: '2026-11-25T10:00:00.000Z' },
    data,
  );
  return { data, text: backupText(built) };
}

const ids = (list: readonly { id: string }[]) => list.map((r) => r.id).sort();

/**
 * Whether `now` holds exactly `old`, or exactly what importing `file` over `old` gives (`mode`):
 * 'old', 'new', or 'mixed'.
 */
function outcome(old: Dump, now: Dump, file: BackupData, mode: 'merge' | 'replace') {
  // The settings are left out of "old": Replace first makes a backup, which records its time.
  const records = ({ mentions, crises, events }: Dump) =>
    JSON.stringify([mentions, crises, events]);
  if (records(now) === records(old)) return 'old';
  const expected = {
    mentions:
      mode === 'merge' ? [...ids(old.mentions), ...ids(file.mentions)].sort() : ids(file.mentions),
    crises: mode === 'merge' ? [...ids(old.crises), ...ids(file.crises)].sort() : ids(file.crises),
    events: mode === 'merge' ? [...ids(old.events), ...ids(file.events)].sort() : ids(file.events),
  };
  const sameIds =
    JSON.stringify(ids(now.mentions)) === JSON.stringify(expected.mentions) &&
    JSON.stringify(ids(now.crises)) === JSON.stringify(expected.crises) &&
    JSON.stringify(ids(now.events)) === JSON.stringify(expected.events);
  const byId = new Map(now.mentions.map((m) => [m.id, m]));
  const fileIntact = file.mentions.every((m) => byId.get(m.id)?.quote === m.quote);
  const oldIntact =
    mode === 'replace' ||
    old.mentions.every((m) => JSON.stringify(byId.get(m.id)) === JSON.stringify(m));
  const settingsTaken =
    mode === 'merge' ||
    (now.settings[0] as { value: { backupReminderDays: number } } | undefined)?.value
      .backupReminderDays === file.settings.backupReminderDays;
  return sameIds && fileIntact && oldIntact && settingsTaken ? 'new' : 'mixed';
}

beforeAll(async () => {
  const { vigie } = session;
  const article = await openTab(vigie, session.server.url('article.html'));
  for (const [id, part] of [
    ['#p1', 'charged us twice'],
    ['#p2', 'stale by noon'],
    ['#p3', 'this place is a scam'],
  ] as const) {
    await flagSelection(vigie, article, id, part);
    await stored(vigie, (m) => m.quote === part);
  }
  await article.page.close();
  const mentions = await call<{ items: Mention[] }>(vigie, 'listMentions', {
    scope: { in: 'all' },
    limit: 10,
    after: null,
  });
  const [scam, stale] = mentions.items;
  const crisis = await call<Crisis>(vigie, 'createCrisis', {
    title: 'Refund storm, "scam" rumour',
    level: 3,
    mentionIds: [scam!.id, stale!.id],
  });
  await call(vigie, 'updateCrisis', { id: crisis.id, change: { op: 'level', level: 4 } });
  await call(vigie, 'updateCrisis', {
    id: crisis.id,
    change: { op: 'checklist', itemId: 'stop-damage', done: true },
  });
  await call(vigie, 'updateMention', {
    id: scam!.id,
    patch: { note: '=1+1, "checked", twice\nsecond line', tags: ['press', 'refund'] },
  });
  await call(vigie, 'updateSettings', {
    patch: {
      stakeholders: [
        {
          id: 'p1',
          name: 'Alice Martin',
          role: 'boss',
          channel: 'email',
          contact: 'a@x.example',
          key: true,
          lang: 'fr',
          greeting: 'Alice',
        },
      ],
    },
  });
});

describe('backup and import', () => {
  it(
    'downloads a full backup that, after the log is deleted, restores every record exactly',
    { timeout: 120_000 },
    async () => {
      const page = await openBackupScreen();
      const before = await dump(page);
      expect(before.mentions).toHaveLength(3);
      expect(await page.getByTestId('backup-last').textContent()).toBe('No full backup made yet.');

      const backup = await download(page, 'Download a full backup (JSON)');
      expect(backup.file).toMatch(/^vigie-backup-\d{4}-\d\d-\d\d-\d{4}\.json$/);
      const file = JSON.parse(backup.text) as Record<string, unknown>;
      expect(file).toMatchObject({
        format: 'vigie-backup',
        formatVersion: 2,
        counts: { mentions: 3, crises: 1, events: before.events.length },
      });
      expect(file.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
      await expect
        .poll(() => page.getByTestId('backup-last').textContent())
        .toMatch(/^Last full backup: /);

      const mentionsCsv = await download(page, 'Mentions as CSV');
      expect(mentionsCsv.file).toMatch(/\.csv$/);
      expect(mentionsCsv.text.startsWith('\ufeffid,capturedAt,site,url,')).toBe(true);
      expect(mentionsCsv.text).toContain(`"'=1+1, ""checked"", twice\nsecond line"`);
      const actions = await download(page, 'Actions as CSV');
      expect(actions.text.split('\r\n')[0]).toBe(
        '\ufeffcrisisId,crisisTitle,crisisLevel,crisisState,actionId,what,damageArea,owner,due,status,replacesChecklistId',
      );
      const annotations = await download(page, 'Mentions as Web Annotations (JSON-LD)');
      expect(annotations.file).toMatch(/\.jsonld$/);
      expect(JSON.parse(annotations.text)).toMatchObject({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'AnnotationCollection',
        total: 3,
      });

      // The log is lost…
      await wipe(page);
      expect((await dump(page)).mentions).toEqual([]);
      // (The calls the screen makes from now on, to see how the file reaches the background.)
      await page.addInitScript(() => {
        const calls: string[] = [];
        (window as unknown as { vigieCalls: string[] }).vigieCalls = calls;
        const send = chrome.runtime.sendMessage.bind(chrome.runtime);
        chrome.runtime.sendMessage = ((message: { call?: string }, ...rest: unknown[]) => {
          calls.push(String(message?.call));
          return (send as (...args: unknown[]) => unknown)(message, ...rest);
        }) as typeof chrome.runtime.sendMessage;
      });
      await page.reload();
      await page.waitForSelector('body[data-ready="true"]');

      // …and the backup brings it back, through the file field.
      const path = join(tmpdir(), `vigie-e2e-${Date.now()}.json`);
      writeFileSync(path, backup.text);
      await page.getByLabel('Backup file (JSON)').setInputFiles(path);
      const preview = page.getByTestId('backup-preview');
      await preview.waitFor();
      expect(
        await page.getByTestId('backup-preview-mentions').locator('td').allTextContents(),
      ).toEqual(['3', '0', '0', '0']);
      expect(await preview.textContent()).toContain('Settings: the file’s settings are used.');
      await shoot(page, 'backup-preview');
      // The worker read the file itself: no record went through a message.
      const calls = await page.evaluate(
        () => (window as unknown as { vigieCalls: string[] }).vigieCalls,
      );
      expect(calls).toContain('importStageFile');
      expect(calls).not.toContain('importStage');
      await page.getByTestId('backup-import').click();
      await page.getByTestId('backup-import-done').waitFor();
      await shoot(page, 'backup-done');
      expect(await dump(page)).toEqual(before);
      await page.close();
    },
  );

  it('refuses a damaged file whole and says why', async () => {
    const page = await openBackupScreen();
    const before = await dump(page);
    const { text } = await bigBackup('bad', 5);
    const path = join(tmpdir(), `vigie-e2e-bad-${Date.now()}.json`);
    writeFileSync(path, text.replace('complaint number 3', 'complaint number 4'));
    await page.getByLabel('Backup file (JSON)').setInputFiles(path);
    const error = page.getByTestId('backup-import-error');
    await error.waitFor();
    expect(await error.textContent()).toContain(
      'The checksum does not match: the file was changed or damaged.',
    );
    expect(await dump(page)).toEqual(before);
    await page.close();
  });

  it(
    'leaves all or nothing when the worker is stopped while the screen stages or writes',
    { timeout: 300_000 },
    async () => {
      const page = await openBackupScreen();
      const old = await dump(page);
      const { data, text } = await bigBackup('ui', 3000);
      const path = join(tmpdir(), `vigie-e2e-big-${Date.now()}.json`);
      writeFileSync(path, text);

      // Stopped while the file is staged: the screen stages it again, then shows the preview.
      await page.getByLabel('Backup file (JSON)').setInputFiles(path);
      await page
        .locator('[data-testid="backup-import-progress"], [data-testid="backup-preview"]')
        .first()
        .waitFor();
      if (await page.getByTestId('backup-import-progress').isVisible()) await stopWorker(page);
      await page.getByTestId('backup-preview').waitFor({ timeout: 120_000 });
      expect(outcome(old, await dump(page), data, 'replace')).toBe('old');

      // Replace: the current log is downloaded first, then the worker is stopped as it writes.
      await page.getByTestId('backup-mode-replace').check();
      const [safety] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('backup-import').click(),
      ]);
      await stopWorker(page);
      expect(JSON.parse(readFileSync((await safety.path())!, 'utf8'))).toMatchObject({
        counts: { mentions: old.mentions.length },
      });
      await page
        .locator('[data-testid="backup-import-done"], [data-testid="backup-import-error"]')
        .waitFor({ timeout: 120_000 });
      const seen = outcome(old, await dump(page), data, 'replace');
      expect(seen).not.toBe('mixed');
      // The screen asks again after a stopped worker: an import is idempotent.
      if (await page.getByTestId('backup-import-done').isVisible()) expect(seen).toBe('new');
      await page.close();
    },
  );

  it(
    'leaves all or nothing when the worker is stopped at any moment of the commit',
    { timeout: 400_000 },
    async () => {
      const { ext } = session.vigie;
      const n = 2000;
      /** Stages a file, asks for its commit, stops the worker `stopAfter` ms later (or never). */
      async function round(tag: string, mode: 'merge' | 'replace', stopAfter: number | null) {
        const { data } = await bigBackup(tag, n);
        const before = await dump(ext);
        const importId = await ext.evaluate(async (data) => {
          const send = (call: string, args: unknown) =>
            chrome.runtime
              .sendMessage({ vigie: 1, call, args })
              .then((r: { ok: boolean; value: unknown }) => {
                if (!r?.ok) throw new Error(JSON.stringify(r));
                return r.value;
              });
          const { importId } = (await send('importStart', {
            counts: {
              mentions: data.mentions.length,
              crises: data.crises.length,
              events: data.events.length,
            },
          })) as { importId: string };
          await send('importStage', { importId, store: 'crises', records: data.crises });
          await send('importStage', { importId, store: 'events', records: data.events });
          for (let i = 0; i < data.mentions.length; i += 1000) {
            await send('importStage', {
              importId,
              store: 'mentions',
              records: data.mentions.slice(i, i + 1000),
            });
          }
          await send('importStage', { importId, store: 'settings', records: [data.settings] });
          return importId;
        }, data);
        const started = Date.now();
        const reply = ext.evaluate(
          ([importId, mode]) =>
            chrome.runtime
              .sendMessage({ vigie: 1, call: 'importCommit', args: { importId, mode } })
              .then((r: { ok: boolean }) => (r?.ok ? 'ok' : 'failed'))
              .catch(() => 'stopped'),
          [importId, mode] as const,
        );
        if (stopAfter !== null) {
          await new Promise((r) => setTimeout(r, stopAfter));
          await stopWorker(ext);
        }
        const answer = await reply;
        const took = Date.now() - started;
        const seen = outcome(before, await dump(ext), data, mode);
        return { answer, seen, took };
      }

      // Unhindered first, to learn how long a commit takes on this machine.
      const calm = await round('calm', 'replace', null);
      expect(calm).toMatchObject({ answer: 'ok', seen: 'new' });
      const log = [`unhindered: ${calm.took} ms`];
      for (const [i, share] of [0, 0.25, 0.5, 0.75, 1.5].entries()) {
        const mode = i % 2 === 0 ? 'merge' : 'replace';
        const stopAfter = Math.round(calm.took * share);
        const r = await round(`r${i}`, mode, stopAfter);
        log.push(`stopped after ${stopAfter} ms (${mode}): ${r.answer}, ${r.seen}`);
        expect(r.seen, log.join('; ')).not.toBe('mixed');
        if (r.answer === 'ok') expect(r.seen).toBe('new');
        if (r.answer === 'stopped') expect(['old', 'new']).toContain(r.seen);
      }
      console.log(`worker stopped mid-commit: ${log.join('; ')}`);
    },
  );
});
