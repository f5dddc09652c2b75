/**
 * The toolbar popup from the keyboard alone, as a user who opens it with its shortcut: the
 * flag button has the focus and Enter flags; every control is a Tab stop that shows its focus
 * ring; after a call the focus stays where the user was; a crisis opens on Enter. And the real
 * popup audited by axe-core, empty, with mentions and with sightings, light and dark.
 */
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { audit } from './fixtures/axe';
import { ActionPopup } from './fixtures/popup';
import {
  call,
  extensionUrl,
  openCrises,
  openTab,
  select,
  stored,
  useVigie,
  type Session,
} from './fixtures/vigie';

const session = useVigie({ allUrls: true });

interface Stop {
  /** The control's data-testid, or its tag when it has none. */
  id: string;
  text: string;
  /** Whether a focus ring shows around it (an outline of some width, or a shadow). */
  ring: boolean;
}

/** What has the focus in the popup. */
function focused(page: PuppeteerPage): Promise<Stop> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return {
      id: el.dataset.testid ?? el.tagName.toLowerCase(),
      text: (el.getAttribute('aria-label') || el.textContent || '').trim(),
      ring:
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
        style.boxShadow !== 'none',
    };
  });
}

/**
 * Every Tab stop once round the popup, from where the focus is; and every control a user can
 * reach (enabled, shown, not in a closed fold), to compare.
 */
async function roundTrip(page: PuppeteerPage): Promise<{ stops: Stop[]; controls: number }> {
  await page.evaluate(() => {
    for (const el of document.querySelectorAll('[data-stop]')) el.removeAttribute('data-stop');
  });
  const stops: Stop[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const seen = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      if (el === document.body) return 'none';
      if (el.dataset.stop) return 'again';
      el.dataset.stop = 'true';
      return 'new';
    });
    if (seen === 'again') break;
    if (seen === 'new') stops.push(await focused(page));
  }
  const controls = await page.evaluate(
    () =>
      [
        ...document.querySelectorAll<HTMLElement>(
          'button:not([disabled]), a[href], summary, input:not([disabled]), [tabindex="0"]',
        ),
      ].filter((el) => {
        const fold = el.closest('details:not([open])');
        return el.getClientRects().length > 0 && (!fold || el.parentElement === fold);
      }).length,
  );
  return { stops, controls };
}

/** axe-core on the real popup, light and dark. */
async function audited(page: PuppeteerPage, state: string): Promise<string[]> {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    found.push(...(await audit(page, `popup ${state} (${scheme})`)));
  }
  return found;
}

async function turnMonitoringOn({ vigie }: Session): Promise<void> {
  await call(vigie, 'updateSettings', {
    patch: { watchlist: [{ id: 'lumen', term: 'Lumen Coffee', aliases: ['Lumen'] }] },
  });
  await vigie.ext.goto(extensionUrl(vigie, 'dashboard/index.html#settings'));
  await vigie.ext.waitForSelector('body[data-ready="true"]');
  const toggle = vigie.ext.getByTestId('settings-monitoring-switch');
  await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
}

