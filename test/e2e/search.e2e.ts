/**
 * Searching and filtering the crisis log as a user does, keyboard included: the search finds
 * words by their beginning, accents and case aside, kept in step with edits; filters combine
 * with it and live in the address, so a view reloads (or is bookmarked) as it was; checked
 * mentions get a tag in one go; the crisis list is searched the same way.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CrisisLog } from './fixtures/crisis-log';
import {
  allMentions,
  call,
  extensionUrl,
  flagSelection,
  openTab,
  stored,
  useVigie,
} from './fixtures/vigie';

const session = useVigie();

const QUOTES = {
  refund: 'charged us twice for the same order',
  stale: 'stale by noon',
  scam: 'this place is a scam',
  room: 'The room itself is bright and pleasant.',
};

beforeAll(async () => {
  const article = await openTab(session.vigie, session.server.url('article.html'));
  for (const [id, part] of [
    ['#p1', QUOTES.refund],
    ['#p2', QUOTES.stale],
    ['#p3', QUOTES.scam],
    ['#p4', undefined],
  ] as const) {
    const text = await flagSelection(session.vigie, article, id, part);
    await stored(session.vigie, (m) => m.quote === text.trim() || m.quote === part);
  }
});

/** The filter bar of the list on screen. */
const bar = (page: Page) => page.getByRole('search');

async function quotesShown(log: CrisisLog, count: number): Promise<string[]> {
  await expect.poll(() => log.mentions().count()).toBe(count);
  return log.quotes();
}

describe('searching the crisis log', () => {
  it('finds words by their beginning as the user types, and keeps the search in the address', async () => {
    const log = await CrisisLog.open(session.vigie, '#all');
    await quotesShown(log, 4);
    const box = bar(log.page).getByRole('searchbox', { name: 'Search mentions' });
    await box.click();
    await log.page.keyboard.type('CHARG TWI');
    expect(await quotesShown(log, 1)).toEqual([`“${QUOTES.refund}”`]);
    expect(new URL(log.page.url()).hash).toBe('#all?q=CHARG+TWI');
    // Page titles are searched too: every mention comes from the Gazette.
    await box.fill('gazette');
    await quotesShown(log, 4);

    await box.fill('stale');
    await quotesShown(log, 1);
    await log.page.reload();
    await log.page.waitForSelector('body[data-ready="true"]');
    expect(await quotesShown(log, 1)).toEqual([`“${QUOTES.stale}”`]);
    await expect.poll(() => box.inputValue()).toBe('stale');
    await box.press('Escape');
    await quotesShown(log, 4);
    expect(new URL(log.page.url()).hash).toBe('#all');
    await log.close();
  });

  it('finds a note once it is written, accents aside, and filters by the tone it was given', async () => {
    const log = await CrisisLog.open(session.vigie, '#all');
    await log.edit(QUOTES.stale, {
      note: 'Prix très élevé, fournisseur à rappeler',
      tone: 'neutral',
    });
    const box = bar(log.page).getByRole('searchbox', { name: 'Search mentions' });
    await box.fill('eleve fourn');
    expect(await quotesShown(log, 1)).toEqual([`“${QUOTES.stale}”`]);
    await box.fill('');
    await quotesShown(log, 4);

    // The tone of the others was suggested from their words: count them rather than guess.
    const neutral = (await allMentions(session.vigie)).filter((m) => m.tone === 'neutral');
    expect(neutral.map((m) => m.quote)).toContain(QUOTES.stale);
    await bar(log.page).getByLabel('Tone').selectOption('neutral');
    await quotesShown(log, neutral.length);
    await bar(log.page).getByLabel('Site').fill('127.0.0.1');
    await bar(log.page).getByLabel('Site').press('Enter');
    await quotesShown(log, neutral.length);
    expect(new URL(log.page.url()).hash).toBe('#all?tone=neutral&site=127.0.0.1');
    await log.screenshot('search-filtered');
    await bar(log.page).getByRole('button', { name: 'Clear filters' }).click();
    await quotesShown(log, 4);
    await log.close();
  });

  it('tags the checked mentions in one go, keyboard only, then filters by that tag', async () => {
    const { vigie } = session;
    const log = await CrisisLog.open(vigie, '#inbox');
    await quotesShown(log, 4);
    const keys = log.page.keyboard;
    for (const quote of [QUOTES.refund, QUOTES.scam]) {
      await log.mention(quote).getByRole('checkbox').focus();
      await keys.press('Space');
    }
    await log.page.getByLabel('Tag to add').focus();
    await keys.type('Presse locale');
    await keys.press('Enter');
    await expect
      .poll(() => log.page.getByRole('status').filter({ hasText: 'added to' }).textContent())
      .toContain('Tag “Presse locale” added to 2 mentions.');
    const tagged = (await allMentions(vigie)).filter((m) => m.tags.includes('Presse locale'));
    expect(tagged.map((m) => m.quote).sort()).toEqual([QUOTES.refund, QUOTES.scam].sort());

    await log.page.goto(extensionUrl(vigie, 'dashboard/index.html#inbox?tag=Presse+locale'));
    await log.page.waitForSelector('body[data-ready="true"]');
    expect((await quotesShown(log, 2)).sort()).toEqual(
      [`“${QUOTES.refund}”`, `“${QUOTES.scam}”`].sort(),
    );
    // The tag's words are searched too, case and accents aside.
    await log.page.goto(extensionUrl(vigie, 'dashboard/index.html#all?q=presse+LOC'));
    await log.page.waitForSelector('body[data-ready="true"]');
    await quotesShown(log, 2);
    await log.close();
  });

  it('narrows all mentions to the inbox or to one crisis', async () => {
    const { vigie } = session;
    const room = await stored(vigie, (m) => m.quote.includes('bright and pleasant'));
    const crisis = await call<{ id: string }>(vigie, 'createCrisis', {
      title: 'Tempête de réclamations',
      level: 2,
      mentionIds: [room.id],
    });
    const log = await CrisisLog.open(vigie, '#all');
    await quotesShown(log, 4);
    await bar(log.page).getByLabel('Crisis').selectOption({ label: 'Tempête de réclamations' });
    expect(await quotesShown(log, 1)).toEqual([`“${QUOTES.room}”`]);
    expect(new URL(log.page.url()).hash).toBe(`#all?crisis=${crisis.id}`);
    await bar(log.page).getByLabel('Crisis').selectOption('inbox');
    await quotesShown(log, 3);
    await log.close();
  });

  it('searches crisis titles, accents aside', async () => {
    const log = await CrisisLog.open(session.vigie, '#crises');
    await expect.poll(() => log.crises().count()).toBe(1);
    const box = bar(log.page).getByRole('searchbox', { name: 'Search crises' });
    await box.fill('tempete recl');
    await expect.poll(() => log.crises().count()).toBe(1);
    await box.fill('storm');
    await expect.poll(() => log.crises().count()).toBe(0);
    expect(await log.page.textContent('main')).toContain(
      'No crisis matches this search and these filters.',
    );
    await box.fill('');
    await bar(log.page).getByLabel('Level').selectOption('2');
    await expect.poll(() => log.crises().count()).toBe(1);
    await bar(log.page).getByLabel('State').selectOption('closed');
    await expect.poll(() => log.crises().count()).toBe(0);
    await log.close();
  });
});
