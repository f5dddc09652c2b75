/**
 * A small client of Apache CouchDB 3's HTTP API on `fetch`, for the crisis cell: the checks of
 * "Test the connection" (server, session, database) and the few calls a two-way sync needs
 * (`_all_docs`, `_bulk_docs`, `_changes`, the design document). No PouchDB: its replicator
 * weighs tens of kB and keeps a second IndexedDB database that no Vigie transaction can span.
 *
 * Every request signs in with basic auth and sends no cookie (`credentials: 'omit'`), is never
 * cached, follows no redirect (the credentials go to the configured server and nowhere else),
 * has a deadline (a silent server never holds the worker: Chromium stops an extension's worker
 * whose fetch waits 30 s for its answer) and reads a bounded body. What goes wrong is thrown as
 * a `CouchError` whose `failure` the settings screen explains; a request stopped by the
 * caller's signal rejects with that signal's reason instead.
 */

/** Where a cell's database is, and who signs in to it. */
export interface CouchTarget {
  /** Origin plus an optional path prefix (a reverse proxy's), without a trailing slash. */
  server: string;
  db: string;
  user: string;
  password: string;
}

export type CouchFailure =
  /** Not an http(s) URL, or one with credentials, a query or a fragment in it. */
  | 'bad-url'
  /** `http:` to another host than this computer: the password would cross the network in clear. */
  | 'insecure'
  /** No answer: network down, server stopped, wrong host or port, TLS refused, or too slow. */
  | 'unreachable'
  /** 401: the name or password was not accepted. */
  | 'unauthorized'
  /** 403: signed in, but not a member of the database (or the server refused the write). */
  | 'forbidden'
  /** The server answered, but not as CouchDB does at its root. */
  | 'not-couch'
  /** 404 on the database: it does not exist (or a proxy hides it). */
  | 'no-database'
  /** 5xx: the server failed. */
  | 'server'
  /** An answer this client cannot read: not JSON, not the expected shape, too large. */
  | 'bad-response';

/** A failed request: what kind of failure, and the HTTP status when there was one. */
export class CouchError extends Error {
  constructor(
    readonly failure: CouchFailure,
    readonly status: number | null,
    detail = '',
  ) {
    super(`${failure}${status === null ? '' : ` (HTTP ${status})`}${detail ? `: ${detail}` : ''}`);
    this.name = 'CouchError';
  }
}

export interface CouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  [key: string]: unknown;
}

/** The server's answer for one document of a `_bulk_docs`, in the order they were sent. */
export interface BulkResult {
  id: string;
  rev?: string;
  /** 'conflict' (409: the server has a newer revision), 'forbidden' (the design's rules), … */
  error?: string;
  reason?: string;
}

export interface ChangesPage {
  results: { id: string; seq: string; deleted?: boolean; doc?: CouchDoc }[];
  /** The checkpoint to ask from next time. */
  lastSeq: string;
  /**
   * Changes still after `lastSeq`, as CouchDB counts them. A server that does not count them
   * (PouchDB) gets 0 for a page shorter than the limit, else 1: ask again while it is above 0.
   */
  pending: number;
}

/** How long requests may take; the defaults suit the extension, tests shorten them. */
export interface CouchTiming {
  /** The deadline of a request, body included. */
  requestMs: number;
  /** How long a long-poll may run past its `longpollMs` before it counts as "no change". */
  longpollGraceMs: number;
}

const DEFAULT_TIMING: CouchTiming = { requestMs: 20_000, longpollGraceMs: 3_000 };

/** The largest answer read: a `_changes` page or `_all_docs` of documents up to 8 MB each. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** The largest error or root answer read: CouchDB's are a line of JSON, a proxy's page more. */
const MAX_SMALL_BODY_BYTES = 64 * 1024;
/** Ids asked per `_all_docs` request, so that one answer stays a few megabytes. */
const GET_DOCS_BATCH = 100;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * The server URL a user typed, checked: http(s) only, no credentials, query or fragment in it
 * (the password has its own field and is never part of a URL), and `http:` only to this
 * computer. Trailing slashes are dropped from the path, so `url.href` minus a final `/` is a
 * `CouchTarget.server`. Throws a `CouchError` ('bad-url' or 'insecure').
 */
