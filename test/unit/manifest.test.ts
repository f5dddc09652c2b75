import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const manifest = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../manifest.json'), 'utf8'),
);

describe('manifest', () => {
  it('asks at install only for what Vigie uses, with no host access and no static content script', () => {
    expect([...manifest.permissions].sort()).toEqual(
      [
        'activeTab',
        'alarms',
        'contextMenus',
        'notifications',
        'scripting',
        'storage',
        'unlimitedStorage',
      ].sort(),
    );
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts).toBeUndefined();
  });

  it('asks for access to pages and for page capture only as optional permissions, when used', () => {
    // <all_urls> when monitoring is turned on; pageCapture on "Keep a copy of the page".
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
    expect(manifest.optional_permissions).toEqual(['pageCapture']);
  });

  it('loads in Chromium (classic service worker) and Firefox (background scripts) from one file', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background).toEqual({
      service_worker: 'background.js',
      scripts: ['background.js'],
    });
    expect(manifest.browser_specific_settings.gecko.id).toMatch(/@/);
    expect(manifest.browser_specific_settings.gecko.data_collection_permissions).toEqual({
      required: ['none'],
    });
  });

  it('offers the flag shortcut, the popup and the crisis log in a tab', () => {
    expect(manifest.commands['flag-selection'].suggested_key.default).toBe('Alt+Shift+F');
    expect(manifest.action.default_popup).toBe('popup/index.html');
    expect(manifest.options_ui).toEqual({ page: 'dashboard/index.html', open_in_tab: true });
  });
});
