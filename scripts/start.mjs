// npm start: a one-command dev session for Vigie.
//   1. runs `node scripts/build.mjs --watch` (rebuilds extension/ when src/ changes),
//   2. serves demo/ on http://127.0.0.1:<free port>,
//   3. opens Chromium/Chrome (see scripts/lib/chromium.mjs) on a fresh temporary profile
//      with extension/ loaded, on the demo page,
//   4. on Ctrl+C or when the browser is closed, stops the watcher and the server and
//      deletes the temporary profile.
//
// Usage: node scripts/start.mjs [--headless] [--exit-after=SECONDS] [--verbose] [-- BROWSER_FLAGS]
//   --headless        run the browser headless (for checking the script, not for humans)
//   --exit-after=N    shut everything down N seconds after the browser started
//   --verbose         show the browser's own stdout/stderr
//   -- FLAGS          extra flags passed to the browser as is
// Environment: CHROME_BIN=/path/to/chrome picks the browser.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, rmSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, candidatePaths, findChromium } from './lib/chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUILD_SCRIPT = join(ROOT, 'scripts', 'build.mjs');
const EXTENSION_DIR = join(ROOT, 'extension');
const MANIFEST = join(EXTENSION_DIR, 'manifest.json');
const DEMO_DIR = join(ROOT, 'demo');
const BUILD_TIMEOUT_MS = 120_000;
const STALE_MANIFEST_GRACE_MS = 20_000;

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const log = (msg) => console.log(`vigie: ${msg}`);
const warn = (msg) => console.error(`vigie: ${msg}`);

function parseArgs(argv) {
  const opts = { headless: false, exitAfter: null, verbose: false, browserArgs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      opts.browserArgs = argv.slice(i + 1);
      break;
    } else if (arg === '--headless') opts.headless = true;
    else if (arg === '--verbose') opts.verbose = true;
    else if (arg.startsWith('--exit-after=')) {
      opts.exitAfter = Number(arg.slice('--exit-after='.length));
      if (!Number.isFinite(opts.exitAfter) || opts.exitAfter < 0) usage(`bad value: ${arg}`);
    } else if (arg === '--help' || arg === '-h') usage();
    else usage(`unknown option: ${arg}`);
  }
  return opts;
}

function usage(error) {
  const text =
    'usage: node scripts/start.mjs [--headless] [--exit-after=SECONDS] [--verbose] [-- BROWSER_FLAGS]';
  if (error) {
    console.error(`vigie: ${error}\n${text}`);
    process.exit(2);
  }
  console.log(text);
  process.exit(0);
}

const opts = parseArgs(process.argv.slice(2));

// ---- everything we start, and how to stop it ----------------------------------------------

const state = {
  watcher: null,
  server: null,
  browser: null,
  cdp: null,
  profileDir: null,
  exitTimer: null,
  shuttingDown: false,
};

/** Resolves when `child` has exited, or after `ms` (then resolves false). */
function waitForExit(child, ms) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

async function stopChild(child, { graceful, ms = 5000 } = {}) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (graceful) graceful();
    else child.kill('SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
  if (!(await waitForExit(child, ms))) {
    child.kill('SIGKILL');
    await waitForExit(child, 2000);
  }
}

function killBrowserGroup() {
  if (!state.browser?.pid || process.platform === 'win32') return;
  try {
    process.kill(-state.browser.pid, 'SIGKILL');
  } catch {
    // the group is already gone
  }
}

async function shutdown(code) {
  if (state.shuttingDown) return;
  state.shuttingDown = true;
  clearTimeout(state.exitTimer);
  log('shutting down…');
  await stopChild(state.browser, {
    graceful: state.cdp ? () => state.cdp.send('Browser.close').catch(() => {}) : undefined,
  });
  // Helper processes (zygotes) can outlive a browser that failed, and would recreate the
  // profile directory after we delete it: stop the browser's whole process group.
  killBrowserGroup();
  await stopChild(state.watcher, { ms: 3000 });
  if (state.server) {
    state.server.closeAllConnections?.();
    await new Promise((done) => state.server.close(() => done()));
  }
  if (state.profileDir) {
    await rm(state.profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 })
      .then(() => log(`removed temporary profile ${state.profileDir}`))
      .catch((err) => warn(`could not remove ${state.profileDir}: ${err.message}`));
  }
  process.exit(code);
}

let interrupts = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (++interrupts > 1) {
      // Second Ctrl+C: stop waiting for anything.
      killBrowserGroup();
      for (const child of [state.browser, state.watcher]) child?.kill('SIGKILL');
      if (state.profileDir) rmSync(state.profileDir, { recursive: true, force: true });
      process.exit(130);
    }
    void shutdown(0);
  });
}

// ---- 1. browser lookup (before starting anything) -----------------------------------------

