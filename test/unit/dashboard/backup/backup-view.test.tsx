// @vitest-environment happy-dom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { backupText, buildBackup, dataChecksum } from '../../../../src/core/backup/build';
import type {
  ImportPreview,
  ImportSummary,
  RecordCounts,
} from '../../../../src/core/backup/format';
import { mergeSettings } from '../../../../src/core/model/settings';
import { sampleLog } from '../../core/backup/fixtures';
import { fakeBrowser, unnamedControls, type Answers } from '../../fake-browser';

type Fake = ReturnType<typeof fakeBrowser>;

const fake = vi.hoisted(() => ({
  current: null as Fake | null,
}));
vi.mock('../../../../src/core/browser', () => ({
  get browser() {
    return fake.current!.browser;
  },
}));

const ok = <T,>(value: T) => ({ ok: true as const, value });
const counts = (added: number, updated = 0, unchanged = 0, kept = 0): RecordCounts => ({
  added,
  updated,
  unchanged,
  kept,
});
const summary = (over: Partial<ImportSummary> = {}): ImportSummary => ({
  mentions: counts(3, 1, 0, 0),
  crises: counts(1, 0, 1, 0),
  events: counts(4, 0, 2, 0),
  sameQuote: 1,
  toInbox: 0,
  otherCapture: 0,
  settings: 'kept',
  settingsAdded: 0,
  ...over,
});
const preview: ImportPreview = {
  merge: summary(),
  replace: summary({
    mentions: counts(4),
    crises: counts(2),
    events: counts(6),
    sameQuote: 0,
    settings: 'taken',
  }),
  current: { mentions: 12, crises: 3, events: 40 },
};

/** A background that answers the backup screen's calls and keeps nothing. */
function background(extra: Answers = {}): Answers {
  let staged = 0;
  return {
    getCounts: () =>
      ok({ untriaged: 0, inbox: 0, mentions: 12, openCrises: 1, backupDueDays: null }),
    backupInfo: () =>
      ok({
        appVersion: '0.1.0',
        schemaVersion: 2,
        counts: { mentions: 12, crises: 3, events: 40 },
        settings: mergeSettings({ lastBackupAt: '2026-11-20T09:00:00.000Z' }),
      }),
    importStart: () => ok({ importId: 'imp-1' }),
    // A background that cannot read the file itself (Firefox, say): the page sends it in pages.
    importStageFile: () => ({
      ok: false as const,
      error: { code: 'unavailable' as const, message: 'The file could not be read here' },
    }),
    importStage: (args: { records: unknown[] }) => ok({ staged: (staged += args.records.length) }),
    importPreview: () => ok(preview),
    importCommit: () => ok(summary()),
    importCancel: () => ok({ cancelled: true }),
    ...extra,
  };
}

/** A background that reads the chosen file itself and stages it as `importId`. */
const readingTheFile = (importId: string) =>
  background({
    importStageFile: () => ok({ importId, staged: { mentions: 4, crises: 2, events: 6 } }),
  });

let goodFile = '';
beforeAll(async () => {
  goodFile = backupText(
    await buildBackup(
      { appVersion: '0.1.0', schemaVersion: 2, exportedAt: '2026-11-25T10:00:00.000Z' },
      sampleLog('ui'),
    ),
  );
});

async function renderBackup(answers: Answers) {
  fake.current = fakeBrowser(answers);
  location.hash = '#backup';
  document.body.replaceChildren(Object.assign(document.createElement('div'), { id: 'app' }));
  delete document.body.dataset.ready;
  vi.resetModules();
  await import('../../../../src/dashboard/main');
  await vi.waitFor(() => expect(document.body.dataset.ready).toBe('true'));
  return fake.current;
}

const byTestId = <T extends HTMLElement = HTMLElement>(id: string) => {
  const element = document.querySelector<T>(`[data-testid="${id}"]`);
  if (!element) throw new Error(`nothing has data-testid ${id}`);
  return element;
};

