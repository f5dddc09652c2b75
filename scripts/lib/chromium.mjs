// Finds a Chromium or Chrome binary to run the extension in, and the command-line flags
// Vigie's scripts launch it with: scripts/start.mjs (npm start), and every headless run.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Flags for a quiet, throwaway browser session (no headless flag: add it yourself). */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Chromium refuses to start as root without this (containers, CI).
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

/**
 * Flags of every headless run of Vigie's scripts (tests, benchmarks, screenshots, icons): the
 * quiet session's, headless, without GPU or sandbox.
 */
export const HEADLESS_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  ...CHROMIUM_ARGS.filter((arg) => arg !== '--no-sandbox'),
];

/** The places findChromium() looks on this platform, in order (after $CHROME_BIN). */
export function candidatePaths() {
  if (process.platform === 'win32') {
    const roots = [
      process.env.PROGRAMFILES || 'C:\\Program Files',
      process.env['PROGRAMFILES(X86)'] || 'C:\\Program Files (x86)',
      process.env.LOCALAPPDATA,
    ].filter(Boolean);
    return roots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ];
}

/**
 * The browser to launch: $CHROME_BIN if it is set and exists, else the first existing
 * path from candidatePaths(), else null.
 */
export function findChromium() {
  const fromEnv = process.env.CHROME_BIN;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return candidatePaths().find((p) => existsSync(p)) ?? null;
}
