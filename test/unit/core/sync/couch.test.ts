/**
 * The CouchDB client against a CouchDB-compatible server in this process (test/couch-server.ts),
 * and against plain servers that are not CouchDB, answer nothing or redirect.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CouchError,
  couchClient,
  parseServerUrl,
  testConnection,
  type CouchFailure,
} from '../../../../src/core/sync/couch';
import { COUCH_SERVER_VERSION, startCouchServer, type CouchServer } from '../../../couch-server';

/** A server on 127.0.0.1 that answers each request with `handle`; its URL and a stop. */
async function plainServer(handle: Parameters<typeof createServer>[1]) {
  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The CouchError `promise` rejects with (the test fails when it resolves or throws another). */
async function failureOf(promise: Promise<unknown>): Promise<CouchError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CouchError);
  return error as CouchError;
}

const ZOE = { user: 'zoé', password: 'mot de passe: déjà vu ✓' };
const BOB = { user: 'bob', password: 'bob-password' };

let couch: CouchServer;

beforeAll(async () => {
  couch = await startCouchServer();
  await couch.createUser(ZOE.user, ZOE.password);
  await couch.createUser(BOB.user, BOB.password);
  await couch.createDb('cell', { names: [ZOE.user] });
});

afterAll(() => couch.stop());

let dbCount = 0;
/** A new database of which zoé is the one member, and a client of it as zoé. */
async function zoesDb() {
  dbCount += 1;
  const name = `cell-${dbCount}`;
  await couch.createDb(name, { names: [ZOE.user] });
  return { name, client: couchClient(couch.target(name, ZOE.user, ZOE.password)) };
}

