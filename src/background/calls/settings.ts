/** The settings' calls: read them and change them (monitoring's switch has its own call). */
import { browser } from '../../core/browser';
import { getSettings, updateSettings } from '../../core/db/settings';
import { tellPages } from '../monitoring';
import { rescoreTabs } from '../tab-watch';
import type { Calls } from './args';
import type { HandlerDeps } from '../deps';

export function createSettingsCalls(deps: HandlerDeps): Calls<'getSettings' | 'updateSettings'> {
  const { db } = deps;
  return {
    getSettings() {
      return getSettings(db);
    },

    async updateSettings({ patch }) {
      // Monitoring goes on and off through `setMonitoring` only, with the page access it needs.
      const { monitoring: _monitoring, ...rest } = patch;
      const settings = await updateSettings(db, rest);
      // New terms need the pages to scan again; new word rules only a new scoring of the
      // sentences the background already holds.
      if (settings.monitoring && rest.watchlist) void tellPages(browser, 'monitorRefresh');
      else if (settings.monitoring && rest.wordRules) void rescoreTabs(settings.wordRules);
      deps.changed({ crises: true });
      return settings;
    },
  };
}