/** The user picks `text` as a file in the file field. */
function choose(text: string, name = 'vigie-backup.json') {
  const input = byTestId<HTMLInputElement>('backup-file');
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const callNames = (f: Fake) => f.calls.map((c) => c.call);

afterEach(async () => {
  const { render } = await import('preact');
  render(null, document.getElementById('app')!);
  fake.current = null;
});

describe('backup screen', () => {
  it('writes large counts grouped, as the UI language writes numbers', async () => {
    await renderBackup(
      background({
        backupInfo: () =>
          ok({
            appVersion: '0.1.0',
            schemaVersion: 4,
            counts: { mentions: 100_000, crises: 500, events: 12_345 },
            settings: mergeSettings({}),
          }),
      }),
    );
    expect(byTestId('backup-counts').textContent).toContain('mentions: 100,000');
    expect(byTestId('backup-counts').textContent).toContain('events: 12,345');
  });

  it('says nothing of the last backup while it cannot tell (no "never" over an unread log)', async () => {
    await renderBackup(
      background({
        backupInfo: () => ({
          ok: false as const,
          error: { code: 'unavailable', message: 'The database is busy' },
        }),
      }),
    );
    expect(document.querySelector('[data-testid="backup-last"]')).toBeNull();
    expect(document.body.textContent).not.toContain('No full backup made yet');
    expect(document.querySelector('[role="alert"]')?.textContent).toBeTruthy();
  });

  it('offers every export and tells when the last backup was made', async () => {
    await renderBackup(background());
    expect(byTestId('backup-last').textContent).toMatch(/^Last full backup: .*2026/);
    expect(byTestId('backup-counts').textContent).toContain('mentions: 12');
    for (const kind of ['json', 'mentions-csv', 'actions-csv', 'annotations']) {
      expect(byTestId(`backup-export-${kind}`).tagName).toBe('BUTTON');
    }
    expect(byTestId('backup-export-json').textContent).toBe('Download a full backup (JSON)');
    const input = byTestId<HTMLInputElement>('backup-file');
    expect(input.type).toBe('file');
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toBe(
      'Backup file (JSON)',
    );
    expect(unnamedControls(document.body)).toEqual([]);
  });

  it('refuses a bad file with its first problem, and sends nothing to import', async () => {
    const f = await renderBackup(background());
    const file = JSON.parse(goodFile) as { data: { mentions: { note: string }[] } };
    file.data.mentions[0]!.note = 'changed by hand';
    choose(JSON.stringify(file));
    const error = await vi.waitFor(() => byTestId('backup-import-error'));
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain(
      'The checksum does not match: the file was changed or damaged.',
    );
    expect(error.textContent).toContain('Nothing was changed in your log.');

    choose(goodFile.slice(0, 500));
    await vi.waitFor(() =>
      expect(byTestId('backup-import-error').textContent).toContain(
        'The file is not valid JSON: it may be cut short or damaged.',
      ),
    );
    // The background was asked to read each file beside the page's check, and could not here.
    expect(callNames(f).filter((c) => c.startsWith('import'))).toEqual([
      'importStageFile',
      'importStageFile',
    ]);
  });

  it('drops what the background staged of a file the page refuses, and lets the file go', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const f = await renderBackup(readingTheFile('imp-early'));
    const file = JSON.parse(goodFile) as { data: { mentions: { note: string }[] } };
    file.data.mentions[0]!.note = 'changed by hand';
    choose(JSON.stringify(file));
    await vi.waitFor(() =>
      expect(byTestId('backup-import-error').textContent).toContain('The checksum does not match'),
    );
    await vi.waitFor(() =>
      expect(f.calls.filter((c) => c.call.startsWith('import'))).toEqual([
        { call: 'importStageFile', args: { url: expect.stringMatching(/^blob:/) } },
        { call: 'importCancel', args: { importId: 'imp-early' } },
      ]),
    );
    const url = (f.calls.find((c) => c.call === 'importStageFile')!.args as { url: string }).url;
    expect(revoke).toHaveBeenCalledWith(url);
    revoke.mockRestore();
  });

  it('names the first wrong field of a file that is otherwise whole', async () => {
    const f = await renderBackup(
      background({
        importStage: () => ({
          ok: false,
          error: { code: 'bad-backup', message: 'mentions[0].url: expected text, got 1' },
        }),
      }),
    );
    choose(goodFile);
    const error = await vi.waitFor(() => byTestId('backup-import-error'));
    expect(error.textContent).toContain('The file is not a valid Vigie backup.');
    expect(error.querySelector('code')?.textContent).toBe('mentions[0].url: expected text, got 1');
    expect(callNames(f)).not.toContain('importCommit');
  });

  it('previews a good file per kind, then imports it merged on request', async () => {
    const f = await renderBackup(background());
    choose(goodFile, 'backup.json');
    await vi.waitFor(() => byTestId('backup-preview'));
    // Offered to the background to read itself first; it cannot here, so it goes in pages.
    expect(callNames(f).filter((c) => c.startsWith('import'))).toEqual([
      'importStageFile',
      'importStart',
      'importStage',
      'importStage',
      'importStage',
      'importStage',
      'importPreview',
    ]);
    const row = (store: string) =>
      [...byTestId(`backup-preview-${store}`).querySelectorAll('td')].map((td) => td.textContent);
    expect(row('mentions')).toEqual(['3', '1', '0', '0']);
    expect(row('events')).toEqual(['4', '0', '2', '0']);
    expect(byTestId('backup-preview').textContent).toContain(
      'Mentions merged into one already in your log (same quote on the same page; notes and tags joined): 1',
    );
    expect(byTestId<HTMLInputElement>('backup-mode-merge').checked).toBe(true);
    expect(document.activeElement?.id).toBe('backup-preview-title');
    expect(unnamedControls(document.body)).toEqual([]);

    // Replace shows what goes and what comes.
    byTestId<HTMLInputElement>('backup-mode-replace').click();
    await vi.waitFor(() => byTestId('backup-preview-replace'));
    expect(row('mentions')).toEqual(['12', '4']);
    byTestId<HTMLInputElement>('backup-mode-merge').click();
    await vi.waitFor(() => byTestId('backup-preview-merge'));

    byTestId('backup-import').click();
    const done = await vi.waitFor(() => byTestId('backup-import-done'));
    expect(f.calls.filter((c) => c.call === 'importCommit').map((c) => c.args)).toEqual([
      { importId: 'imp-1', mode: 'merge' },
    ]);
    expect(done.textContent).toContain(
      'Import done. Added: 8 · updated: 1 · left as they were: 4.',
    );
  });

  it('says how many texts of an earlier version’s file were shortened, and where', async () => {
    const file = JSON.parse(goodFile) as {
      data: { mentions: { pageTitle: string }[]; crises: { title: string }[] };
      checksum: string;
    };
    file.data.mentions[0]!.pageTitle = 'T'.repeat(10_001);
    file.data.mentions[1]!.pageTitle = 'U'.repeat(12_000);
    file.data.crises[0]!.title = 'C'.repeat(1_001);
    file.checksum = await dataChecksum(file.data);
    await renderBackup(background());
    choose(JSON.stringify(file));
    await vi.waitFor(() => byTestId('backup-preview'));
    expect(byTestId('backup-shortened').textContent).toBe(
      'Texts too long to keep whole, shortened and marked “[…]” where they were cut: 3 (mentions.pageTitle (2), crises.title (1))',
    );
    byTestId('backup-import').click();
    const done = await vi.waitFor(() => byTestId('backup-import-done'));
    expect(done.textContent).toContain('shortened and marked “[…]” where they were cut: 3');
  });

  it('stages the file again when the worker restarted before the commit', async () => {
    let commits = 0;
    const f = await renderBackup(
      background({
        importCommit: () =>
          ++commits === 1
            ? { ok: false, error: { code: 'import-expired', message: 'gone' } }
            : ok(summary()),
      }),
    );
    choose(goodFile);
    await vi.waitFor(() => byTestId('backup-preview'));
    byTestId('backup-import').click();
    await vi.waitFor(() => byTestId('backup-import-done'));
    // Each staging first offered the file to the background, then went in pages.
    expect(callNames(f).filter((c) => c === 'importStageFile')).toHaveLength(2);
    expect(callNames(f).filter((c) => c === 'importStart')).toHaveLength(2);
    expect(commits).toBe(2);
  });

  it('lets the background read the chosen file itself, then lets the file go', async () => {
    const revoke = vi.spyOn(URL, 'revokeObjectURL');
    const f = await renderBackup(readingTheFile('imp-1'));
    choose(goodFile);
    await vi.waitFor(() => byTestId('backup-preview'));
    expect(callNames(f).filter((c) => c.startsWith('import'))).toEqual([
      'importStageFile',
      'importPreview',
    ]);
    const url = (f.calls.find((c) => c.call === 'importStageFile')!.args as { url: string }).url;
    expect(url).toMatch(/^blob:/);
    byTestId('backup-import').click();
    await vi.waitFor(() => byTestId('backup-import-done'));
    expect(revoke).toHaveBeenCalledWith(url);
    revoke.mockRestore();
  });
});
