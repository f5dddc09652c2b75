/**
 * A CouchDB-compatible server started in-process for the tests: express-pouchdb over in-memory
 * PouchDB databases, on 127.0.0.1 at a free port, with a server admin (no "admin party"),
 * `_users`, `_session`, `_security` and `validate_doc_update`. Each server has its own
 * databases; `stop()` ends its connections (long-polls included) and drops them.
 *
 * Where express-pouchdb differs from Apache CouchDB 3, and what this file does about it:
 * - `GET /` answers `{"express-pouchdb": "Welcome!"}`; here it answers CouchDB's welcome, so
 *   that clients that check for CouchDB accept it.
 * - A new database is open to everyone (CouchDB 3 makes it admin-only): `createDb` always
 *   writes a `_security`, CouchDB 3's default when no members are given.
 * - A user refused by `_security` gets 401 for everything, and a non-member's `_bulk_docs` is
 *   answered 201 with a refusal per document; CouchDB answers 401 only to anonymous requests
 *   and 403 to a signed-in user who is not a member, for the whole request. A check placed
 *   after express-pouchdb's own authentication answers as CouchDB does, for every request to a
 *   database, and for writes of design documents and `_security` by non-admins.
 * - `validate_doc_update` is given `{}` as the security object on the routes express-pouchdb
 *   serves before it loads it (`_bulk_docs`, `_all_docs`, `_changes`); that check loads it first.
 * - Not emulated: `_changes` has no `pending` and numeric sequences; a long-poll with nothing
 *   to send ignores its `timeout` (it answers at the next change, or never: callers abort their
 *   own); `validate_doc_update` runs before the revision check, so a write without `_rev` over
 *   an existing document meets the validation before its 409; `_bulk_docs` answers the
 *   documents its validation refused first, out of order (match results by id); there is no
 *   JWT or proxy authentication, no clustering (`q`, `n`), no `_purge`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CouchTarget } from '../src/core/sync/couch';

/** The parts of PouchDB's constructor used here (its packages are CommonJS without types). */
interface PouchDBStatic {
  plugin(plugin: unknown): PouchDBStatic;
  defaults(options: Record<string, unknown>): PouchDBStatic;
  allDbs(): Promise<string[]>;
  new (name: string): { destroy(): Promise<unknown> };
}

interface Security {
  admins?: { names?: string[]; roles?: string[] };
  members?: { names?: string[]; roles?: string[] };
}

interface UserCtx {
  name: string | null;
  roles: string[];
}

