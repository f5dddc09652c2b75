/**
 * When to read a feed again, and what its last read leaves behind: the decisions of polling,
 * as pure functions of a source's state, what the read gave and the time. A feed that answers
 * is read again after the user's period; one that fails is read less and less often (twice the
 * wait after each failure, up to a day), and as late as it asks when it says how long to wait
 * (Retry-After); a failure never loses what the last good read left (validators, items seen),
 * so the feed picks up where it was once it answers again. The background stores the state,
 * sets its alarm from `nextPollAt` and fetches with fetch-feed.ts.
 */
import type { Iso } from '../model/types';
import { DAY, MINUTE } from '../time';
import { cleanUrl, foldTitle } from './stories';
import type { FeedFailure, FeedItem, ParseResult } from './types';

/** The shortest period between two reads of a feed: Chrome's shortest alarm in MV3. */
export const MIN_PERIOD_MIN = 1;
/** The period of a source whose user chose none. */
export const DEFAULT_PERIOD_MIN = 15;
/** The longest wait between two reads, back-off and Retry-After included. */
export const MAX_DELAY_MS = DAY;
/** How much a back-off is spread (±10 %), so that sources that failed together part. */
const JITTER = 0.1;
/** How many item keys a source remembers, beyond those of the feed's current items. */
export const SEEN_KEYS_CAP = 1_000;
/** Keys longer than this are kept as a hash: a guid may be a 2,000-character address. */
const MAX_KEY_LENGTH = 200;
/** The longest text of an error's detail and of a validator kept. */
const MAX_DETAIL = 500;
const MAX_VALIDATOR = 1_000;

/** The server's validators of the last good read, sent back to ask "changed since?". */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

/** What one fetch of a feed gave (fetch-feed.ts): never a throw. */
export type FetchResult =
  | {
      kind: 'ok';
      bytes: Uint8Array;
      /** The Content-Type header, for the parser's charset and format. */
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      /** The address the body came from, after redirects. */
      finalUrl: string;
      /** Redirects led to another host: the UI may offer to update the source's address. */
      hostChanged: boolean;
    }
  /** 304: nothing new since the validators sent; a 304 may renew them. */
  | { kind: 'not-modified'; etag: string | null; lastModified: string | null }
  /** Any other status than 2xx and 304; `retryAfterMs` from a 429's or 503's Retry-After. */
  | { kind: 'http'; status: number; retryAfterMs?: number }
  /** No answer: offline, unknown host, TLS refused, or no permission for the host. */
  | { kind: 'network'; detail: string }
  | { kind: 'timeout' }
  /** The body is larger than Vigie reads; it was not read further. */
  | { kind: 'too-large' }
  /** The caller's signal stopped the fetch: nothing to record. */
  | { kind: 'aborted' };

/** What a poll came to, as `afterPoll` takes it: a fetch that went wrong, or a body parsed. */
export type PollOutcome =
  | Exclude<FetchResult, { kind: 'ok' } | { kind: 'aborted' }>
  | {
      kind: 'parsed';
      items: readonly FeedItem[];
      etag: string | null;
      lastModified: string | null;
      /** The final address when redirects led to another host. */
      movedTo: string | null;
    }
  /** The body is not a feed Vigie can read. */
  | { kind: 'unreadable'; failure: FeedFailure; detail?: string };

/** Why the last poll failed; the UI words each code (and may show the status or detail). */
export type PollErrorCode =
  /** 404. */
  | 'not-found'
  /** 410: the feed is gone for good; read once a day in case it comes back. */
  | 'gone'
  /** 401, 403: Reddit answers so to anonymous readers. */
  | 'forbidden'
  /** 429. */
  | 'rate-limited'
  /** 5xx. */
  | 'server'
  /** Any other status. */
  | 'http'
  | 'network'
  | 'timeout'
  | 'too-large'
  | FeedFailure;

export interface PollError {
  code: PollErrorCode;
  /** The HTTP status, when there was one. */
  status?: number;
  /** What the browser or the parser said, for the curious; bounded. */
  detail?: string;
}

/** What a source keeps between polls; JSON-safe, as the database stores it. */
export interface PollState {
  /** When to read the feed next. */
  nextPollAt: Iso;
  lastSuccessAt: Iso | null;
  lastErrorAt: Iso | null;
  /** Why the last poll failed; null once a poll succeeds. */
  lastError: PollError | null;
  /** Polls failed in a row since the last success. */
  failures: number;
  etag: string | null;
  lastModified: string | null;
  /** How many distinct items the feed has given since the source was added. */
  itemsSeen: number;
  /** Keys (`itemKey`) of the items already read, oldest first, bounded. */
  seenKeys: string[];
  /** Where the feed now answers from, when redirects led to another host. */
  movedTo: string | null;
}