describe('parseServerUrl', () => {
  it('takes https anywhere, http only to this computer, and drops trailing slashes', () => {
    expect(parseServerUrl(' https://couch.example/team/ ').href).toBe('https://couch.example/team');
    expect(parseServerUrl('https://couch.example').href).toBe('https://couch.example/');
    for (const local of ['http://127.0.0.1:5984', 'http://localhost:5984/', 'http://[::1]:5984']) {
      expect(parseServerUrl(local).protocol).toBe('http:');
    }
  });

  it.each([
    ['couch.example', 'bad-url'],
    ['ftp://couch.example', 'bad-url'],
    ['https://zoe:secret@couch.example', 'bad-url'],
    ['https://couch.example/?db=cell', 'bad-url'],
    ['https://couch.example/?', 'bad-url'],
    ['https://couch.example/#cell', 'bad-url'],
    ['http://couch.example', 'insecure'],
    ['http://192.168.1.10:5984', 'insecure'],
    ['http://127.0.0.1.nip.io', 'insecure'],
  ] satisfies [string, CouchFailure][])('refuses %s as %s', (text, failure) => {
    let error: unknown;
    try {
      parseServerUrl(text);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(CouchError);
    expect((error as CouchError).failure).toBe(failure);
  });

  it('is checked by the client too: no credentials go over plain http', () => {
    const target = { server: 'http://couch.example', db: 'cell', ...ZOE };
    expect(() => couchClient(target)).toThrow(CouchError);
  });
});

describe('testConnection', () => {
  it('reports the member, their roles, the server version and the documents', async () => {
    const { name } = await zoesDb();
    await couchClient(couch.target(name)).bulkDocs([{ _id: 'crisis:1' }, { _id: 'crisis:2' }]);
    const report = await testConnection(couch.target(name, ZOE.user, ZOE.password));
    expect(report).toEqual({
      ok: true,
      user: ZOE.user,
      roles: [],
      version: COUCH_SERVER_VERSION,
      docCount: 2,
    });
  });

  it.each([
    ['a bad URL', { server: 'couch.example' }, 'bad-url', null],
    ['http to another computer', { server: 'http://couch.example' }, 'insecure', null],
    ['a wrong password', { password: 'wrong' }, 'unauthorized', 401],
    ['no credentials', { user: '', password: '' }, 'unauthorized', null],
    ['a user who is not a member', BOB, 'forbidden', 403],
    ['a database that does not exist', { db: 'no-such-cell' }, 'no-database', 404],
  ] as const)('says what is wrong: %s', async (_, change, failure, status) => {
    const target = { ...couch.target('cell', ZOE.user, ZOE.password), ...change };
    expect(await testConnection(target)).toEqual({ ok: false, failure, status });
  });

  it('says unreachable when nothing listens on the port', async () => {
    const closed = await plainServer((_, res) => res.end());
    await closed.stop();
    const report = await testConnection({ ...couch.target('cell'), server: closed.url });
    expect(report).toEqual({ ok: false, failure: 'unreachable', status: null });
  });

  it('says not-couch for a web server that answers HTML', async () => {
    const web = await plainServer((_, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>Intranet</title><p>Welcome');
    });
    const report = await testConnection({ ...couch.target('cell'), server: web.url });
    await web.stop();
    expect(report).toEqual({ ok: false, failure: 'not-couch', status: 200 });
  });

  it('says not-couch for a server whose 404 pages are HTML', async () => {
    const web = await plainServer((_, res) => {
      res.writeHead(404, { 'Content-Type': 'text/html' });
      res.end('<h1>Not found</h1>');
    });
    const report = await testConnection({ ...couch.target('cell'), server: web.url });
    await web.stop();
    expect(report).toEqual({ ok: false, failure: 'not-couch', status: 404 });
  });
});

describe('requests', () => {
  it('sign in with basic auth of the UTF-8 name and password, and send no cookie', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const spy = await plainServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"ok":true,"userCtx":{"name":"zoé","roles":[]}}');
    });
    await couchClient({ server: spy.url, db: 'cell', ...ZOE }).session();
    await spy.stop();
    const [scheme, encoded] = (seen[0]?.authorization ?? '').split(' ');
    expect(scheme).toBe('Basic');
    expect(Buffer.from(encoded ?? '', 'base64').toString('utf8')).toBe(
      `${ZOE.user}:${ZOE.password}`,
    );
    expect(seen[0]?.cookie).toBeUndefined();
    // And the real server takes them.
    expect(await couchClient(couch.target('cell', ZOE.user, ZOE.password)).session()).toEqual({
      name: ZOE.user,
      roles: [],
    });
  });

  it('follow no redirect: the credentials never reach another server', async () => {
    const elsewhere: string[] = [];
    const other = await plainServer((req, res) => {
      elsewhere.push(req.headers.authorization ?? '');
      res.end('{"couchdb":"Welcome"}');
    });
    const redirecting = await plainServer((_, res) => {
      res.writeHead(302, { Location: `${other.url}/` });
      res.end();
    });
    const error = await failureOf(
      couchClient({ server: redirecting.url, db: 'cell', ...ZOE }).serverInfo(),
    );
    await Promise.all([other.stop(), redirecting.stop()]);
    expect([error.failure, error.status]).toEqual(['not-couch', 302]);
    expect(elsewhere).toEqual([]);
  });

  it('give up on a server that does not answer, at their deadline', async () => {
    const silent = await plainServer(() => undefined);
    const client = couchClient({ server: silent.url, db: 'cell', ...ZOE }, undefined, {
      requestMs: 300,
    });
    const started = Date.now();
    const error = await failureOf(client.dbInfo());
    await silent.stop();
    expect(error.failure).toBe('unreachable');
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('read no more than a bounded body', async () => {
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(new TextEncoder().encode(`<p>${'x'.repeat(16 * 1024)}</p>`));
      },
    });
    const fakeFetch: typeof fetch = async () =>
      new Response(endless, { status: 200, headers: { 'Content-Type': 'text/html' } });
    const client = couchClient({ server: 'https://couch.example', db: 'cell', ...ZOE }, fakeFetch);
    const error = await failureOf(client.serverInfo());
    expect(error.failure).toBe('not-couch');
    expect(pulls).toBeLessThan(10);
  });

  it('tell a server error from an answer that cannot be read', async () => {
    const failing = await plainServer((req, res) => {
      res.writeHead(req.url === '/broken' ? 503 : 200, { 'Content-Type': 'text/html' });
      res.end('<p>Maintenance</p>');
    });
    const [broken, garbled] = await Promise.all([
      failureOf(couchClient({ server: failing.url, db: 'broken', ...ZOE }).dbInfo()),
      failureOf(couchClient({ server: failing.url, db: 'garbled', ...ZOE }).dbInfo()),
    ]);
    await failing.stop();
    expect([broken.failure, broken.status]).toEqual(['server', 503]);
    expect([garbled.failure, garbled.status]).toEqual(['bad-response', null]);
  });

  it('refuse an answer declared larger than the bound without reading it', async () => {
    const fakeFetch: typeof fetch = async () =>
      new Response('{"rows":[]}', {
        status: 200,
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(2 ** 40) },
      });
    const client = couchClient({ server: 'https://couch.example', db: 'cell', ...ZOE }, fakeFetch);
    expect((await failureOf(client.getDocs(['crisis:1']))).failure).toBe('bad-response');
  });
});

