/**
 * The crisis log as a user works in it: triage the inbox (edit, delete with undo), open a
 * crisis from mentions and move others into it; markup taken from a page stays text in the
 * popup and the log; the log survives a browser restart.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CrisisLog } from './fixtures/crisis-log';
import { ActionPopup } from './fixtures/popup';
import {
  allMentions,
  badgeText,
  flagSelection,
  menuHas,
  openCrises,
  openTab,
  stored,
  until,
  useVigie,
} from './fixtures/vigie';

const session = useVigie();

/** Presses Tab until the focused control is the one of this accessible name (or label). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 15; i++) {
    const focused = await page.evaluate(() => {
      const e = document.activeElement as HTMLInputElement | null;
      return [e?.labels?.[0]?.textContent, e?.getAttribute('aria-label'), e?.textContent];
    });
    if (focused.some((text) => text?.trim().startsWith(name))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached "${name}"`);
}

beforeAll(async () => {
  const article = await openTab(session.vigie, session.server.url('article.html'));
  for (const [id, part] of [
    ['#p1', 'charged us twice'],
    ['#p2', 'stale by noon'],
    ['#p3', 'this place is a scam'],
  ] as const) {
    await flagSelection(session.vigie, article, id, part);
    // The page is read after the click: wait for it before selecting something else.
    await stored(session.vigie, (m) => m.quote === part);
  }
});

describe('crisis log', () => {
  it('lists the inbox newest first', async () => {
    const log = await CrisisLog.open(session.vigie);
    await expect
      .poll(() => log.quotes())
      .toEqual(['“this place is a scam”', '“stale by noon”', '“charged us twice”']);
    expect(await log.page.getByRole('link', { name: /^Inbox/ }).textContent()).toMatch(
      /^Inbox\s*3$/,
    );
    await log.close();
  });

  it('edits note, tags, tone and reach; the mention counts as triaged; its hash stays', async () => {
    const { vigie } = session;
    const before = await stored(vigie, (m) => m.quote === 'stale by noon');
    const log = await CrisisLog.open(vigie);
    await log.edit('stale by noon', {
      note: 'Supplier issue, call them',
      tags: 'food, supplier, ',
      tone: 'neutral',
      reach: 'high',
    });
    const row = log.mention('stale by noon');
    await expect.poll(() => row.textContent()).toContain('Supplier issue, call them');
    expect(await row.locator('.tag').allTextContents()).toEqual(['food', 'supplier']);
    expect(await row.textContent()).toContain('Neutral');
    expect(await row.textContent()).toContain('Reach: High');
    await log.screenshot('log-edited');

    const after = await stored(vigie, (m) => m.id === before.id);
    expect(after).toMatchObject({
      note: 'Supplier issue, call them',
      tags: ['food', 'supplier'],
      tone: 'neutral',
      toneSource: 'user',
      reach: 'high',
    });
    expect(after.triagedAt).not.toBeNull();
    expect(after.evidence.captureSha256).toBe(before.evidence.captureSha256);
    // Two left to triage: the badge and the log's summary say so.
    await until(
      () => badgeText(vigie),
      (text) => text === '2',
    );
    await log.page.reload();
    await expect
      .poll(() => log.page.locator('nav').textContent())
      .toContain('2 mentions not yet reviewed');
    // A new visit shows the edit (it was stored, not only shown).
    expect(await log.mention('stale by noon').textContent()).toContain('Supplier issue, call them');
    await log.close();
  });

  it('deletes with undo: the mention comes back exactly as it was', async () => {
    const { vigie } = session;
    const before = await stored(vigie, (m) => m.quote === 'charged us twice');
    const log = await CrisisLog.open(vigie);
    await log.check('charged us twice');
    await log.deleteChecked();
    await expect.poll(() => log.mention('charged us twice').count()).toBe(0);
    expect(
      await log.page.getByRole('status').filter({ hasText: 'deleted' }).textContent(),
    ).toContain('1 mention deleted.');
    expect((await allMentions(vigie)).some((m) => m.id === before.id)).toBe(false);
    await log.screenshot('log-deleted');
    await log.undo();
    await expect.poll(() => log.mention('charged us twice').count()).toBe(1);
    expect((await allMentions(vigie)).find((m) => m.id === before.id)).toEqual(before);
    await log.close();
  });

  it('opens a crisis from checked mentions, keyboard only', async () => {
    const { vigie } = session;
    const log = await CrisisLog.open(vigie);
    const keys = log.page.keyboard;
    await log.mention('this place is a scam').getByRole('checkbox').focus();
    await keys.press('Space');
    await log.page.getByTestId('log-create-crisis').focus();
    await keys.press('Enter');
    await tabTo(log.page, 'Crisis title');
    // The title is filled with the quote; the user types over it.
    await keys.press('ControlOrMeta+A');
    await keys.type('Scam accusations');
    await tabTo(log.page, 'Crisis level');
    await keys.type('3');
    await tabTo(log.page, 'Create the crisis');
    await keys.press('Enter');
    // The new crisis opens, with its mention; the inbox has it no more.
    await log.page.getByRole('heading', { level: 1, name: 'Scam accusations' }).waitFor();
    await expect.poll(() => log.mention('this place is a scam').count()).toBe(1);
    await log.navigate('Inbox');
    await expect.poll(() => log.mention('this place is a scam').count()).toBe(0);

    await log.navigate('Crises');
    await expect
      .poll(() => log.crises().allTextContents())
      .toEqual([expect.stringContaining('Scam accusations')]);
    expect(await log.crises().textContent()).toContain('3 · Crisis');
    expect(await log.crises().textContent()).toContain('1 mention');
    await log.close();
  });

  it('moves a mention from the inbox into an open crisis', async () => {
    const { vigie } = session;
    const log = await CrisisLog.open(vigie);
    await log.check('charged us twice');
    await log.moveChecked('Scam accusations');
    await expect.poll(() => log.mention('charged us twice').count()).toBe(0);
    await log.navigate('Crises');
    await log.openCrisis('Scam accusations');
    await expect.poll(() => log.quotes()).toEqual(['“this place is a scam”', '“charged us twice”']);
    await expect.poll(() => log.page.locator('.journal').textContent()).toContain('Mention added');
    await log.screenshot('log-moved');
    await log.close();
    const [crisis] = await openCrises(vigie);
    expect(crisis).toMatchObject({ title: 'Scam accusations', mentionCount: 2 });
  });
});

describe('page text is never markup', () => {
  it('shows a title and a quote full of tags as plain text in the popup and the log', async () => {
    const { vigie, server } = session;
    const markup = await openTab(vigie, server.url('markup.html'));
    await flagSelection(vigie, markup, '#evil');
    const mention = await stored(vigie, (m) => m.quote.includes('onerror'));
    expect(mention.quote).toBe(
      'Terrible service <img src=x onerror="window.__pwned=1"> and ' +
        '<script>window.__pwned=1</script> never again.',
    );
    expect(mention.pageTitle).toBe(
      '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=1</script> Review',
    );

    const popup = await ActionPopup.open(vigie, markup.page);
    const [listed] = await popup.pageMentions();
    expect(listed).toContain('<img src=x onerror="window.__pwned=1">');
    expect(listed).toContain('<script>window.__pwned=1</script>');
    expect(await popup.injected()).toEqual({ elements: 0, pwned: false });
    await popup.screenshot('popup-markup');
    await popup.close();

    const log = await CrisisLog.open(vigie, '#all');
    const row = log.mention('never again');
    await expect
      .poll(() => row.getByTestId('log-mention-quote').textContent())
      .toBe(`“${mention.quote}”`);
    expect(await row.getByTestId('log-mention-title').textContent()).toBe(mention.pageTitle);
    // Editing the mention shows the page text inside a form, still as text.
    await row.getByTestId('log-mention-edit').click();
    await row.locator('form').waitFor();
    expect(await log.injected()).toEqual({ elements: 0, pwned: false });
    await log.screenshot('log-markup');
    await log.close();
  });
});

describe('nothing lost', () => {
  it('keeps every mention and crisis after the browser is closed and opened again', async () => {
    const before = await allMentions(session.vigie);
    const crisesBefore = await openCrises(session.vigie);
    expect(before).toHaveLength(4);
    await session.restart();
    expect(await allMentions(session.vigie)).toEqual(before);
    expect(await openCrises(session.vigie)).toEqual(crisesBefore);
    const log = await CrisisLog.open(session.vigie, '#all');
    await expect.poll(() => log.mentions().count()).toBe(before.length);
    await log.close();
    // The badge and the menu are rebuilt from the database at startup.
    await until(
      () => badgeText(session.vigie),
      (text) => text === '1',
    );
    expect(await menuHas(session.vigie, `flag-into:${crisesBefore[0]!.id}`)).toBe(true);
  });
});
