/**
 * The background's side of the contract with the popup and the crisis log, one module per
 * subject: the popup, mentions, crises, settings, the overview (counts, agenda, charts),
 * backup and import, evidence, monitoring, the team cell, feed watch. Every write to the database happens in them (or in
 * the flag service they call).
 */
import { browser } from '../../core/browser';
import type { BackgroundCalls } from '../../core/messaging/protocol';
import type { Handlers } from '../../core/messaging/rpc';
import type { HandlerDeps } from '../deps';
import { createBackupCalls } from './backup';
import { createCellCalls } from './cell';
import { createCrisisCalls } from './crises';
import { createEvidenceCalls } from './evidence';
import { createFeedCalls } from './feeds';
import { createMentionCalls } from './mentions';
import { createMonitoringCalls, followMonitoringSetting } from './monitoring';
import { createOverviewCalls } from './overview';
import { createPopupCalls } from './popup';
import { createSettingsCalls } from './settings';

export function createHandlers(deps: HandlerDeps): Handlers<BackgroundCalls, unknown> {
  return {
    ...createPopupCalls(deps),
    ...createMentionCalls(deps),
    ...createCrisisCalls(deps),
    ...createSettingsCalls(deps),
    ...createOverviewCalls(deps),
    // Export and import keep their staging state in the worker's memory.
    ...createBackupCalls({
      db: deps.db,
      now: deps.now,
      changed: deps.changed,
      appVersion: () => browser.runtime.getManifest().version,
      keepAlive: () => void browser.runtime.getPlatformInfo(),
      // Monitoring follows the imported setting and watchlist at once, not at the next start.
      settingsImported: () => followMonitoringSetting(deps),
    }),
    ...createEvidenceCalls(deps),
    ...createMonitoringCalls(deps),
    ...createCellCalls(deps),
    ...createFeedCalls(deps),
  };
}
