/**
 * The crisis log from the popup: in the tab it already has if any, or at a route (the inbox, a
 * crisis) in a new one; the popup closes once it is asked for.
 */
import { browser } from '../core/browser';

export function openLog(route?: string): void {
  const opening = route
    ? browser.tabs.create({ url: browser.runtime.getURL(`dashboard/index.html#${route}`) })
    : browser.runtime.openOptionsPage();
  void opening.finally(() => window.close());
}
