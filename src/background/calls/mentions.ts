/**
 * The mention lists' calls: read a page of them, edit, delete (with undo), move into a crisis, tag.
 */
import { appendEvents, getCrisis, moveMentions, newEvent } from '../../core/db/crises';
import {
  deleteMentions,
  getMentions,
  listMentions,
  restoreMentions,
  tagMentions,
  updateMention,
} from '../../core/db/mentions';
import { fitted } from '../../core/db/checked';
import { AppError, toErrorData } from '../../core/errors';
import { applyMentionPatch, normalizeTags } from '../../core/model/mention';
import { isMentionFilter } from '../../core/model/search';
import { type CrisisEvent, type Mention } from '../../core/model/types';
import {
  dropExpiredUndo,
  dropUndo,
  keepUndoBatch,
  newUndoToken,
  UNDO_BATCH,
  undoBatches,
} from '../undo';
import { ids, pageSize } from './args';
import type { Calls } from './args';
import type { HandlerDeps } from '../deps';

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

/**
 * Deletes mentions in batches, each kept for undo before it is deleted: a deletion too large to
 * keep whole is not refused; it stops only at a batch no storage can keep.
 */
async function deleteWithUndo(deps: HandlerDeps, all: string[]) {
  const { db } = deps;
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
        throw new AppError('storage-full', `Nothing was deleted: ${toErrorData(error).message}`);
      }
      break;
    }
    const at = deps.now().toISOString();
    const gone = await deleteMentions(
      db,
      mentions.map((m) => m.id),
      at,
    );
    await appendEvents(db, crisisEvents(gone, at, 'mention-unlinked', { deleted: true }));
    deleted += gone.length;
    crises ||= gone.some((m) => m.crisisId);
    done = Math.min(all.length, i + UNDO_BATCH);
  }
  deps.changed({ crises });
  return { deleted, undoToken, notDeleted: all.length - done };
}

/** Puts back the mentions a deletion kept for undo, back in their crises. */
async function restoreFromUndo(deps: HandlerDeps, undoToken: string) {
  let restored = 0;
  for (const batch of await undoBatches(undoToken)) {
    // Fitted as an import fits them: a mention an earlier Vigie stored over the limits (a
    // page's huge title, say) comes back shortened rather than failing the whole undo.
    const mentions = batch.map((m) => fitted('mentions', m).record);
    await restoreMentions(deps.db, mentions);
    const at = deps.now().toISOString();
    await appendEvents(deps.db, crisisEvents(mentions, at, 'mention-linked', { restored: true }));
    restored += mentions.length;
  }
  await dropUndo(undoToken);
  deps.changed({ crises: true });
  return { restored };
}

export function createMentionCalls(
  deps: HandlerDeps,
): Calls<
  | 'listMentions'
  | 'updateMention'
  | 'deleteMentions'
  | 'restoreMentions'
  | 'moveMentions'
  | 'tagMentions'
> {
  const { db } = deps;
  const now = () => deps.now().toISOString();
  return {
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
      return deleteWithUndo(deps, ids(args.ids));
    },

    async restoreMentions({ undoToken }) {
      return restoreFromUndo(deps, undoToken);
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
  };
}
