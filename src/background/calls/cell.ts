/**
 * The team cell's calls: test a server, connect and disconnect, share a crisis, sync now or
 * wait for others' changes, and the status the popup and the log show.
 */
import { browser } from '../../core/browser';
import {
  connectCell,
  copySharing,
  disconnectCell,
  setShareNew,
  shareCrisis,
  sharePageCopy,
} from '../../core/db/cell';
import { AppError } from '../../core/errors';
import type { CellTarget } from '../../core/messaging/protocol';
import { CouchError, parseServerUrl, testConnection } from '../../core/sync/couch';
import {
  cellStatus,
  forgetTarget,
  pulledCount,
  readTarget,
  saveTarget,
  syncNow,
  waitForChanges,
} from '../cell';
import type { Calls } from './args';
import type { HandlerDeps } from '../deps';

/** The longest wait for others' changes one call may ask: under the worker's own limits. */
const MAX_WAIT_MS = 25_000;

/** A target as typed, checked: strings of sane length, the server's address normalised. */
function targetOf(target: CellTarget): CellTarget {
  const fields = [target?.server, target?.db, target?.user, target?.password];
  if (!fields.every((f) => typeof f === 'string' && f.length <= 2_000)) {
    throw new AppError('bad-request', 'server, db, user and password must be texts');
  }
  let url: URL;
  try {
    url = parseServerUrl(target.server.trim());
  } catch (error) {
    if (error instanceof CouchError) throw new AppError('cell', error.failure);
    throw error;
  }
  return {
    server: url.href.replace(/\/+$/, ''),
    db: target.db.trim(),
    user: target.user.trim(),
    password: target.password,
  };
}

export function createCellCalls(
  deps: HandlerDeps,
): Calls<
  | 'getCellStatus'
  | 'testCell'
  | 'connectCell'
  | 'disconnectCell'
  | 'shareCrisis'
  | 'setCellShareNew'
  | 'getCopySharing'
  | 'sharePageCopy'
  | 'syncCell'
> {
  const { db } = deps;
  const changed = () => deps.changed({ crises: true });
  const status = async () => {
    const found = await cellStatus(db);
    if (!found) throw new AppError('no-cell', 'No cell is connected.');
    return found;
  };
  return {
    getCellStatus() {
      return cellStatus(db);
    },

    testCell({ target }) {
      return testConnection(targetOf(target));
    },

    async connectCell({ target, shareNew }) {
      const checked = targetOf(target);
      const test = await testConnection(checked);
      if (!test.ok) throw new AppError('cell', test.failure);
      await connectCell(
        db,
        { server: checked.server, db: checked.db, user: test.user },
        shareNew === true,
      );
      await saveTarget(checked);
      void syncNow(db, changed);
      return status();
    },

    async disconnectCell({ forget }) {
      const target = await readTarget();
      const forgotten = await disconnectCell(db, forget === true);
      await forgetTarget();
      // The server's origin was asked for the cell alone: it is given back with it.
      if (target) {
        const origin = `${new URL(target.server).origin}/*`;
        await browser.permissions.remove({ origins: [origin] }).catch(() => false);
      }
      changed();
      return { forgotten };
    },

    async shareCrisis({ id }) {
      if (!(await shareCrisis(db, id))) throw new AppError('not-found', `No crisis ${id} to share`);
      void syncNow(db, changed);
      return status();
    },

    async setCellShareNew({ shareNew }) {
      await setShareNew(db, shareNew === true);
      return status();
    },

    async getCopySharing({ mentionId }) {
      return { sharing: await copySharing(db, String(mentionId)) };
    },

    async sharePageCopy({ mentionId }) {
      const sharing = await sharePageCopy(db, String(mentionId));
      if (sharing === 'shared') void syncNow(db, changed);
      return { sharing };
    },

    async syncCell({ waitMs, seen }) {
      if (waitMs === undefined) {
        const round = await syncNow(db, changed);
        return { rounds: pulledCount(), failure: round.failure };
      }
      const ms = Math.min(Math.max(Number(waitMs) || 0, 0), MAX_WAIT_MS);
      const known = typeof seen === 'number' ? seen : null;
      const rounds = await waitForChanges(db, ms, known, changed);
      return { rounds, failure: (await cellStatus(db))?.lastError ?? null };
    },
  };
}
