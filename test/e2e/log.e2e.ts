/**
 * The crisis log as a user works in it: edit a mention, delete with undo, open a crisis from
 * the inbox; markup from a page stays text; the log survives a browser restart.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Mention } from '../../src/core/model/types';
import {
  allMentions,
  clickMenu,
  openTab,
  popupText,
  select,
  until,
  useVigie,
} from './fixtures/vigie';

const session = useVigie();

beforeAll(async () => {
  const { page, tab } = await openTab(session.vigie, session.server.url('article.html'));
  for (const [id, part] of [
    ['#p1', 'charged us twice'],
    ['#p2', 'stale by noon'],
    ['#p3', 'this place is a scam'],
  ] as const) {
    await clickMenu(session.vigie, 'flag-mention', tab, {
      selectionText: await select(page, id, part),
    });
    // The page is read after the click: wait for it before selecting something else.
    await until(
      () => allMentions(session.vigie),
      (list) => list.some((m) => m.quote === part),
    );
  }
});

async function openLog(hash = '#inbox') {
  const log = await session.vigie.context.newPage();
  await log.goto(`chrome-extension://${session.vigie.id}/dashboard/index.html${hash}`);
  await log.waitForSelector('body[data-ready="true"]');
  return log;
}

const row = (log: Awaited<ReturnType<typeof openLog>>, quote: string) =>
  log.locator('[data-testid="log-mention"]', { hasText: quote });

describe('crisis log', () => {
  it('lists the inbox newest first', async () => {
    const log = await openLog();
    await expect
      .poll(() => log.locator('[data-testid="log-mention-quote"]').allTextContents())
      .toEqual(['“this place is a scam”', '“stale by noon”', '“charged us twice”']);
    await log.close();
  });

  it('edits note, tags, tone and reach, and keeps the capture hash', async () => {
    const before = (await allMentions(session.vigie)).find((m) => m.quote === 'stale by noon')!;
    const log = await openLog();
    await row(log, 'stale by noon').getByTestId('log-mention-edit').click();
    await log.getByLabel('Note').fill('Supplier issue, call them');
    await log.getByLabel('Tags (comma-separated)').fill('food, supplier');
    await log.getByLabel('Tone').selectOption('neutral');
    await log.getByLabel('Reach').selectOption('high');
    await log.getByTestId('log-mention-save').click();
    await expect
      .poll(() => row(log, 'stale by noon').textContent())
      .toContain('Supplier issue, call them');
    const after = (await allMentions(session.vigie)).find((m) => m.id === before.id)!;
    expect(after).toMatchObject({
      note: 'Supplier issue, call them',
      tags: ['food', 'supplier'],
      tone: 'neutral',
      toneSource: 'user',
      reach: 'high',
    });
    expect(after.evidence.captureSha256).toBe(before.evidence.captureSha256);
    await log.close();
  });

  it('deletes with undo: the mention comes back exactly as it was', async () => {
    const before = (await allMentions(session.vigie)).find((m) => m.quote === 'charged us twice')!;
    const log = await openLog();
    await row(log, 'charged us twice').getByRole('checkbox').check();
    await log.getByTestId('log-mention-delete').click();
    await expect.poll(() => row(log, 'charged us twice').count()).toBe(0);
    expect((await allMentions(session.vigie)).some((m) => m.id === before.id)).toBe(false);
    await log.getByTestId('log-undo').click();
    await expect.poll(() => row(log, 'charged us twice').count()).toBe(1);
    expect((await allMentions(session.vigie)).find((m) => m.id === before.id)).toEqual(before);
    await log.close();
  });

  it('opens a crisis from selected mentions, keyboard only', async () => {
    const log = await openLog();
    await row(log, 'this place is a scam').getByRole('checkbox').focus();
    await log.keyboard.press('Space');
    await log.getByTestId('log-create-crisis').focus();
    await log.keyboard.press('Enter');
    await log.getByLabel('Crisis title').fill('Scam accusations');
    await log.getByLabel('Crisis level').selectOption('3');
    await log.keyboard.press('Enter');
    await expect.poll(() => row(log, 'this place is a scam').count()).toBe(0);
    await log.goto(`chrome-extension://${session.vigie.id}/dashboard/index.html#crises`);
    await expect
      .poll(() => log.getByTestId('log-crisis').allTextContents())
      .toEqual([expect.stringContaining('Scam accusations')]);
    expect(await log.getByTestId('log-crisis').textContent()).toContain('3 · Crisis');
    await log.close();
  });
});

describe('page text is never markup', () => {
  it('shows a title and a quote full of tags as plain text, and runs nothing', async () => {
    const { page, tab } = await openTab(session.vigie, session.server.url('markup.html'));
    const selected = await select(page, '#evil');
    await clickMenu(session.vigie, 'flag-mention', tab, { selectionText: selected });
    const mention = (
      await until(
        () => allMentions(session.vigie),
        (l) => l.some((m) => m.quote.includes('onerror')),
      )
    ).find((m: Mention) => m.quote.includes('onerror'))!;
    expect(mention.quote).toContain('<img src=x onerror="window.__pwned=1">');
    expect(mention.pageTitle).toContain('<script>window.__pwned=1</script>');

    const text = await popupText(session.vigie, page);
    expect(text).toContain('<img src=x onerror="window.__pwned=1">');
    const popupImages = await session.vigie.ext.evaluate(() =>
      chrome.extension
        .getViews({ type: 'popup' })
        .map(
          (v) =>
            v.document.querySelectorAll('img:not([src$="icon-32.png"]), script:not([src])').length,
        ),
    );
    expect(popupImages).toEqual([0]);

    const log = await openLog('#all');
    const quote = row(log, 'never again');
    await expect
      .poll(() => quote.getByTestId('log-mention-quote').textContent())
      .toContain('<img src=x onerror="window.__pwned=1">');
    expect(await quote.getByTestId('log-mention-title').textContent()).toContain(
      '<script>window.__pwned=1</script>',
    );
    expect(await log.locator('img[src="x"], main script').count()).toBe(0);
    expect(await log.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await log.close();
  });
});

describe('nothing lost', () => {
  it('keeps every mention after the browser is closed and opened again on the same profile', async () => {
    const before = await allMentions(session.vigie);
    await session.restart();
    expect(await allMentions(session.vigie)).toEqual(before);
    const log = await openLog('#all');
    await expect.poll(() => log.getByTestId('log-mention').count()).toBe(before.length);
    await log.close();
  });
});