describe('the popup from the keyboard', () => {
  it('flags on Enter, reaches every control with a focus ring, and opens a crisis', async () => {
    const { vigie, server } = session;
    const article = await openTab(vigie, server.url('article.html?keys'));
    const empty = await ActionPopup.open(vigie, article.page);
    const found = await audited(await empty.keys(), 'empty');
    await empty.close();

    await select(article.page, '#p2', 'stale by noon');
    const popup = await ActionPopup.open(vigie, article.page);
    const keys = await popup.keys();
    // Opened for flagging: the first key flags the selection.
    expect(await focused(keys)).toMatchObject({ id: 'popup-flag', text: 'Flag selection or page' });
    await keys.keyboard.press('Enter');
    await expect
      .poll(() => popup.text('popup-status'))
      .toBe('Mention flagged. It waits in the inbox.');
    await stored(vigie, (m) => m.quote === 'stale by noon');
    // The button was busy meanwhile; the focus is back on it.
    await expect.poll(() => focused(keys)).toMatchObject({ id: 'popup-flag' });

    // Another selection, into a new crisis: one Tab, one Enter.
    await select(article.page, '#p3', 'this place is a scam');
    await keys.keyboard.press('Tab');
    expect(await focused(keys)).toMatchObject({ id: 'popup-flag-new-crisis' });
    await keys.keyboard.press('Enter');
    await expect.poll(() => popup.crises()).toHaveLength(1);
    await expect.poll(() => focused(keys)).toMatchObject({ id: 'popup-flag-new-crisis' });
    found.push(...(await audited(keys, 'with mentions')));

    // Once round: every control is a stop, and each shows where the focus is.
    const { stops, controls } = await roundTrip(keys);
    expect(stops.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'popup-untriaged',
        'popup-flag',
        'popup-flag-new-crisis',
        'popup-keep-copy',
        'button',
        'popup-open-log',
      ]),
    );
    expect(stops).toHaveLength(controls);
    expect(stops.filter((s) => !s.ring)).toEqual([]);

    // Tab to the crisis and Enter: the crisis log opens on it.
    const [crisis] = await openCrises(vigie);
    const onCrisis = async () => (await focused(keys)).text.startsWith(crisis!.title);
    for (let i = 0; i < controls && !(await onCrisis()); i++) {
      await keys.keyboard.press('Tab');
    }
    const opened = vigie.context.waitForEvent('page');
    // Down only: the popup closes as the log opens, before the key would come up.
    await keys.keyboard.down('Enter');
    const log = await opened;
    await log.waitForURL(/#crisis\//);
    expect(log.url()).toBe(extensionUrl(vigie, `dashboard/index.html#crisis/${crisis!.id}`));
    await log.close();
    await article.page.close();
    expect(found).toEqual([]);
  });

  it('shows the watched terms on the page and flags one, the focus kept in place', async () => {
    await turnMonitoringOn(session);
    const { vigie, server } = session;
    const watched = await openTab(vigie, server.url('article.html?keys-watched'));
    const popup = await ActionPopup.openUntil(
      vigie,
      watched.page,
      async (p) => (await p.texts('popup-sighting-term')).length === 4,
    );
    const keys = await popup.keys();
    const found = await audited(keys, 'with sightings');
    const tabTo = async (id: string) => {
      for (let i = 0; i < 40 && (await focused(keys)).id !== id; i++) {
        await keys.keyboard.press('Tab');
      }
      expect(await focused(keys)).toMatchObject({ id });
    };

    await tabTo('popup-show-on-page');
    await keys.keyboard.press('Space');
    await expect.poll(() => popup.text('popup-status')).toBe('Highlighted on the page: 4');
    await expect.poll(() => focused(keys)).toMatchObject({ id: 'popup-show-on-page' });

    await tabTo('popup-flag-sighting');
    const sentence = (await focused(keys)).text;
    await keys.keyboard.press('Enter');
    await expect
      .poll(() => popup.text('popup-status'))
      .toBe('Mention flagged. It waits in the inbox.');
    // Its button became "Flagged": the line that says so has the focus, and Tab goes on.
    await expect.poll(() => focused(keys)).toMatchObject({ id: 'popup-status' });
    await stored(vigie, (m) => m.kind === 'selection' && m.url.endsWith('?keys-watched'));
    expect(sentence).toMatch(/^Flag the sentence about Lumen/);

    // The other sightings, folded, open from the keyboard.
    await tabTo('summary');
    await keys.keyboard.press('Enter');
    expect(await keys.evaluate(() => document.querySelector('details')?.open)).toBe(true);
    found.push(...(await audited(keys, 'with sightings, unfolded')));
    await popup.close();
    await watched.page.close();
    expect(found).toEqual([]);
  });
});