describe('documents', () => {
  it('bulkDocs writes, and answers a conflict per document, matched by id', async () => {
    const { client } = await zoesDb();
    const first = await client.bulkDocs([
      { _id: 'crisis:a', type: 'crisis', title: 'one' },
      { _id: 'crisis:b', type: 'crisis', title: 'two' },
    ]);
    expect(first.map((r) => [r.id, r.error, typeof r.rev])).toEqual([
      ['crisis:a', undefined, 'string'],
      ['crisis:b', undefined, 'string'],
    ]);
    const revA = first[0]!.rev!;
    const second = await client.bulkDocs([
      { _id: 'crisis:b', type: 'crisis', title: 'stale' },
      { _id: 'crisis:a', _rev: revA, type: 'crisis', title: 'one, edited' },
      { _id: 'crisis:c', type: 'crisis', title: 'three' },
    ]);
    const byId = new Map(second.map((r) => [r.id, r]));
    expect(byId.get('crisis:b')?.error).toBe('conflict');
    expect(byId.get('crisis:b')?.rev).toBeUndefined();
    expect(byId.get('crisis:a')?.rev).toMatch(/^2-/);
    expect(byId.get('crisis:c')?.rev).toMatch(/^1-/);
    expect(await client.bulkDocs([])).toEqual([]);
  });

  it('getDocs returns the current revisions, without missing or deleted documents', async () => {
    const { name, client } = await zoesDb();
    const [kept, gone] = await client.bulkDocs([
      { _id: 'crisis:kept', type: 'crisis', title: 'kept' },
      { _id: 'crisis:gone', type: 'crisis', title: 'gone' },
    ]);
    await couchClient(couch.target(name)).bulkDocs([
      { _id: 'crisis:gone', _rev: gone!.rev!, _deleted: true },
    ]);
    const ids = ['crisis:kept', 'crisis:gone', 'crisis:never'];
    const docs = await client.getDocs(ids);
    expect([...docs.keys()]).toEqual(['crisis:kept']);
    expect(docs.get('crisis:kept')).toMatchObject({ _rev: kept!.rev, title: 'kept' });
    expect((await client.getDocs([])).size).toBe(0);
  });

  it('getDocs asks for many ids in several requests and returns them all', async () => {
    const { client } = await zoesDb();
    const docs = Array.from({ length: 250 }, (_, i) => ({ _id: `event:${1000 + i}` }));
    await client.bulkDocs(docs);
    const found = await client.getDocs(docs.map((d) => d._id));
    expect(found.size).toBe(250);
  });

  it('a non-member can neither read nor write', async () => {
    const { name } = await zoesDb();
    const bob = couchClient(couch.target(name, BOB.user, BOB.password));
    for (const call of [
      () => bob.getDocs(['crisis:1']),
      () => bob.bulkDocs([{ _id: 'crisis:1' }]),
      () => bob.changes({ since: '0', limit: 10 }),
    ]) {
      const error = await failureOf(call());
      expect([error.failure, error.status]).toEqual(['forbidden', 403]);
    }
    const anonymous = couchClient(couch.target(name, '', ''));
    expect((await failureOf(anonymous.dbInfo())).status).toBe(401);
  });
});

describe('changes', () => {
  it('pages from a checkpoint with a limit, each page saying where to go on from', async () => {
    const { client } = await zoesDb();
    const start = (await client.dbInfo()).updateSeq;
    await client.bulkDocs([{ _id: 'event:1' }, { _id: 'event:2' }, { _id: 'event:3' }]);

    const first = await client.changes({ since: start, limit: 2 });
    expect(first.results.map((r) => r.id)).toEqual(['event:1', 'event:2']);
    expect(first.results[0]?.doc).toMatchObject({ _id: 'event:1' });
    expect(typeof first.results[0]?.seq).toBe('string');
    expect(first.pending).toBeGreaterThan(0);

    const second = await client.changes({ since: first.lastSeq, limit: 2 });
    expect(second.results.map((r) => r.id)).toEqual(['event:3']);
    expect(second.pending).toBe(0);

    const after = await client.changes({ since: second.lastSeq, limit: 2 });
    expect(after).toEqual({ results: [], lastSeq: second.lastSeq, pending: 0 });
    expect((await client.dbInfo()).updateSeq).toBe(second.lastSeq);
  });

  it('marks deleted documents', async () => {
    const { name, client } = await zoesDb();
    const [written] = await client.bulkDocs([{ _id: 'crisis:x', type: 'crisis' }]);
    const since = (await client.dbInfo()).updateSeq;
    await couchClient(couch.target(name)).bulkDocs([
      { _id: 'crisis:x', _rev: written!.rev!, _deleted: true },
    ]);
    const page = await client.changes({ since, limit: 10 });
    expect(page.results).toEqual([expect.objectContaining({ id: 'crisis:x', deleted: true })]);
  });

  it('a long-poll answers with the next change', async () => {
    const { client } = await zoesDb();
    const since = (await client.dbInfo()).updateSeq;
    const waiting = client.changes({ since, limit: 10, longpollMs: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await client.bulkDocs([{ _id: 'event:new' }]);
    const page = await waiting;
    expect(page.results.map((r) => r.id)).toEqual(['event:new']);
  });

  it('a long-poll stopped by the caller rejects at once with the signal’s reason', async () => {
    const { client } = await zoesDb();
    const since = (await client.dbInfo()).updateSeq;
    const controller = new AbortController();
    const started = Date.now();
    const waiting = client.changes({
      since,
      limit: 10,
      longpollMs: 20_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 100);
    const error: unknown = await waiting.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a long-poll the server keeps open past its time ends as a page with no change', async () => {
    const { name } = await zoesDb();
    const client = couchClient(couch.target(name, ZOE.user, ZOE.password), undefined, {
      longpollGraceMs: 200,
    });
    const since = (await client.dbInfo()).updateSeq;
    const started = Date.now();
    const page = await client.changes({ since, limit: 10, longpollMs: 300 });
    expect(page).toEqual({ results: [], lastSeq: since, pending: 0 });
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
