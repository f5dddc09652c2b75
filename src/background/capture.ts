/**
 * Reads the user's selection from a tab: injects Vigie's content script into the frame (the
 * activeTab grant of a right-click, a shortcut or the popup allows it) and asks it to describe
 * the selection. Returns null where the browser forbids scripting (its own pages, the PDF
 * viewer, web stores): the caller then keeps what the menu gave.
 */
import { browser } from '../core/browser';
import { createClient } from '../core/messaging/rpc';
import type { ContentCalls, Envelope, PageCapture } from '../core/messaging/protocol';

/** Pages no extension may script, whatever its permissions. */
export function canScript(url: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!['http:', 'https:', 'file:'].includes(parsed.protocol)) return false;
  if (parsed.pathname.toLowerCase().endsWith('.pdf')) return false;
  const storeHosts = [
    'chromewebstore.google.com',
    'addons.mozilla.org',
    'microsoftedge.microsoft.com',
  ];
  if (storeHosts.includes(parsed.hostname)) return false;
  return !(parsed.hostname === 'chrome.google.com' && parsed.pathname.startsWith('/webstore'));
}

/**
 * What the page at `tabId` (its frame `frameId`) says of the flagged selection; `said` is the
 * selection's text as the browser gave it at the click, when it did. Null when the page
 * cannot be read.
 */
export async function captureFromTab(
  tabId: number,
  frameId = 0,
  said?: string,
): Promise<PageCapture | null> {
  try {
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      files: ['content.js'],
    });
    const ask = createClient<ContentCalls>((envelope: Envelope<unknown>) =>
      browser.tabs.sendMessage(tabId, envelope, { frameId }),
    );
    const reply = await ask('capture', said === undefined ? {} : { said });
    return reply.ok ? reply.value : null;
  } catch {
    return null;
  }
}
