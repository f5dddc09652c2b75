// What the e2e suite, `npm run bench` and `npm run screenshots` share to run the built
// extension in headless Chromium against pages served on 127.0.0.1.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { findChromium, HEADLESS_ARGS } from './chromium.mjs';

export const root = resolve(import.meta.dirname, '../..');
const built = join(root, 'extension');

/**
 * A copy of extension/ whose manifest grants http://127.0.0.1/*, standing in for the activeTab
 * grant that a real right-click gives (a test cannot right-click). The product keeps none.
 * With `allUrls`, it also grants <all_urls> at install, standing in for the user's "Allow" when
 * monitoring asks for it (a test cannot click the browser's prompt): `permissions.request`
 * then resolves at once. The optional permission the product declares stays as it is.
 * With `pageCapture`, the optional pageCapture permission is granted at install the same way,
 * standing in for the user's "Allow" when "Keep a copy of the page" asks for it.
 */
export function grantedCopy({ allUrls = false, pageCapture = false } = {}) {
  if (!existsSync(join(built, 'manifest.json'))) {
    throw new Error('extension/ is not built: run `npm run build` first.');
  }
  const dir = mkdtempSync(join(tmpdir(), 'vigie-ext-'));
  cpSync(built, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.host_permissions = ['http://127.0.0.1/*', ...(allUrls ? ['<all_urls>'] : [])];
  if (pageCapture) manifest.permissions = [...manifest.permissions, 'pageCapture'];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/** Playwright launch options for headless Chromium with `extension` loaded. */
export function launchOptions(extension, lang = 'en') {
  return {
    executablePath: findChromium() ?? '/usr/bin/chromium',
    headless: true,
    locale: lang,
    env: { ...process.env, LANGUAGE: lang },
    args: [
      ...HEADLESS_ARGS,
      `--lang=${lang}`,
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
    ],
  };
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** Serves the files of `dir` (flat: names only) on 127.0.0.1, on a free port. */
export async function serveDir(dir) {
  // Addresses as long as a browser sends (Node refuses over 16 KB of headers by default).
  const server = createServer({ maxHeaderSize: 4 * 1024 * 1024 }, (req, res) => {
    const name =
      decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '') || 'index.html';
    const file = join(dir, name);
    if (!/^[\w.-]+$/.test(name) || !TYPES[extname(name)] || !existsSync(file)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', TYPES[extname(name)]);
    res.end(readFileSync(file));
  });
  const { base, close } = await listenLocally(server);
  return { url: (name = '') => base + name, close };
}

/** Starts `server` on 127.0.0.1 on a free port: its base address, and how to close it. */
export async function listenLocally(server) {
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return {
    base: `http://127.0.0.1:${server.address().port}/`,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