/** The express request as express-pouchdb leaves it once it has authenticated the user. */
interface PouchRequest extends IncomingMessage {
  params: { db: string };
  originalUrl: string;
  couchSession?: { userCtx: UserCtx };
  couchSecurityObj?: Security;
  db?: { getSecurity(): Promise<Security> };
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

interface ExpressPouchApp {
  (req: IncomingMessage, res: ServerResponse): void;
  use(
    path: string,
    handler: (req: PouchRequest, res: ServerResponse, next: () => void) => void,
  ): void;
  _router: { stack: Layer[] };
}

const require = createRequire(import.meta.url);
const PouchDB = (require('pouchdb-core') as PouchDBStatic)
  .plugin(require('pouchdb-adapter-memory'))
  // express-pouchdb's security wraps `replicate` and runs stored views: both must be there.
  .plugin(require('pouchdb-replication'))
  .plugin(require('pouchdb-mapreduce'));
const expressPouchDB = require('express-pouchdb') as (
  pouch: PouchDBStatic,
  options: Record<string, unknown>,
) => ExpressPouchApp;

/** The version this server says it is, at its root. */
export const COUCH_SERVER_VERSION = '3.3.3';

export interface CouchServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string;
  /** The server admin's name and password. */
  admin: { user: string; password: string };
  /** A target on this server: database `db`, signed in as `user` (the admin by default). */
  target(db: string, user?: string, password?: string): CouchTarget;
  /** A request as the admin; the answer's status and JSON body. */
  asAdmin(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /**
   * Creates database `name` with its `_security`: `members` (names and roles) may read and
   * write it, `admins` administer it; with no members, only server admins may (CouchDB 3).
   */
  createDb(name: string, members?: Security['members'], admins?: Security['admins']): Promise<void>;
  /** Creates a `_users` account. */
  createUser(name: string, password: string, roles?: string[]): Promise<void>;
  /** Closes every connection and the server, and drops its databases. */
  stop(): Promise<void>;
}

let servers = 0;

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

const inGroup = (ctx: UserCtx, group: Security['members']) =>
  (ctx.name !== null && (group?.names ?? []).includes(ctx.name)) ||
  (group?.roles ?? []).some((role) => ctx.roles.includes(role));

/** CouchDB's answer to a user the database's `_security` does not let through. */
function refuse(res: ServerResponse, ctx: UserCtx, reason: string) {
  if (ctx.name === null) sendJson(res, 401, { error: 'unauthorized', reason });
  else sendJson(res, 403, { error: 'forbidden', reason });
}

/**
 * CouchDB's checks of a request to a database, run once express-pouchdb has found the user and
 * the database: members (or anyone, when there are none) read and write; only admins write
 * design documents and `_security`. The security object is kept on the request for
 * `validate_doc_update`, which express-pouchdb would otherwise give `{}` on the routes it
 * serves before loading it (`_bulk_docs` among them).
 */
function couchSecurity(req: PouchRequest, res: ServerResponse, next: () => void) {
  const ctx = req.couchSession?.userCtx;
  if (req.params.db.startsWith('_') || !req.db || !ctx) return next();
  req.db.getSecurity().then((security) => {
    req.couchSecurityObj = security;
    if (ctx.roles.includes('_admin')) return next();
    const isAdmin = inGroup(ctx, security.admins);
    const open = !security.members?.names?.length && !security.members?.roles?.length;
    if (!isAdmin && !open && !inGroup(ctx, security.members)) {
      return refuse(res, ctx, 'You are not allowed to access this db.');
    }
    const rest = req.originalUrl.replace(/^\/[^/?]*/, '');
    const adminPath = /^\/(_design\/|_security)/.test(rest);
    if (adminPath && req.method !== 'GET' && req.method !== 'HEAD' && !isAdmin) {
      return refuse(res, ctx, 'You are not a db or server admin.');
    }
    next();
  }, next);
}

/**
 * Starts a server with admin `admin` (password `options.adminPassword`, random by default).
 * Its config and log files live in a temporary folder removed by `stop()`.
 */
export async function startCouchServer(
  options: { adminPassword?: string } = {},
): Promise<CouchServer> {
  servers += 1;
  const admin = { user: 'admin', password: options.adminPassword ?? crypto.randomUUID() };
  const dir = mkdtempSync(join(tmpdir(), 'vigie-couch-'));
  // express-pouchdb reads its admins from its config file, and hashes them there.
  writeFileSync(
    join(dir, 'config.json'),
    JSON.stringify({ admins: { [admin.user]: admin.password }, log: { level: 'none' } }),
  );
  const pouch = PouchDB.defaults({ adapter: 'memory', prefix: `couch-${servers}-` });
  const app = expressPouchDB(pouch, {
    configPath: join(dir, 'config.json'),
    logPath: join(dir, 'log.txt'),
    overrideMode: {
      // No web UI, no replicator daemon, no disk sizes of memory databases; and no gzip, which
      // CouchDB does not do to JSON and which would hold back the first bytes of a long-poll.
      exclude: ['routes/fauxton', 'replicator', 'routes/replicate', 'disk-size', 'compression'],
    },
  });
  // `use` adds the check last, after the 404 route: it moves to just before the first route
  // of a database (GET /:db), where the user and the database are known.
  app.use('/:db', couchSecurity);
  const stack = app._router.stack;
  const check = stack.pop()!;
  const at = stack.findIndex(
    (layer) => layer.route?.path === '/:db' && Object.keys(layer.route.methods).join() === 'get',
  );
  if (at < 0) throw new Error('express-pouchdb changed: no GET /:db route to check before');
  stack.splice(at, 0, check);

  const server = createServer((req, res) => {
    if (req.method === 'GET' && (req.url === '/' || req.url?.startsWith('/?'))) {
      return sendJson(res, 200, {
        couchdb: 'Welcome',
        version: COUCH_SERVER_VERSION,
        vendor: { name: 'express-pouchdb, for tests' },
      });
    }
    app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const credentials = Buffer.from(`${admin.user}:${admin.password}`).toString('base64');
  const authorization = `Basic ${credentials}`;

  async function asAdmin(method: string, path: string, body?: unknown) {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { Authorization: authorization, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
  }

  async function expect(what: string, answer: Promise<{ status: number; body: unknown }>) {
    const { status, body } = await answer;
    if (status >= 300) throw new Error(`${what}: HTTP ${status} ${JSON.stringify(body)}`);
  }

  return {
    url,
    admin,
    target: (db, user = admin.user, password = admin.password) => ({
      server: url,
      db,
      user,
      password,
    }),
    asAdmin,
    async createDb(name, members, admins) {
      const db = encodeURIComponent(name);
      await expect(`create ${name}`, asAdmin('PUT', `/${db}`));
      const security: Security = {
        admins: admins ?? { names: [], roles: ['_admin'] },
        members: members ?? { names: [], roles: ['_admin'] },
      };
      await expect(`_security of ${name}`, asAdmin('PUT', `/${db}/_security`, security));
    },
    async createUser(name, password, roles = []) {
      const id = `org.couchdb.user:${name}`;
      await expect(
        `user ${name}`,
        asAdmin('PUT', `/_users/${encodeURIComponent(id)}`, {
          _id: id,
          name,
          password,
          roles,
          type: 'user',
        }),
      );
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const names = await pouch.allDbs().catch(() => [] as string[]);
      for (const name of [...names, '_users', 'pouch__all_dbs__']) {
        await new pouch(name).destroy().catch(() => undefined);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
