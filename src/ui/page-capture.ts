/**
 * The optional `pageCapture` permission, which lets Chromium save a page whole as MHTML for
 * "Keep a copy of the page". It is asked for on the click, never at install: its install
 * warning reads like access to every site. Firefox has no pageCapture; there, and when the
 * user refuses, the background keeps the page's document as HTML instead.
 */
import { browser, type Manifest } from '../core/browser';

/** True in Firefox, whose runtime alone can describe its browser. */
function isFirefox(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
}

/**
 * Asks for pageCapture; resolves true once granted (at once, without a prompt, when it
 * already is). Call it first thing in the click's handler: the browser only prompts during the
 * user's gesture, and an `await` before it would end the gesture.
 */
export function askForPageCapture(): Promise<boolean> {
  if (isFirefox()) return Promise.resolve(false);
  // The polyfill's types list Firefox's optional permissions, which pageCapture is not one of.
  const permissions = ['pageCapture'] as unknown as Manifest.OptionalPermission[];
  return browser.permissions.request({ permissions }).catch(() => false);
}
