/**
 * The background's side of the contract with the popup and the crisis log. Every write to the
 * database happens here (or in the flag service it calls).
 */
import type { HandlerDeps } from './deps';
import { browser } from '../core/browser';
import { backupDue } from './backup-reminder';
import {
  allCrises,
  appendEvents,
  countOpenCrises,
  getCrisis,
  listCrises,
  listEvents,
  moveMentions,
  newEvent,
  recentOpenCrises,
  saveCrisis,
} from '../core/db/crises';
import {
  deleteMentions,
  getMentions,
  listMentions,
  mentionCounts,
  mentionsOnPage,
  restoreMentions,
  tagMentions,
  updateMention,
} from '../core/db/mentions';
import { fitted } from '../core/db/checked';
import { getSettings, updateSettings } from '../core/db/settings';
import { flagsSince, metricEvents } from '../core/db/stats';
import { crisesPerMonth, flagsPerDay, metricsByLevel } from '../core/model/stats';
import type { BackgroundCalls } from '../core/messaging/protocol';
import type { Handlers } from '../core/messaging/rpc';
import { AppError, toErrorData } from '../core/errors';
import { agenda, agendaBucket } from '../core/model/agenda';
import { moveToStep } from '../core/model/crisis';
import { applyCrisisChange } from '../core/model/crisis-change';
import { applyMentionPatch, normalizeTags } from '../core/model/mention';
import { isCrisisFilter, isMentionFilter } from '../core/model/search';
import { newId } from '../core/model/ids';
import { stepMoveEvents } from '../core/model/journal';
import { findRepeats } from '../core/model/recurrence';
import { LEVELS, type CrisisEvent, type Mention } from '../core/model/types';
import { createBackupHandlers } from './backup';
import { canScript, captureFromTab } from './capture';
import { fileFlag, openCrisisWith } from './flag';
import { createEvidenceHandlers } from './page-copy';
import { createMonitoringCalls, followMonitoringSetting, popupWatch } from './monitor-handlers';
import { tellPages } from './monitoring';
import { rescoreTabs } from './tab-watch';
import {
  dropExpiredUndo,
  dropUndo,
  keepUndoBatch,
  newUndoToken,
  UNDO_BATCH,
  undoBatches,
} from './undo';
import { DAY } from '../core/time';

const MAX_PAGE = 200;

function pageSize(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new AppError('bad-request', 'limit must be ≥ 1');
  return Math.min(limit, MAX_PAGE);
}

function ids(list: unknown): string[] {
  if (!Array.isArray(list) || !list.every((id) => typeof id === 'string')) {
    throw new AppError('bad-request', 'ids must be strings');
  }
  return list;
}

/** One journal event of `type` per mention that is in a crisis, naming the mention. */
function crisisEvents(
  mentions: readonly Mention[],
  at: string,
  type: 'mention-linked' | 'mention-unlinked',
  data: Record<string, boolean>,
): CrisisEvent[] {
  return mentions.flatMap((m) =>
    m.crisisId ? [newEvent(m.crisisId, at, type, { mentionId: m.id, ...data })] : [],
  );
}

