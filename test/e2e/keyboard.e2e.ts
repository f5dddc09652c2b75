/**
 * The keyboard alone: the crisis log's first stop is a skip link to the main content; every
 * change of screen, from the navigation or a creation, leaves the focus on the new screen's
 * heading; and the shortest path from a flagged mention to its crisis's first containment item
 * is counted, key by key.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CrisisLog } from './fixtures/crisis-log';
import { focusedElement, NAV_SCREENS } from './fixtures/screens';
import { flagSelection, openTab, stored, useVigie } from './fixtures/vigie';

const session = useVigie();

const focused = (page: Page) => page.evaluate(focusedElement);

describe('the keyboard alone', () => {
  it('skips to the main content first, and starts each new screen at its heading', async () => {
    const log = await CrisisLog.open(session.vigie, '#inbox');
    const { page } = log;
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ tag: 'a', text: 'Skip to main content' });
    await page.keyboard.press('Enter');
    expect(await focused(page)).toEqual({ tag: 'h1', text: 'Inbox' });

    for (const [link, heading] of NAV_SCREENS) {
      await page
        .getByRole('navigation')
        .getByRole('link', { name: new RegExp(`^${link}`) })
        .focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(page)).toEqual({ tag: 'h1', text: heading });
    }
  });

  it('goes from a flagged mention to its crisis’s first containment item in a few keys', async () => {
    const { vigie, server } = session;
    const article = await openTab(vigie, server.url('article.html?keyboard'));
    await flagSelection(vigie, article, '#p2', 'stale by noon');
    await stored(vigie, (m) => m.quote === 'stale by noon');
    const log = await CrisisLog.open(vigie, '#inbox');
    const { page } = log;

    // Every key pressed, from the log opening on the inbox to the item ticked.
    let keys = 0;
    const press = async (key: string) => {
      keys += 1;
      await page.keyboard.press(key);
    };
    const tabTo = async (match: (f: { tag: string; text: string }) => boolean, back = false) => {
      for (let i = 0; i < 80 && !match(await focused(page)); i++) {
        await press(back ? 'Shift+Tab' : 'Tab');
      }
      expect(match(await focused(page))).toBe(true);
    };
    // Past the navigation by the skip link, then to the mention's box.
    await press('Tab');
    await press('Enter');
    await tabTo((f) => f.tag === 'input' && /stale by noon/.test(f.text));
    await press('Space');
    await tabTo((f) => f.text === 'Create a crisis from selection', true);
    await press('Enter');
    // The form takes the focus with the name offered; Enter creates and opens the crisis.
    await press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1' });
    await tabTo((f) => f.tag === 'input' && /^Stop further damage/.test(f.text));
    await press('Space');
    expect(await page.getByRole('checkbox', { name: /^Stop further damage/ }).isChecked()).toBe(
      true,
    );
    console.log(`keyboard_flag_to_first_containment_keys ${keys} keys`);
    expect(keys).toBeLessThanOrEqual(24);

    // The stepper is one stop; the arrows go from step to step.
    await page.locator('.stepper [aria-current="step"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toMatchObject({ text: expect.stringMatching(/^2\. Assess/) });
    await page.keyboard.press('End');
    expect(await focused(page)).toMatchObject({ text: expect.stringMatching(/^5\. Learn/) });
  });
});
