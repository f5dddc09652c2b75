/**
 * Product bugs the e2e suite found, each kept as the test that shows it fixed.
 */
import { describe, expect, it } from 'vitest';
import { CrisisLog } from './fixtures/crisis-log';
import { ActionPopup } from './fixtures/popup';
import {
  allMentions,
  flagSelection,
  nextNotice,
  notices,
  openTab,
  pressShortcut,
  stored,
  useVigie,
} from './fixtures/vigie';

const session = useVigie();

describe('fixed bugs stay fixed', () => {
  // Undo used to drop its buffer before writing, and the write failed on the unique dedupeKey
  // of a quote flagged again meanwhile: the deleted mention and its note were lost. Now the
  // buffer stays until the write succeeds, and the two records are merged.
  it('undo brings a deleted mention back even when its quote was flagged again since', async () => {
    const { vigie, server } = session;
    const article = await openTab(vigie, server.url('article.html?undo'));
    await flagSelection(vigie, article, '#p1', 'charged us twice');
    await stored(vigie, (m) => m.url.endsWith('?undo'));
    const log = await CrisisLog.open(vigie);
    await log.edit('charged us twice', { note: 'Called the bank on Monday' });
    await stored(vigie, (m) => m.note === 'Called the bank on Monday');
    await log.check('charged us twice');
    await log.deleteChecked();
    await expect.poll(() => log.mention('charged us twice').count()).toBe(0);

    await flagSelection(vigie, article, '#p1', 'charged us twice');
    await stored(vigie, (m) => m.url.endsWith('?undo'));
    await log.undo();
    await expect
      .poll(async () => (await allMentions(vigie)).some((m) => m.note.includes('Called the bank')))
      .toBe(true);
    await log.close();
  });

  // Chromium hides its own pages' address from an extension without the "tabs" permission:
  // the shortcut used to store a mention with no address, no title and no quote.
  // The page was read once the script was injected, after the click: a second selection made
  // meanwhile (a quick user flagging twice) was stored for the first flag, which then made the
  // second a duplicate: its new crisis never opened and the first quote was lost. The text
  // the browser gives at the click now says which selection was flagged.
  it('two quick flags on one page keep both quotes, the second in its new crisis', async () => {
    const { vigie, server } = session;
    const article = await openTab(vigie, server.url('article.html?quick'));
    await flagSelection(vigie, article, '#p2', 'stale by noon');
    await flagSelection(vigie, article, '#p3', 'this place is a scam', 'flag-into-new-crisis');
    const first = await stored(
      vigie,
      (m) => m.url.endsWith('?quick') && m.quote === 'stale by noon',
    );
    const second = await stored(
      vigie,
      (m) => m.url.endsWith('?quick') && m.quote === 'this place is a scam' && m.crisisId !== null,
    );
    expect(first.crisisId).toBeNull();
    // Each anchored where it is on the page.
    const text = await article.page.evaluate(() => document.body.textContent ?? '');
    for (const mention of [first, second]) {
      const { start, end } = mention.selectors!.position;
      expect([...text].slice(start, end).join('')).toBe(mention.quote);
    }
  });

  it('the shortcut on a browser page stores no mention without an address', async () => {
    const { vigie } = session;
    const browserPage = await openTab(vigie, 'chrome://version/');
    const seen = (await notices(vigie)).length;
    await pressShortcut(vigie, browserPage.tab);
    await nextNotice(vigie, seen);
    expect((await allMentions(vigie)).filter((m) => m.url === '')).toEqual([]);
    await browserPage.page.close();
  });

  // The popup over a browser page gets no address (see above): its buttons are disabled, and it
  // used to say nothing about why.
  it('the popup over a browser page says why it cannot flag it', async () => {
    const { vigie } = session;
    const browserPage = await openTab(vigie, 'chrome://version/');
    const popup = await ActionPopup.open(vigie, browserPage.page);
    const disabled = await popup.isDisabled('popup-flag');
    const text = await popup.bodyText();
    await popup.close();
    await browserPage.page.close();
    expect(!disabled || text.includes("Vigie can't read this tab")).toBe(true);
  });

  // `autofocus` is honoured only while nothing has the focus, and the button that opened a form
  // has it: a keyboard user stayed on the button, and Escape could not close the form.
  it('a form opened from the keyboard takes the focus, and Escape closes it', async () => {
    const { vigie, server } = session;
    const article = await openTab(vigie, server.url('article.html?focus'));
    await flagSelection(vigie, article, '#p3', 'this place is a scam');
    await stored(vigie, (m) => m.url.endsWith('?focus'));
    const log = await CrisisLog.open(vigie);
    const row = log.mention('this place is a scam');
    await row.getByRole('checkbox').focus();
    await log.page.keyboard.press('Space');
    await log.page.getByTestId('log-create-crisis').focus();
    await log.page.keyboard.press('Enter');
    await expect
      .poll(() => log.page.getByLabel('Crisis title').evaluate((e) => e === document.activeElement))
      .toBe(true);
    await log.page.keyboard.press('Escape');
    await expect.poll(() => log.page.getByLabel('Crisis title').count()).toBe(0);

    await row.getByTestId('log-mention-edit').focus();
    await log.page.keyboard.press('Enter');
    await expect
      .poll(() => row.getByLabel('Note').evaluate((e) => e === document.activeElement))
      .toBe(true);
    await log.close();
  });
});
