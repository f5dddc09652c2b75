/**
 * What the background's calls share: the typed subset of calls each module answers, and the
 * checks of their arguments.
 */
import { AppError } from '../../core/errors';
import type { BackgroundCalls } from '../../core/messaging/protocol';
import type { Handlers } from '../../core/messaging/rpc';

/** The handlers of some of the background's calls. */
export type Calls<K extends keyof BackgroundCalls> = Pick<Handlers<BackgroundCalls, unknown>, K>;

const MAX_PAGE = 200;

/** A page's size as asked, at most MAX_PAGE. */
export function pageSize(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new AppError('bad-request', 'limit must be ≥ 1');
  return Math.min(limit, MAX_PAGE);
}

/** A list of ids, or a bad request. */
export function ids(list: unknown): string[] {
  if (!Array.isArray(list) || !list.every((id) => typeof id === 'string')) {
    throw new AppError('bad-request', 'ids must be strings');
  }
  return list;
}