const browserPath = findChromium();
if (process.env.CHROME_BIN && browserPath !== process.env.CHROME_BIN) {
  warn(`CHROME_BIN=${process.env.CHROME_BIN} does not exist; looking elsewhere.`);
}
if (!browserPath) {
  console.error(
    [
      'Vigie: no Chromium or Chrome found.',
      'Install one (Debian/Ubuntu: apt-get install chromium) or set CHROME_BIN=/path/to/chrome,',
      'e.g. CHROME_BIN=/usr/bin/chromium npm start',
      'Paths tried:',
      ...(process.env.CHROME_BIN ? [`  $CHROME_BIN = ${process.env.CHROME_BIN}`] : []),
      ...candidatePaths().map((p) => `  ${p}`),
    ].join('\n'),
  );
  process.exit(1);
}
if (!existsSync(BUILD_SCRIPT)) {
  warn(`${BUILD_SCRIPT} is missing; cannot build the extension.`);
  process.exit(1);
}

// ---- 2. build watcher ---------------------------------------------------------------------

let builtLines = 0;
let browserStarted = false;
let rebuildHint;

function startWatcher() {
  const child = spawn(process.execPath, [BUILD_SCRIPT, '--watch'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const relay = (stream, out) =>
    createInterface({ input: stream }).on('line', (line) => {
      out.write(`[build] ${line}\n`);
      if (/\bbuilt\b/i.test(line)) {
        builtLines++;
        // One hint per save, even when the build reports several passes.
        clearTimeout(rebuildHint);
        if (browserStarted) {
          rebuildHint = setTimeout(
            () => log('extension/ rebuilt; reload Vigie in chrome://extensions'),
            400,
          );
        }
      }
    });
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  child.on('error', (err) => {
    warn(`could not run the build watcher: ${err.message}`);
    void shutdown(1);
  });
  child.on('exit', (code, signal) => {
    if (state.shuttingDown) return;
    // Ctrl+C reaches the whole process group: a watcher stopped by a signal is not an error.
    if (signal) return void shutdown(0);
    warn(`the build watcher exited (code ${code}); stopping.`);
    void shutdown(code || 1);
  });
  return child;
}

/** Files extension/manifest.json points at, relative to extension/. */
function referencedFiles(manifest) {
  const files = [];
  const add = (v) => {
    if (typeof v === 'string') files.push(v);
    else if (Array.isArray(v)) v.forEach(add);
    else if (v && typeof v === 'object') Object.values(v).forEach(add);
  };
  add(manifest.background?.service_worker);
  add(manifest.background?.scripts);
  add(manifest.background?.page);
  for (const cs of manifest.content_scripts ?? []) add([cs.js, cs.css]);
  add(manifest.action?.default_popup);
  add(manifest.action?.default_icon);
  add(manifest.options_ui?.page);
  add(manifest.options_page);
  add(manifest.side_panel?.default_path);
  add(manifest.icons);
  if (manifest.default_locale) add(`_locales/${manifest.default_locale}/messages.json`);
  return files;
}

/** True when extension/ holds a manifest written by this session and every file it names. */
async function buildLooksReady(startedAt, acceptStale) {
  const info = await stat(MANIFEST).catch(() => null);
  if (!info || (!acceptStale && info.mtimeMs < startedAt - 2000 && builtLines === 0)) return false;
  let manifest;
  try {
    manifest = JSON.parse(await readFile(MANIFEST, 'utf8'));
  } catch {
    return false; // still being written
  }
  return referencedFiles(manifest).every((f) => existsSync(join(EXTENSION_DIR, f)));
}

/**
 * Waits for the watcher's first build: a fresh extension/manifest.json whose referenced
 * files all exist, still true half a second later (builds may run in several passes).
 */
async function waitForBuild(startedAt) {
  const deadline = startedAt + BUILD_TIMEOUT_MS;
  const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
  for (;;) {
    if (state.shuttingDown) return new Promise(() => {});
    const acceptStale = Date.now() - startedAt > STALE_MANIFEST_GRACE_MS;
    if (await buildLooksReady(startedAt, acceptStale)) {
      const linesBefore = builtLines;
      await sleep(500);
      if (builtLines === linesBefore && (await buildLooksReady(startedAt, acceptStale))) {
        if (acceptStale && builtLines === 0)
          warn('using extension/ as it is (no fresh build seen).');
        return;
      }
      continue;
    }
    if (Date.now() > deadline) {
      warn(`extension/ still incomplete after ${BUILD_TIMEOUT_MS / 1000} s; is the build failing?`);
      return void (await shutdown(1));
    }
    await sleep(150);
  }
}

// ---- 3. demo server -----------------------------------------------------------------------

function startServer() {
  const server = createServer((req, res) => {
    const send = (status, body) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed\n');
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'Bad request\n');
    }
    let file = normalize(join(DEMO_DIR, path));
    if (file !== DEMO_DIR && !file.startsWith(DEMO_DIR + sep)) return send(403, 'Forbidden\n');
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!statSync(file).isFile()) return send(404, 'Not found\n');
    } catch {
      return send(404, 'Not found\n');
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done(server));
  });
}

// ---- 4. browser ---------------------------------------------------------------------------

/**
 * A minimal DevTools-protocol client over --remote-debugging-pipe (fds 3 and 4). It loads
 * the extension with Extensions.loadUnpacked, because branded Google Chrome 137+ ignores
 * --load-extension (Chromium still honours it), and closes the browser gracefully.
 */