/** How often the user wants the source read. */
export interface PollSettings {
  /** Minutes between two reads; DEFAULT_PERIOD_MIN when left out, never below MIN_PERIOD_MIN. */
  periodMin?: number;
}

/** The state of a source just added: never read, to be read at `now`. */
export function initialPollState(now: number): PollState {
  return {
    nextPollAt: new Date(now).toISOString(),
    lastSuccessAt: null,
    lastErrorAt: null,
    lastError: null,
    failures: 0,
    etag: null,
    lastModified: null,
    itemsSeen: 0,
    seenKeys: [],
    movedTo: null,
  };
}

/** The period in milliseconds: the user's, within [MIN_PERIOD_MIN, a day]. */
export function periodMs(settings: PollSettings = {}): number {
  const minutes = settings.periodMin ?? DEFAULT_PERIOD_MIN;
  if (!Number.isFinite(minutes)) return DEFAULT_PERIOD_MIN * MINUTE;
  return Math.min(Math.max(minutes, MIN_PERIOD_MIN) * MINUTE, MAX_DELAY_MS);
}

/**
 * The headers that ask the server for the feed only if it changed since the last good read:
 * If-None-Match from its ETag, If-Modified-Since from its Last-Modified (both when both are
 * known: a server that has an ETag prefers it).
 */
export function conditionalHeaders(validators: Validators): Record<string, string> {
  const headers: Record<string, string> = {};
  if (validators.etag) headers['If-None-Match'] = validators.etag;
  if (validators.lastModified) headers['If-Modified-Since'] = validators.lastModified;
  return headers;
}

/**
 * How long a Retry-After header asks to wait from `now`, in milliseconds: delay-seconds
 * ("120") or an HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT"; 0 when already past). Undefined
 * when absent or unreadable.
 */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A validator as kept: a longer one than any server sends is not kept at all (not cut). */
const validator = (value: string | null) =>
  value !== null && value.length <= MAX_VALIDATOR ? value : null;

/** FNV-1a and a second multiplier over the code units: 64 bits, as 2 × 32 in base 36. */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(36) + b.toString(36);
}

const bounded = (prefix: string, value: string) =>
  value.length > MAX_KEY_LENGTH ? `${prefix}#${hash(value)}` : `${prefix}${value}`;

/**
 * What tells an item from the feed's others, poll after poll: its guid, else its address
 * cleaned of trackers (some feeds add a fresh one at every read), else a hash of its folded
 * title and the start of its text.
 */
export function itemKey(item: FeedItem): string {
  const guid = item.guid?.trim();
  if (guid) return bounded('g:', guid);
  const url = item.url ? (cleanUrl(item.url) ?? item.url) : '';
  if (url) return bounded('u:', url);
  return `t:${hash(`${foldTitle(item.title)}\n${item.text.slice(0, 1_000)}`)}`;
}

/** The items of `items` whose key is not among `seenKeys`, each once, in the feed's order. */
export function newItems(items: readonly FeedItem[], seenKeys: readonly string[]): FeedItem[] {
  const seen = new Set(seenKeys);
  const fresh: FeedItem[] = [];
  for (const item of items) {
    const key = itemKey(item);
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(item);
  }
  return fresh;
}

/**
 * `seenKeys` with the keys of `items` (the feed as just read) at its end, the oldest others
 * dropped beyond `cap`. The feed's current items are always all kept, however many: one
 * forgotten while still in the feed would come back as new at the next read.
 */
export function rememberKeys(
  seenKeys: readonly string[],
  items: readonly FeedItem[],
  cap = SEEN_KEYS_CAP,
): string[] {
  const current = [...new Set(items.map(itemKey))];
  const inFeed = new Set(current);
  const older = seenKeys.filter((key) => !inFeed.has(key));
  const room = Math.max(0, cap - current.length);
  // The feed lists its newest first: its last keys go last, so they are the last to go.
  return [...older.slice(Math.max(0, older.length - room)), ...current.reverse()];
}