export function createHandlers(deps: HandlerDeps): Handlers<BackgroundCalls, unknown> {
  const { db } = deps;
  const now = () => deps.now().toISOString();

  /** New watch terms from a post-mortem join the watchlist in the settings (once each). */
  async function addWatchTerms(terms: readonly string[]): Promise<void> {
    const settings = await getSettings(db);
    const known = new Set(settings.watchlist.map((w) => w.term.toLowerCase()));
    const added = terms.filter((term) => !known.has(term.toLowerCase()));
    if (added.length === 0) return;
    const watchlist = [
      ...settings.watchlist,
      ...added.map((term) => ({ id: newId(), term, aliases: [] })),
    ];
    await updateSettings(db, { watchlist });
  }

  return {
    // Export, import: their own module, for their staging state and their size.
    ...createBackupHandlers({
      db,
      now: deps.now,
      changed: deps.changed,
      appVersion: () => browser.runtime.getManifest().version,
      keepAlive: () => void browser.runtime.getPlatformInfo(),
      // Monitoring follows the imported setting and watchlist at once, not at the next start.
      settingsImported: () => followMonitoringSetting(deps),
    }),
    // Monitoring's switch and the popup's flag of a sighting: their own module too.
    ...createMonitoringCalls(deps),
    // Evidence: page copies and their verification.
    ...createEvidenceHandlers(deps),

    async getPopupState({ tabId }) {
      const tab = tabId === null ? undefined : await browser.tabs.get(tabId).catch(() => undefined);
      const url = tab?.url;
      const [onPage, counts, crises, monitor] = await Promise.all([
        url ? mentionsOnPage(db, url, 20) : Promise.resolve({ items: [], total: 0 }),
        mentionCounts(db),
        recentOpenCrises(db, 20),
        url && tabId !== null ? popupWatch(db, tabId, url) : undefined,
      ]);
      return {
        page: url ? { url, title: tab?.title ?? '', canScript: canScript(url) } : null,
        pageMentions: onPage.items,
        pageMentionCount: onPage.total,
        untriaged: counts.untriaged,
        openCrises: crises,
        ...(monitor ? { monitor } : {}),
      };
    },

    async flagTab({ tabId, into }) {
      const tab = await browser.tabs.get(tabId).catch(() => undefined);
      if (!tab?.url) throw new AppError('no-tab', 'The tab is gone or cannot be read.');
      const capture = canScript(tab.url) ? await captureFromTab(tabId, 0) : null;
      const outcome = await fileFlag(
        deps,
        { pageUrl: tab.url, pageTitle: tab.title ?? '' },
        capture,
        into,
      );
      deps.changed({ crises: outcome.crisis !== null });
      await deps.notifyFlagged(outcome);
      return outcome;
    },

    listMentions({ scope, limit, after, filter }) {
      if (filter !== undefined && !isMentionFilter(filter)) {
        throw new AppError('bad-request', 'Malformed mention filter');
      }
      return listMentions(db, scope, pageSize(limit), after, filter);
    },

    async updateMention({ id, patch }) {
      const updated = await updateMention(db, id, (m) => applyMentionPatch(m, patch, now()));
      if (!updated) throw new AppError('not-found', `No mention ${id}`);
      deps.changed({ crises: false });
      return updated;
    },

    async deleteMentions(args) {
      // In batches, each kept for undo before it is deleted: a deletion too large to keep
      // whole is not refused; it stops only at a batch no storage can keep.
      const all = ids(args.ids);
      await dropExpiredUndo(deps.now());
      const undoToken = newUndoToken(deps.now());
      let deleted = 0;
      let done = 0;
      let crises = false;
      for (let i = 0; i < all.length; i += UNDO_BATCH) {
        const mentions = await getMentions(db, all.slice(i, i + UNDO_BATCH));
        try {
          await keepUndoBatch(undoToken, i / UNDO_BATCH, mentions);
        } catch (error) {
          if (done === 0) {
            throw new AppError(
              'storage-full',
              `Nothing was deleted: ${toErrorData(error).message}`,
            );
          }
          break;
        }
        const gone = await deleteMentions(
          db,
          mentions.map((m) => m.id),
        );
        await appendEvents(db, crisisEvents(gone, now(), 'mention-unlinked', { deleted: true }));
        deleted += gone.length;
        crises ||= gone.some((m) => m.crisisId);
        done = Math.min(all.length, i + UNDO_BATCH);
      }
      deps.changed({ crises });
      return { deleted, undoToken, notDeleted: all.length - done };
    },

    async restoreMentions({ undoToken }) {
      let restored = 0;
      for (const batch of await undoBatches(undoToken)) {
        // Fitted as an import fits them: a mention an earlier Vigie stored over the limits (a
        // page's huge title, say) comes back shortened rather than failing the whole undo.
        const mentions = batch.map((m) => fitted('mentions', m).record);
        await restoreMentions(db, mentions);
        await appendEvents(db, crisisEvents(mentions, now(), 'mention-linked', { restored: true }));
        restored += mentions.length;
      }
      await dropUndo(undoToken);
      deps.changed({ crises: true });
      return { restored };
    },

    async moveMentions(args) {
      const moved = await moveMentions(db, ids(args.ids), args.crisisId, now());
      if (moved === 0 && args.crisisId !== null && !(await getCrisis(db, args.crisisId))) {
        throw new AppError('not-found', `No crisis ${args.crisisId}`);
      }
      deps.changed({ crises: true });
      return { moved };
    },

    async tagMentions(args) {
      const given: unknown = args.add;
      const add =
        Array.isArray(given) && given.every((tag) => typeof tag === 'string')
          ? normalizeTags(given)
          : [];
      if (add.length === 0) throw new AppError('bad-request', 'add must hold a tag');
      const tagged = await tagMentions(db, ids(args.ids), add, now());
      deps.changed({ crises: false });
      return { tagged };
    },

    async createCrisis({ title, level, mentionIds }) {
      if (!LEVELS.includes(level)) throw new AppError('bad-request', 'level must be 1 to 4');
      const crisis = await openCrisisWith(deps, { title, level, mentionIds: ids(mentionIds) });
      deps.changed({ crises: true });
      return crisis;
    },

    listCrises({ state, limit, after, filter }) {
      if (filter !== undefined && !isCrisisFilter(filter)) {
        throw new AppError('bad-request', 'Malformed crisis filter');
      }
      return listCrises(db, state, pageSize(limit), after, filter);
    },

    async getCrisis({ id }) {
      const crisis = await getCrisis(db, id);
      if (!crisis) throw new AppError('not-found', `No crisis ${id}`);
      return { crisis, events: await listEvents(db, id) };
    },

    async updateCrisis({ id, change }) {
      const crisis = await getCrisis(db, id);
      if (!crisis) throw new AppError('not-found', `No crisis ${id}`);
      const at = now();
      const result = applyCrisisChange(crisis, change, at);
      if (!result) return crisis;
      await saveCrisis(
        db,
        result.crisis,
        result.events.map((e) => newEvent(id, at, e.type, e.data)),
      );
      if (change.op === 'postmortem') await addWatchTerms(result.crisis.learn.watchTerms);
      deps.changed({ crises: true });
      return result.crisis;
    },

    async getRepeats({ id }) {
      const crisis = await getCrisis(db, id);
      if (!crisis) throw new AppError('not-found', `No crisis ${id}`);
      return findRepeats(crisis, await allCrises(db));
    },

    async setCrisisStep({ id, step }) {
      const crisis = await getCrisis(db, id);
      if (!crisis) throw new AppError('not-found', `No crisis ${id}`);
      const at = now();
      const next = moveToStep(crisis, step, at);
      const events = stepMoveEvents(crisis, next).map((e) => newEvent(id, at, e.type, e.data));
      await saveCrisis(db, next, events);
      deps.changed({ crises: true });
      return next;
    },

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

    async getCounts() {
      const now = deps.now().getTime();
      const [counts, openCrises, backupDueDays, crises, settings] = await Promise.all([
        mentionCounts(db),
        countOpenCrises(db),
        backupDue(db, now),
        allCrises(db),
        getSettings(db),
      ]);
      const buckets = agenda(crises, settings).map((item) => agendaBucket(item, now));
      const overdue = buckets.filter((b) => b === 'overdue').length;
      const due = overdue + buckets.filter((b) => b === 'today').length;
      return { ...counts, openCrises, due, overdue, backupDueDays };
    },

    async getAgenda() {
      const [crises, settings] = await Promise.all([allCrises(db), getSettings(db)]);
      return { items: agenda(crises, settings) };
    },

    async getCharts({ days }) {
      if (!Number.isInteger(days) || days < 1 || days > 366) {
        throw new AppError('bad-request', 'days must be a whole number from 1 to 366');
      }
      const now = deps.now().getTime();
      const from = now - (days - 1) * DAY;
      const [flags, crises, events, settings] = await Promise.all([
        flagsSince(db, new Date(from).toISOString().slice(0, 10)),
        allCrises(db),
        metricEvents(db, ['checklist-done', 'step-done', 'stakeholder-informed', 'closed']),
        getSettings(db),
      ]);
      return {
        perDay: flagsPerDay(flags, from, now),
        perMonth: crisesPerMonth(crises, now),
        byLevel: metricsByLevel(crises, (id) => events.get(id) ?? [], settings, now),
      };
    },
  };
}
