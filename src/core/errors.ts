/**
 * Errors as data: the codes every context agrees on, the error a piece of code throws on
 * purpose, and how anything thrown becomes the data that crosses a context boundary.
 */
export type ErrorCode =
  | 'bad-request'
  | 'not-found'
  | 'no-tab'
  | 'storage-full'
  | 'unavailable'
  | 'internal'
  /** A backup's records are not what Vigie writes; the message names the first problem. */
  | 'bad-backup'
  /** The records staged for an import are gone (the worker restarted): send them again. */
  | 'import-expired'
  /** The tab shows another page than the one the mention was flagged on. */
  | 'wrong-page'
  /** The browser would not give a copy of the page (its own pages, a page too large). */
  | 'cannot-copy'
  /**
   * The team cell's server could not be used; the message is the failure alone, for the page
   * to say in words ('unreachable', 'unauthorized', 'forbidden'…: core/sync/couch.ts).
   */
  | 'cell'
  /** No team cell is connected. */
  | 'no-cell'
  /**
   * A feed source cannot be added: the message is what is wrong, for the page to say in words
   * (a SourceProblem of core/feeds/sources.ts, or 'refused': the browser's access was not given).
   */
  | 'feed';

/** An error as it crosses a context boundary: a stable code and a developer-facing message. */
export interface AppErrorData {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** An error a handler throws on purpose; it reaches the caller as `{ code, message }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Turns anything thrown into the data that crosses the boundary. */
export function toErrorData(error: unknown): AppErrorData {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return { code: 'storage-full', message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}