/** A parse result as `afterPoll` takes it, with the validators of the fetch it parsed. */
export function parsedOutcome(
  fetched: Extract<FetchResult, { kind: 'ok' }>,
  parsed: ParseResult,
): PollOutcome {
  if (!parsed.ok) {
    return parsed.detail === undefined
      ? { kind: 'unreadable', failure: parsed.failure }
      : { kind: 'unreadable', failure: parsed.failure, detail: parsed.detail };
  }
  return {
    kind: 'parsed',
    items: parsed.feed.items,
    etag: fetched.etag,
    lastModified: fetched.lastModified,
    movedTo: fetched.hostChanged ? fetched.finalUrl : null,
  };
}

/** The error of a failed poll. */
function errorOf(outcome: Exclude<PollOutcome, { kind: 'parsed' | 'not-modified' }>): PollError {
  const detail = (text: string | undefined) => (text ? { detail: text.slice(0, MAX_DETAIL) } : {});
  switch (outcome.kind) {
    case 'http': {
      const { status } = outcome;
      const code: PollErrorCode =
        status === 404
          ? 'not-found'
          : status === 410
            ? 'gone'
            : status === 401 || status === 403
              ? 'forbidden'
              : status === 429
                ? 'rate-limited'
                : status >= 500
                  ? 'server'
                  : 'http';
      return { code, status };
    }
    case 'network':
      return { code: 'network', ...detail(outcome.detail) };
    case 'timeout':
      return { code: 'timeout' };
    case 'too-large':
      return { code: 'too-large' };
    case 'unreadable':
      return { code: outcome.failure, ...detail(outcome.detail) };
  }
}

/** What a poll leaves: the source's new state and the items it had not seen before. */
export interface PollResult {
  state: PollState;
  /** Items new since the last read, in the feed's order; empty unless the feed was parsed. */
  fresh: FeedItem[];
  /**
   * The feed's first good read: its items were there before the user added the source. The
   * background may list them without notifying, or a new source would ring for a month of news.
   */
  baseline: boolean;
}

/**
 * The state after a poll that came to `outcome` at `now` (milliseconds), and its new items.
 * Success (a feed parsed, or 304): validators and items kept, failures forgotten, next read
 * after the period. Failure: the error noted, the last good state kept, the next read after
 * the period doubled at each failure in a row (spread by ±10 % with `random`, 0 ≤ r < 1),
 * at most a day; a Retry-After longer than that is waited for, up to a day; a 410 waits a day.
 */
export function afterPoll(
  state: PollState,
  outcome: PollOutcome,
  now: number,
  settings: PollSettings = {},
  random: () => number = Math.random,
): PollResult {
  const period = periodMs(settings);
  const at = (delay: number) => new Date(now + delay).toISOString();
  const nowIso = at(0);

  if (outcome.kind === 'parsed' || outcome.kind === 'not-modified') {
    const success: PollState = {
      ...state,
      nextPollAt: at(period),
      lastSuccessAt: nowIso,
      lastError: null,
      failures: 0,
      // A 304 may renew the validators; one that sends none keeps the last ones.
      etag: validator(outcome.etag) ?? (outcome.kind === 'parsed' ? null : state.etag),
      lastModified:
        validator(outcome.lastModified) ?? (outcome.kind === 'parsed' ? null : state.lastModified),
    };
    if (outcome.kind === 'not-modified') return { state: success, fresh: [], baseline: false };
    const fresh = newItems(outcome.items, state.seenKeys);
    return {
      state: {
        ...success,
        itemsSeen: state.itemsSeen + fresh.length,
        seenKeys: rememberKeys(state.seenKeys, outcome.items),
        movedTo: outcome.movedTo,
      },
      fresh,
      baseline: state.lastSuccessAt === null && state.seenKeys.length === 0,
    };
  }

  const failures = state.failures + 1;
  const error = errorOf(outcome);
  let delay: number;
  if (error.code === 'gone') {
    delay = MAX_DELAY_MS;
  } else {
    const backoff = Math.min(period * 2 ** Math.min(failures, 30), MAX_DELAY_MS);
    delay = backoff * (1 + (random() * 2 - 1) * JITTER);
    const asked = outcome.kind === 'http' ? outcome.retryAfterMs : undefined;
    if (asked !== undefined) delay = Math.max(delay, asked);
  }
  delay = Math.min(Math.max(delay, MIN_PERIOD_MIN * MINUTE), MAX_DELAY_MS);
  return {
    state: {
      ...state,
      nextPollAt: at(Math.round(delay)),
      lastErrorAt: nowIso,
      lastError: error,
      failures,
    },
    fresh: [],
    baseline: false,
  };
}
