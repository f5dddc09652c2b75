/**
 * The crises' calls: open one, list them, read one with its journal, change it, move it to a step.
 */
import {
  allCrises,
  getCrisis,
  listCrises,
  listEvents,
  newEvent,
  saveCrisis,
} from '../../core/db/crises';
import { getSettings, updateSettings } from '../../core/db/settings';
import { AppError } from '../../core/errors';
import { moveToStep } from '../../core/model/crisis';
import { applyCrisisChange } from '../../core/model/crisis-change';
import { isCrisisFilter } from '../../core/model/search';
import { newId } from '../../core/model/ids';
import { stepMoveEvents } from '../../core/model/journal';
import { findRepeats } from '../../core/model/recurrence';
import { LEVELS } from '../../core/model/types';
import { openCrisisWith } from '../flag';
import { ids, pageSize } from './args';
import type { Calls } from './args';
import type { HandlerDeps } from '../deps';
import type { VigieDatabase } from '../../core/db/open';

/** New watch terms from a post-mortem join the watchlist in the settings (once each). */
async function addWatchTerms(db: VigieDatabase, terms: readonly string[]): Promise<void> {
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

export function createCrisisCalls(
  deps: HandlerDeps,
): Calls<
  'createCrisis' | 'listCrises' | 'getCrisis' | 'updateCrisis' | 'getRepeats' | 'setCrisisStep'
> {
  const { db } = deps;
  const now = () => deps.now().toISOString();
  return {
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

    async updateCrisis({ id, change: asked }) {
      const crisis = await getCrisis(db, id);
      if (!crisis) throw new AppError('not-found', `No crisis ${id}`);
      const at = now();
      // The update's id is fixed here, so that the change applied again on a cell's copy of
      // the crisis (core/sync/ops.ts) adds the same update, not a second one.
      const change =
        asked.op === 'update-sent' ? { ...asked, updateId: asked.updateId ?? newId() } : asked;
      const result = applyCrisisChange(crisis, change, at);
      if (!result) return crisis;
      await saveCrisis(
        db,
        result.crisis,
        result.events.map((e) => newEvent(id, at, e.type, e.data)),
        { kind: 'change', change, at },
      );
      if (change.op === 'postmortem') await addWatchTerms(db, result.crisis.learn.watchTerms);
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
      await saveCrisis(db, next, events, { kind: 'step', step, at });
      deps.changed({ crises: true });
      return next;
    },
  };
}
