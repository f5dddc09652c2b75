// Renders the Vigie toolbar icons: icons/vigie.svg (and icons/vigie-16.svg, the
// simplified drawing for 16 px) to icons/icon-{16,32,48,128}.png with headless Chromium
// through playwright-core, on a transparent background.
//
//   node icons/render.mjs                      write the four PNGs next to this script
//   node icons/render.mjs --preview out.png    also write a preview sheet (16 and 32 px
//                                              icons on light and dark toolbars) to out.png
//   CHROME_BIN=/path/to/chrome node icons/render.mjs   use another browser binary
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { HEADLESS_ARGS } from '../scripts/lib/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SIZES = [16, 32, 48, 128];

/** The SVG drawing used for a given pixel size (a simplified one for 16 px if present). */
function sourceFor(size) {
  const small = join(here, `vigie-${size}.svg`);
  return existsSync(small) ? small : join(here, 'vigie.svg');
}

async function dataUrl(file, type = 'image/svg+xml') {
  const bytes = await readFile(file);
  return `data:${type};base64,${bytes.toString('base64')}`;
}

/** Renders `svgFile` at size x size CSS pixels (device scale 1) to a transparent PNG. */
async function renderIcon(browser, svgFile, size, outFile) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  try {
    const src = await dataUrl(svgFile);
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}img{display:block}</style>` +
        `<img src="${src}" width="${size}" height="${size}" alt="">`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({
      path: outFile,
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
  } finally {
    await page.close();
  }
}

/** A sheet showing the rendered PNGs on a light and a dark toolbar, zoomed for inspection. */
async function renderPreview(browser, outFile) {
  const toolbars = [
    ['light', '#f1f3f4'],
    ['dark', '#202124'],
  ];
  const pngs = {};
  for (const size of SIZES) pngs[size] = await dataUrl(join(here, `icon-${size}.png`), 'image/png');
  const img = (size, zoom) =>
    `<img src="${pngs[size]}" style="width:${size * zoom}px;height:${size * zoom}px">`;
  const rows = toolbars
    .map(
      ([name, bg]) => `
      <div class="bar" style="background:${bg};color:${name === 'dark' ? '#e8eaed' : '#202124'}">
        <span class="label">${name}</span>
        <span class="cell">${img(16, 1)}<small>16</small></span>
        <span class="cell">${img(32, 1)}<small>32</small></span>
        <span class="cell">${img(16, 4)}<small>16 ×4</small></span>
        <span class="cell">${img(32, 2)}<small>32 ×2</small></span>
        <span class="cell">${img(48, 1)}<small>48</small></span>
        <span class="cell">${img(128, 1)}<small>128</small></span>
      </div>`,
    )
    .join('');
  const page = await browser.newPage({ viewport: { width: 640, height: 400 } });
  try {
    await page.setContent(`<!doctype html><style>
      body{margin:0;font:12px sans-serif}
      .bar{display:flex;align-items:center;gap:20px;padding:12px 16px}
      .label{width:40px}
      .cell{display:flex;flex-direction:column;align-items:center;gap:4px}
      img{image-rendering:pixelated}
    </style>${rows}`);
    await page.screenshot({ path: outFile, fullPage: true });
  } finally {
    await page.close();
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const previewAt = argv.indexOf('--preview');
  const previewFile = previewAt >= 0 ? argv[previewAt + 1] : undefined;
  if (previewAt >= 0 && !previewFile) {
    console.error('usage: node icons/render.mjs [--preview out.png]');
    process.exit(2);
  }

  const browser = await chromium.launch({
    executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
    args: HEADLESS_ARGS,
  });
  try {
    for (const size of SIZES) {
      const out = join(here, `icon-${size}.png`);
      await renderIcon(browser, sourceFor(size), size, out);
      console.log(`icons/icon-${size}.png  <- ${sourceFor(size).slice(here.length + 1)}`);
    }
    if (previewFile) {
      await renderPreview(browser, resolve(previewFile));
      console.log(`preview: ${resolve(previewFile)}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