export function parseServerUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new CouchError('bad-url', null, 'not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new CouchError('bad-url', null, 'not an http: or https: URL');
  }
  if (url.username || url.password) {
    throw new CouchError('bad-url', null, 'credentials in the URL');
  }
  // `href` keeps an empty query or fragment ("https://host/?"), which `search` and `hash` do not.
  if (/[?#]/.test(url.href)) throw new CouchError('bad-url', null, 'a query or fragment');
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new CouchError('insecure', null, 'http: is only for this computer; use https:');
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

export interface CouchClient {
  /** `GET /`: the server's version and vendor; anything but CouchDB's welcome is 'not-couch'. */
  serverInfo(signal?: AbortSignal): Promise<{ version: string; vendor: string }>;
  /** `GET /_session`: who the server takes the credentials for (name null: nobody). */
  session(signal?: AbortSignal): Promise<{ name: string | null; roles: string[] }>;
  /** `GET /{db}`: its current sequence and document count; 404 is 'no-database'. */
  dbInfo(signal?: AbortSignal): Promise<{ updateSeq: string; docCount: number }>;
  /** The current revisions of `ids`; a missing or deleted document is absent from the map. */
  getDocs(ids: readonly string[], signal?: AbortSignal): Promise<Map<string, CouchDoc>>;
  /**
   * `POST /{db}/_bulk_docs`: one result per document, refusals included (they are not thrown).
   * Match results by id: CouchDB keeps the documents' order, express-pouchdb does not.
   */
  bulkDocs(docs: readonly CouchDoc[], signal?: AbortSignal): Promise<BulkResult[]>;
  /**
   * `GET /{db}/_changes` with the documents, from `since`, at most `limit`. With `longpollMs`
   * the server waits that long for a first change (keep it under 25 s: the worker's fetch must
   * end within 30 s); a server that keeps the request open past it (express-pouchdb does) is
   * cut off a little later and the answer is an empty page from `since`.
   */
  changes(options: {
    since: string;
    limit: number;
    longpollMs?: number;
    signal?: AbortSignal;
  }): Promise<ChangesPage>;
  /**
   * A document with its attachments' bytes inline (base64), or undefined when there is none:
   * the page copy a member shared, read when a browser lacks it.
   */
  getDocWithAttachments(id: string, signal?: AbortSignal): Promise<CouchDoc | undefined>;
  /**
   * Writes the design document `doc` (its `_id` starts with `_design/`), over the current one
   * if it differs. Only a database or server admin may: others get 'unauthorized' or 'forbidden'.
   */
  putDesign(doc: CouchDoc, signal?: AbortSignal): Promise<void>;
}

/** `Basic base64(user:password)` of the UTF-8 bytes, as CouchDB reads them (`btoa` is Latin-1). */
function basicAuth(user: string, password: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(`${user}:${password}`)) {
    binary += String.fromCharCode(byte);
  }
  return `Basic ${btoa(binary)}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A sequence as a string: CouchDB 3's are strings, PouchDB's and CouchDB 1's numbers. */
function seqString(seq: unknown): string {
  if (typeof seq === 'string') return seq;
  if (typeof seq === 'number' && Number.isFinite(seq)) return String(seq);
  throw new CouchError('bad-response', null, 'no sequence');
}

/** JSON with the keys of every object sorted: servers do not keep a document's key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isRecord(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * The deadline passed after a 2xx status had arrived: the server is there but its body stopped
 * coming. Any caller sees it as 'unreachable'; a long-poll, as "no change".
 */
class StalledError extends CouchError {
  constructor(status: number) {
    super('unreachable', status, 'the answer stopped coming');
  }
}

/** The text of a body, or null when it is larger than `maxBytes` (it is not read further). */
async function readBounded(response: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    return declared > maxBytes ? null : '';
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

interface Answer {
  status: number;
  /** The parsed JSON body; undefined when it was not JSON, too large, or a redirect. */
  body: unknown;
  /** The body was larger than the request allowed, and left unread. */
  tooLarge: boolean;
}

/** What a status means, for a request about the server (`/`, `/_session`) or the database. */
function failureOf(status: number, scope: 'server' | 'database'): CouchFailure {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return scope === 'database' ? 'no-database' : 'not-couch';
  if (status >= 500) return 'server';
  return scope === 'database' ? 'bad-response' : 'not-couch';
}

function reasonOf(body: unknown): string {
  if (!isRecord(body)) return '';
  return [body.error, body.reason].filter((part) => typeof part === 'string').join(': ');
}

/**
 * A client of the database `target.db` on `target.server`. Throws a `CouchError` at once when
 * the server URL would not pass `parseServerUrl`: credentials never go out over plain http.
 */
export function couchClient(
  target: CouchTarget,
  fetchImpl: typeof fetch = (input, init) => fetch(input, init),
  timing: Partial<CouchTiming> = {},
): CouchClient {
  const { requestMs, longpollGraceMs } = { ...DEFAULT_TIMING, ...timing };
  const server = parseServerUrl(target.server).href.replace(/\/$/, '');
  const dbPath = `${server}/${encodeURIComponent(target.db)}`;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (target.user) headers.Authorization = basicAuth(target.user, target.password);

  async function request(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    options: { body?: unknown; signal?: AbortSignal; deadlineMs?: number; maxBytes?: number } = {},
  ): Promise<Answer> {
    const { signal, deadlineMs = requestMs, maxBytes = MAX_BODY_BYTES } = options;
    const deadline = AbortSignal.timeout(deadlineMs);
    let status: number | null = null;
    try {
      const response = await fetchImpl(url, {
        method,
        headers:
          options.body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'manual',
        signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
      });
      status = response.status;
      // A redirect is an 'opaqueredirect' of status 0 in a browser, a 3xx in Node.
      if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
        await response.body?.cancel().catch(() => undefined);
        return { status: status || 302, body: undefined, tooLarge: false };
      }
      const ok = status >= 200 && status < 300;
      const text = await readBounded(response, ok ? maxBytes : MAX_SMALL_BODY_BYTES);
      if (text === null) return { status, body: undefined, tooLarge: true };
      try {
        return { status, body: JSON.parse(text), tooLarge: false };
      } catch {
        return { status, body: undefined, tooLarge: false };
      }
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (deadline.aborted) {
        if (status !== null && status >= 200 && status < 300) throw new StalledError(status);
        throw new CouchError('unreachable', null, `no answer within ${deadlineMs} ms`);
      }
      // fetch rejects with a TypeError both when nothing answers and when TLS fails (expired or
      // untrusted certificate, wrong name): a browser does not tell a script which, so both are
      // 'unreachable', and the settings screen names both causes.
      throw new CouchError('unreachable', null, error instanceof Error ? error.message : '');
    }
  }

  /** Throws an answer of the server itself (its root, its session) that is not a 2xx. */
  function refusedByServer(answer: Answer): void {
    if (answer.status >= 200 && answer.status < 300) return;
    throw new CouchError(failureOf(answer.status, 'server'), answer.status, reasonOf(answer.body));
  }

  /** The body of a 2xx answer about the database; any other status is thrown as its failure. */
  async function databaseCall(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    options: { body?: unknown; signal?: AbortSignal; deadlineMs?: number } = {},
  ): Promise<unknown> {
    const answer = await request(method, url, options);
    if (answer.tooLarge && answer.status >= 200 && answer.status < 300) {
      throw new CouchError('bad-response', answer.status, 'an answer too large to read');
    }
    if (answer.status < 200 || answer.status >= 300) {
      throw new CouchError(
        failureOf(answer.status, 'database'),
        answer.status,
        reasonOf(answer.body),
      );
    }
    return answer.body;
  }

  const bad = (what: string, status: number | null = null) =>
    new CouchError('bad-response', status, what);

  async function getDocBatch(
    ids: readonly string[],
    found: Map<string, CouchDoc>,
    signal?: AbortSignal,
  ): Promise<void> {
    const body = await databaseCall('POST', `${dbPath}/_all_docs?include_docs=true`, {
      body: { keys: ids },
      ...(signal ? { signal } : {}),
    });
    if (!isRecord(body) || !Array.isArray(body.rows)) throw bad('_all_docs without rows');
    for (const row of body.rows) {
      // A missing id comes back as { key, error: 'not_found' }, a deleted one with doc: null.
      const doc = isRecord(row) ? row.doc : undefined;
      if (isRecord(doc) && typeof doc._id === 'string' && doc._deleted !== true) {
        found.set(doc._id, doc as CouchDoc);
      }
    }
  }

  async function getDocs(ids: readonly string[], signal?: AbortSignal) {
    const found = new Map<string, CouchDoc>();
    for (let start = 0; start < ids.length; start += GET_DOCS_BATCH) {
      await getDocBatch(ids.slice(start, start + GET_DOCS_BATCH), found, signal);
    }
    return found;
  }

  return {
    async serverInfo(signal) {
      const answer = await request('GET', `${server}/`, {
        maxBytes: MAX_SMALL_BODY_BYTES,
        ...(signal ? { signal } : {}),
      });
      refusedByServer(answer);
      if (!isRecord(answer.body) || !('couchdb' in answer.body)) {
        throw new CouchError('not-couch', answer.status, 'no CouchDB welcome at the root');
      }
      const { version, vendor } = answer.body;
      return {
        version: typeof version === 'string' ? version : '',
        vendor: isRecord(vendor) && typeof vendor.name === 'string' ? vendor.name : '',
      };
    },

    async session(signal) {
      const answer = await request('GET', `${server}/_session`, {
        maxBytes: MAX_SMALL_BODY_BYTES,
        ...(signal ? { signal } : {}),
      });
      refusedByServer(answer);
      const ctx = isRecord(answer.body) ? answer.body.userCtx : undefined;
      if (!isRecord(ctx) || !Array.isArray(ctx.roles)) throw bad('no userCtx', answer.status);
      return {
        name: typeof ctx.name === 'string' ? ctx.name : null,
        roles: ctx.roles.filter((role): role is string => typeof role === 'string'),
      };
    },

    async dbInfo(signal) {
      const body = await databaseCall('GET', dbPath, signal ? { signal } : {});
      if (!isRecord(body) || typeof body.doc_count !== 'number') throw bad('no database info');
      return { updateSeq: seqString(body.update_seq), docCount: body.doc_count };
    },

    getDocs,

    async bulkDocs(docs, signal) {
      if (docs.length === 0) return [];
      const body = await databaseCall('POST', `${dbPath}/_bulk_docs`, {
        body: { docs },
        ...(signal ? { signal } : {}),
      });
      if (!Array.isArray(body) || body.length !== docs.length) {
        throw bad('_bulk_docs did not answer for each document');
      }
      return body.map((item: unknown): BulkResult => {
        // Without its id a result cannot be told from the others: the order is not kept by all.
        if (!isRecord(item) || typeof item.id !== 'string') throw bad('a result without an id');
        const out: BulkResult = { id: item.id };
        if (typeof item.rev === 'string') out.rev = item.rev;
        if (typeof item.error === 'string') out.error = item.error;
        if (typeof item.reason === 'string') out.reason = item.reason;
        if (!out.rev && !out.error) out.error = 'unknown';
        return out;
      });
    },

    async changes({ since, limit, longpollMs, signal }) {
      const count = Math.max(1, Math.floor(limit));
      const query = new URLSearchParams({ since, limit: String(count), include_docs: 'true' });
      if (longpollMs !== undefined) {
        query.set('feed', 'longpoll');
        query.set('timeout', String(Math.max(0, Math.floor(longpollMs))));
      }
      let body: unknown;
      try {
        body = await databaseCall('GET', `${dbPath}/_changes?${query}`, {
          ...(signal ? { signal } : {}),
          ...(longpollMs === undefined ? {} : { deadlineMs: longpollMs + longpollGraceMs }),
        });
      } catch (error) {
        if (longpollMs !== undefined && error instanceof StalledError) {
          return { results: [], lastSeq: since, pending: 0 };
        }
        throw error;
      }
      if (!isRecord(body) || !Array.isArray(body.results)) throw bad('_changes without results');
      const results = body.results.map((row: unknown) => {
        if (!isRecord(row) || typeof row.id !== 'string') throw bad('a change without an id');
        const change: ChangesPage['results'][number] = { id: row.id, seq: seqString(row.seq) };
        if (row.deleted === true) change.deleted = true;
        if (isRecord(row.doc) && typeof row.doc._id === 'string') change.doc = row.doc as CouchDoc;
        return change;
      });
      const pending =
        typeof body.pending === 'number' ? body.pending : results.length >= count ? 1 : 0;
      return { results, lastSeq: seqString(body.last_seq), pending };
    },

    async getDocWithAttachments(id, signal) {
      const url = `${dbPath}/${encodeURIComponent(id)}?attachments=true`;
      const answer = await request('GET', url, signal ? { signal } : {});
      if (answer.status === 404) return undefined;
      if (answer.tooLarge) throw bad('an answer too large to read', answer.status);
      if (answer.status < 200 || answer.status >= 300) {
        const failure = failureOf(answer.status, 'database');
        throw new CouchError(failure, answer.status, reasonOf(answer.body));
      }
      if (!isRecord(answer.body) || answer.body._id !== id) throw bad('not the document asked');
      return answer.body as CouchDoc;
    },

    async putDesign(doc, signal) {
      if (!doc._id.startsWith('_design/')) throw new TypeError('not a design document');
      const url = `${dbPath}/_design/${encodeURIComponent(doc._id.slice('_design/'.length))}`;
      const { _rev: _ignored, ...content } = doc;
      const same = (current: CouchDoc) => {
        const { _rev: _currentRev, ...rest } = current;
        return canonicalJson(rest) === canonicalJson(content);
      };
      // Two admins uploading at once: the second meets a newer revision, and tries once more.
      for (let attempt = 0; ; attempt++) {
        const current = (await getDocs([doc._id], signal)).get(doc._id);
        if (current && same(current)) return;
        const answer = await request('PUT', url, {
          body: current ? { ...content, _rev: current._rev } : content,
          ...(signal ? { signal } : {}),
        });
        if (answer.status >= 200 && answer.status < 300) return;
        if (answer.status !== 409 || attempt > 0) {
          const failure = failureOf(answer.status, 'database');
          throw new CouchError(failure, answer.status, reasonOf(answer.body));
        }
      }
    },
  };
}

/** What "Test the connection" found when everything answered. */
export interface ConnectionReport {
  ok: true;
  user: string;
  roles: string[];
  version: string;
  docCount: number;
}

/**
 * Checks, in order, that the URL is acceptable, the server is CouchDB, it takes the credentials
 * and the user may open the database; the first failure is the answer. Never throws.
 */
export async function testConnection(
  target: CouchTarget,
  fetchImpl?: typeof fetch,
): Promise<ConnectionReport | { ok: false; failure: CouchFailure; status: number | null }> {
  try {
    const client = couchClient(target, fetchImpl);
    const { version } = await client.serverInfo();
    const { name, roles } = await client.session();
    // Credentials the server did not take (or no basic-auth handler at all) leave no name.
    if (name === null) return { ok: false, failure: 'unauthorized', status: null };
    const { docCount } = await client.dbInfo();
    return { ok: true, user: name, roles, version, docCount };
  } catch (error) {
    if (error instanceof CouchError) {
      return { ok: false, failure: error.failure, status: error.status };
    }
    return { ok: false, failure: 'unreachable', status: null };
  }
}
