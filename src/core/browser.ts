/**
 * The one module that imports webextension-polyfill: every context reaches the extension APIs
 * through this `browser`, with promises in Chromium and Firefox alike.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Alarms, Browser, Manifest, Menus, Runtime, Tabs } from 'webextension-polyfill';
