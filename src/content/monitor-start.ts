/**
 * The script registered for every page while monitoring is on (one classic IIFE file,
 * monitor-start.js, well under a kilobyte). It waits for the page's load event, then asks the
 * background to add the watch itself (monitor.js and its stylesheet) to this page. Until the
 * page has loaded, nothing of the watch is parsed and no style is added: monitoring costs a
 * page's load next to nothing.
 */
import { pageLoaded } from './page-loaded';
import { sendMessage } from './runtime';

declare global {
  // Set once per frame: a page asks for one watch, however often the script ran.
  var __vigieMonitorStart: boolean | undefined;
}

if (!globalThis.__vigieMonitorStart && window === window.top) {
  globalThis.__vigieMonitorStart = true;
  void pageLoaded().then(async () => {
    try {
      await sendMessage({ vigie: 1, call: 'monitorStart', args: {} });
    } catch {
      // No answer to wait for: a page the background will not watch just gets nothing.
    }
  });
}
