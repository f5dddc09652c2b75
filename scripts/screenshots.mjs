// Takes screenshots of Vigie's screens in headless Chromium, with mentions flagged on the demo
// page through the real context-menu listener: `node scripts/screenshots.mjs [OUT_DIR] [--lang=fr]
// [--dark]`. Used for the README's picture and to look at every screen before calling it done.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { grantedCopy, launchOptions, root, serveDir } from './lib/extension.mjs';

const args = process.argv.slice(2);
const out = resolve(args.find((a) => !a.startsWith('--')) ?? 'test-results/screens');
const lang = args.find((a) => a.startsWith('--lang='))?.slice(7) ?? 'en';
const dark = args.includes('--dark');
const suffix = `${lang}${dark ? '-dark' : ''}`;
mkdirSync(out, { recursive: true });

const ext = grantedCopy({ pageCapture: true });
const server = await serveDir(join(root, 'demo'));
const url = server.url(lang === 'fr' ? 'fr.html' : 'index.html');
const profile = mkdtempSync(join(tmpdir(), 'vigie-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  ...launchOptions(ext, lang),
  colorScheme: dark ? 'dark' : 'light',
  viewport: { width: 1200, height: 820 },
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const page = await context.newPage();
  await page.goto(url);
  const [tab] = await worker.evaluate((u) => chrome.tabs.query({ url: u }), url);

  /** Selects the n-th quote or reader comment and flags it through the real menu listener. */
  async function flag(n, menuItemId) {
    const text = await page.evaluate((i) => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelectorAll('blockquote, .comments li p')[i]);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      return getSelection().toString();
    }, n);
    await worker.evaluate(({ info, tab }) => chrome.contextMenus.onClicked.dispatch(info, tab), {
      info: { menuItemId, pageUrl: url, selectionText: text, frameId: 0, editable: false },
      tab,
    });
    await page.waitForTimeout(300);
  }
  await flag(0, 'flag-into-new-crisis');
  await flag(2, 'flag-mention');
  await flag(3, 'flag-mention');
  await page.screenshot({ path: join(out, `demo-${suffix}.png`) });

  const log = await context.newPage();
  await log.goto(`chrome-extension://${id}/dashboard/index.html#inbox`);
  await log.waitForSelector('body[data-ready="true"]');
  await log.screenshot({ path: join(out, `log-inbox-${suffix}.png`) });
  await log.goto(`chrome-extension://${id}/dashboard/index.html#crises`);
  await log.click('[data-testid="log-crisis"] a');
  await log.waitForTimeout(500);
  await log.screenshot({ path: join(out, `log-crisis-${suffix}.png`) });

  // The real popup, opened by the toolbar action over the demo page. Playwright cannot attach
  // to an action popup, so its rendered body is copied into a tab of the same page to be shot
  // (the tab is opened first: opening it later would close the popup).
  const shot = await context.newPage();
  await shot.setViewportSize({ width: 380, height: 560 });
  await shot.goto(`chrome-extension://${id}/popup/index.html`);
  await shot.waitForSelector('body[data-ready="true"]');
  await page.bringToFront();
  await worker.evaluate(() => chrome.action.openPopup());
  const copied = () =>
    shot.evaluate(() => {
      const [view] = chrome.extension.getViews({ type: 'popup' });
      if (view?.document.body.dataset.ready !== 'true') return false;
      document.body.replaceWith(document.importNode(view.document.body, true));
      return true;
    });
  for (let i = 0; i < 100 && !(await copied()); i++) await page.waitForTimeout(50);
  await shot.screenshot({ path: join(out, `popup-${suffix}.png`) });

  // Evidence: a copy of the page kept for the first mention of the inbox (as the popup's
  // button does), and its fingerprints verified in the crisis log.
  await log.goto(`chrome-extension://${id}/dashboard/index.html#inbox`);
  await log.waitForSelector('body[data-ready="true"]');
  const mentionId = await log.getAttribute('[data-testid="log-mention"]', 'data-mention-id');
  await log.evaluate(
    (args) => chrome.runtime.sendMessage({ vigie: 1, call: 'keepPageCopy', args }),
    { mentionId, tabId: tab.id },
  );
  await log.reload();
  await log.waitForSelector('body[data-ready="true"]');
  await log.locator('[data-testid="log-mention-evidence"]').first().click();
  await log.locator('[data-testid="log-evidence-verify"]').click();
  await log.waitForSelector('[data-testid="log-evidence-checks"]');
  await log.screenshot({ path: join(out, `log-evidence-${suffix}.png`) });

  // The settings, and the closing report of the crisis once closed.
  await log.goto(`chrome-extension://${id}/dashboard/index.html#settings`);
  await log.waitForSelector('.settings-section');
  await log.screenshot({ path: join(out, `settings-${suffix}.png`), fullPage: true });
  // Each of the five steps of the crisis, then the today view across crises.
  await log.goto(`chrome-extension://${id}/dashboard/index.html#crises`);
  await log.click('[data-testid="log-crisis"] a');
  for (const n of [1, 2, 3, 4, 5]) {
    await log
      .locator('.stepper')
      .getByRole('button', { name: new RegExp(`^${n}\\.`) })
      .click();
    await log
      .locator('.stepper [aria-current="step"]')
      .getByText(new RegExp(`^${n}\\.`))
      .waitFor();
    await log.waitForTimeout(200);
    await log.screenshot({ path: join(out, `step-${n}-${suffix}.png`), fullPage: true });
  }
  await log.goto(`chrome-extension://${id}/dashboard/index.html#today`);
  await log.waitForSelector('h1');
  await log.waitForTimeout(300);
  await log.screenshot({ path: join(out, `today-${suffix}.png`), fullPage: true });
  await log.goto(`chrome-extension://${id}/dashboard/index.html#crises`);
  await log.click('[data-testid="log-crisis"] a');
  await log.getByRole('button', { name: /^5\./ }).click();
  await log.locator('.stepper [aria-current="step"]').getByText(/^5\./).waitFor();
  // Closing after the post-mortem: the loose ends are said first, then closed anyway.
  await log.getByTestId('crisis-close').click();
  if (await log.getByTestId('close-loose-ends').count())
    await log.getByTestId('crisis-close').click();
  await log.waitForSelector('[data-testid="report"]');
  await log.screenshot({ path: join(out, `report-${suffix}.png`), fullPage: true });
  await log.emulateMedia({ media: 'print' });
  await log.screenshot({ path: join(out, `report-print-${suffix}.png`), fullPage: true });
  await log.emulateMedia({ media: 'screen' });
  await log.goto(`chrome-extension://${id}/dashboard/index.html#charts`);
  await log.waitForSelector('[data-testid="charts-metrics"]');
  await log.screenshot({ path: join(out, `charts-${suffix}.png`), fullPage: true });
  // Feed watch with no feed added yet: its screen and the form that adds one.
  await log.goto(`chrome-extension://${id}/dashboard/index.html#feeds`);
  await log.waitForSelector('body[data-ready="true"]');
  await log.screenshot({ path: join(out, `feeds-${suffix}.png`), fullPage: true });
  await log.goto(`chrome-extension://${id}/dashboard/index.html#backup`);
  await log.waitForSelector('body[data-ready="true"]');
  await log.screenshot({ path: join(out, `backup-${suffix}.png`), fullPage: true });

  // The README's picture: the crisis log with the popup beside it.
  const image = (name) =>
    `data:image/png;base64,${readFileSync(join(out, name)).toString('base64')}`;
  const sheet = await context.newPage();
  await sheet.setViewportSize({ width: 1620, height: 840 });
  await sheet.setContent(
    `<body style="margin:0;padding:10px;background:#8a94a6;display:flex;gap:16px;align-items:flex-start">` +
      `<img src="${image(`log-crisis-${suffix}.png`)}" style="width:1200px;box-shadow:0 2px 12px #0006">` +
      `<img src="${image(`popup-${suffix}.png`)}" style="width:380px;box-shadow:0 2px 12px #0006"></body>`,
  );
  await sheet.screenshot({ path: join(out, `overview-${suffix}.png`) });
  console.log(`screenshots in ${out}`);
} finally {
  await context.close();
  await server.close();
  rmSync(ext, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
