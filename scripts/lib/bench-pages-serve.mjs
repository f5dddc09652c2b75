// What `npm run bench -- --pages` serves and launches: a directory of saved web pages on
// 127.0.0.1, their scripts stripped, in headless Chromium with no network but that server. The
// saved pages still hold their sites' scripts, event handlers and remote links: none may run or
// load, so that every run measures the same page.
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { findChromium, HEADLESS_ARGS } from './chromium.mjs';
import { listenLocally } from './extension.mjs';

/** Every host but the page server fails at once, as if it did not exist. */
export const NO_NETWORK = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

/** The flags every Vigie script launches Chromium with (see extension.mjs), network cut off. */
export const BROWSER_ARGS = [...HEADLESS_ARGS, NO_NETWORK];

/** Playwright launch options for a plain headless Chromium (no extension). */
export function browserOptions() {
  return {
    executablePath: findChromium() ?? '/usr/bin/chromium',
    headless: true,
    args: BROWSER_ARGS,
  };
}

/**
 * Undoes what the stripped scripts did first: some pages hide themselves until a script shows
 * them (engadget's defence against framing: `html { display: none }`, shown when not framed).
 */
const SHOWN = '<style>html { display: block !important; }</style>';

/**
 * The page without its scripts (<script> elements, on…= handlers) and without the remote pages
 * of its frames (iframe src: each failed one would cost a process for its error page), shown.
 */
export function stripScripts(html) {
  const stripped = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<[a-z][^>]*>/gi, (tag) => {
      const bare = tag.replace(/\s+on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, '');
      return /^<i?frame\b/i.test(bare)
        ? bare.replace(/\s+src\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, '')
        : bare;
    });
  return /<\/head>/i.test(stripped)
    ? stripped.replace(/<\/head>/i, `${SHOWN}</head>`)
    : SHOWN + stripped;
}

/** The saved pages of `dir` (*.html, *.htm), by name. */
export function pageFiles(dir) {
  return readdirSync(dir)
    .filter((name) => /\.html?$/i.test(name))
    .sort();
}

/**
 * Serves the pages of `dir` (names only, read once, scripts stripped) on 127.0.0.1, on a free
 * port. Every page is UTF-8 (the saved pages are; one declares no charset).
 */
export async function servePages(dir) {
  const files = pageFiles(dir);
  const pages = new Map(
    files.map((name) => [name, stripScripts(readFileSync(join(dir, name), 'utf8'))]),
  );
  const server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').split('?')[0]).replace(/^\/+/, '');
    const html = pages.get(name);
    if (html === undefined) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(html);
  });
  const { base, close } = await listenLocally(server);
  return { files, url: (name) => base + encodeURIComponent(name), close };
}