function pipeClient(child) {
  const out = child.stdio[3];
  const input = child.stdio[4];
  const pending = new Map();
  let nextId = 1;
  let buffer = '';
  out.on('error', () => {});
  input.on('error', () => {});
  input.setEncoding('utf8');
  input.on('data', (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const raw = buffer.slice(0, end);
      buffer = buffer.slice(end + 1);
      let msg;
      try {
        msg = JSON.parse(raw);
      } catch {
        continue;
      }
      const waiter = pending.get(msg.id);
      if (!waiter) continue;
      pending.delete(msg.id);
      if (msg.error) waiter.fail(new Error(msg.error.message));
      else waiter.done(msg.result);
    }
  });
  return {
    send(method, params = {}, ms = 15_000) {
      const id = nextId++;
      return new Promise((done, fail) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          fail(new Error(`${method}: no answer after ${ms / 1000} s`));
        }, ms);
        pending.set(id, {
          done: (v) => (clearTimeout(timer), done(v)),
          fail: (e) => (clearTimeout(timer), fail(e)),
        });
        out.write(`${JSON.stringify({ id, method, params })}\0`);
      });
    },
  };
}

function startBrowser(url) {
  const args = [
    ...CHROMIUM_ARGS,
    '--no-default-browser-check',
    ...(opts.headless ? ['--headless=new'] : []),
    `--user-data-dir=${state.profileDir}`,
    `--load-extension=${EXTENSION_DIR}`,
    `--disable-extensions-except=${EXTENSION_DIR}`,
    '--remote-debugging-pipe',
    '--enable-unsafe-extension-debugging',
    ...opts.browserArgs,
    url,
  ];
  const output = opts.verbose ? 'inherit' : 'ignore';
  const child = spawn(browserPath, args, {
    stdio: ['ignore', output, output, 'pipe', 'pipe'],
    // Its own process group (POSIX), so helpers it leaves behind can be stopped with it.
    detached: process.platform !== 'win32',
  });
  const launchedAt = Date.now();
  child.on('error', (err) => {
    warn(`could not start ${browserPath}: ${err.message}`);
    void shutdown(1);
  });
  child.on('exit', (code, signal) => {
    if (state.shuttingDown) return;
    if (signal || code === 0) {
      log(signal ? `browser stopped (${signal}).` : 'browser closed.');
      return void shutdown(0);
    }
    warn(`the browser exited with code ${code}.`);
    if (Date.now() - launchedAt < 15_000) {
      warn(
        'It stopped right after starting: run with --verbose to see its output' +
          (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
            ? '; there is no display here (DISPLAY is unset), try --headless.'
            : '.'),
      );
    }
    void shutdown(1);
  });
  state.cdp = pipeClient(child);
  state.cdp
    .send('Extensions.loadUnpacked', { path: EXTENSION_DIR })
    .then((result) => log(`extension loaded (id ${result.id})`))
    .catch((err) => {
      if (state.shuttingDown) return;
      // Older browsers have no Extensions domain; --load-extension covers them.
      if (/wasn't found|not found/i.test(err.message)) return;
      warn(
        `could not load extension/ through DevTools (${err.message}). If Vigie is missing,` +
          ` open chrome://extensions, enable Developer mode, "Load unpacked" → ${EXTENSION_DIR}`,
      );
    });
  return child;
}

// ---- main ---------------------------------------------------------------------------------

async function main() {
  const startedAt = Date.now();
  state.watcher = startWatcher();
  state.server = await startServer();
  const { port } = state.server.address();
  const demoUrl = `http://127.0.0.1:${port}/`;
  log(`serving demo/ on ${demoUrl} (French: ${demoUrl}fr.html)`);

  log('waiting for the first build of extension/…');
  await waitForBuild(startedAt);
  if (state.shuttingDown) return;

  state.profileDir = await mkdtemp(join(tmpdir(), 'vigie-profile-'));
  // Developer mode on, so chrome://extensions shows Reload, Errors and "Inspect service worker".
  await mkdir(join(state.profileDir, 'Default'));
  await writeFile(
    join(state.profileDir, 'Default', 'Preferences'),
    JSON.stringify({ extensions: { ui: { developer_mode: true } } }),
  );
  state.browser = startBrowser(demoUrl);
  browserStarted = true;
  console.log(
    [
      '',
      `  Vigie is running in ${browserPath}${opts.headless ? ' (headless)' : ''}`,
      `  demo page:  ${demoUrl}   (French: ${demoUrl}fr.html)`,
      `  extension:  ${EXTENSION_DIR}`,
      `  profile:    ${state.profileDir} (temporary, deleted on exit)`,
      '  watching src/ — changes rebuild extension/; reload the extension in chrome://extensions',
      '  Select a sentence on the demo page, right-click → Flag mention (or Alt+Shift+F).',
      '  Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  if (opts.exitAfter !== null) {
    state.exitTimer = setTimeout(() => {
      log(`--exit-after=${opts.exitAfter}: time is up.`);
      void shutdown(0);
    }, opts.exitAfter * 1000);
  }
}

main().catch((err) => {
  warn(err.stack || String(err));
  void shutdown(1);
});
