/**
 * `_design/vigie` uploaded to a CouchDB-compatible server in this process: what its
 * `validate_doc_update` lets members write, and what it refuses, whoever sends it.
 */
import { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchError, couchClient, type CouchClient } from '../../../../src/core/sync/couch';
import { vigieDesign } from '../../../../src/core/sync/design';
import { startCouchServer, type CouchServer } from '../../../couch-server';

const ZOE = { user: 'zoé', password: 'zoé-password' };
const BOB = { user: 'bob', password: 'bob-password' };
const LEAD = { user: 'lead', password: 'lead-password' };

let couch: CouchServer;
/** Clients of the cell's database: members zoé and bob, its admin lead, the server admin. */
let zoe: CouchClient, bob: CouchClient, lead: CouchClient, admin: CouchClient;

beforeAll(async () => {
  couch = await startCouchServer();
  for (const { user, password } of [ZOE, BOB, LEAD]) await couch.createUser(user, password);
  await couch.createDb('cell', { names: [ZOE.user, BOB.user] }, { names: [LEAD.user] });
  zoe = couchClient(couch.target('cell', ZOE.user, ZOE.password));
  bob = couchClient(couch.target('cell', BOB.user, BOB.password));
  lead = couchClient(couch.target('cell', LEAD.user, LEAD.password));
  admin = couchClient(couch.target('cell'));
  await lead.putDesign(vigieDesign);
});

afterAll(() => couch.stop());

let count = 0;
const nextId = () => `${Date.now()}-${(count += 1)}`;

const event = (id: string, author: string, text = 'Statement published') => ({
  _id: `event:${id}`,
  type: 'event',
  author,
  event: { id, kind: 'note', text },
});

const crisis = (id: string, author: string, title: string) => ({
  _id: `crisis:${id}`,
  type: 'crisis',
  author,
  crisis: { id, title },
});

/** The one result of writing `doc` as `client`. */
async function write(client: CouchClient, doc: Parameters<CouchClient['bulkDocs']>[0][number]) {
  const [result] = await client.bulkDocs([doc]);
  return result!;
}

describe('_design/vigie', () => {
  it('is a design document whose validation function is plain ES5', () => {
    expect(vigieDesign._id).toBe('_design/vigie');
    const source = `var validate = ${String(vigieDesign.validate_doc_update)};`;
    const problems = new Linter().verify(source, {
      languageOptions: { ecmaVersion: 5, sourceType: 'script' },
    });
    expect(problems).toEqual([]);
  });

  it('is uploaded by a database admin, once: the same document again changes nothing', async () => {
    const before = (await admin.getDocs([vigieDesign._id])).get(vigieDesign._id);
    expect(before?.validate_doc_update).toBe(vigieDesign.validate_doc_update);
    await lead.putDesign(vigieDesign);
    const after = (await admin.getDocs([vigieDesign._id])).get(vigieDesign._id);
    expect(after?._rev).toBe(before?._rev);
  });

  it('is replaced when it differs', async () => {
    await couch.createDb('other', { names: [ZOE.user] });
    const other = couchClient(couch.target('other'));
    await other.putDesign({ ...vigieDesign, validate_doc_update: 'function () {}' });
    await other.putDesign(vigieDesign);
    const stored = (await other.getDocs([vigieDesign._id])).get(vigieDesign._id);
    expect(stored?._rev).toMatch(/^2-/);
    expect(stored?.validate_doc_update).toBe(vigieDesign.validate_doc_update);
  });

  it('cannot be uploaded by a member', async () => {
    const error: unknown = await zoe
      .putDesign({ ...vigieDesign, validate_doc_update: 'function () {}' })
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(CouchError);
    expect((error as CouchError).failure).toBe('forbidden');
  });
});

describe('events', () => {
  it('a member’s own event is accepted', async () => {
    const result = await write(zoe, event(nextId(), ZOE.user));
    expect(result.error).toBeUndefined();
    expect(result.rev).toMatch(/^1-/);
  });

  it('an event whose author is someone else is refused', async () => {
    const result = await write(zoe, event(nextId(), BOB.user));
    expect(result.error).toBe('forbidden');
    expect(result.reason).toMatch(/author/);
  });

  it('an event, once written, is never changed, even by an admin', async () => {
    const id = nextId();
    const { rev } = await write(zoe, event(id, ZOE.user));
    const edited = { ...event(id, ZOE.user, 'Statement withdrawn'), _rev: rev! };
    for (const client of [zoe, lead, admin]) {
      const result = await write(client, edited);
      expect(result.error).toBe('forbidden');
    }
    const stored = (await zoe.getDocs([`event:${id}`])).get(`event:${id}`);
    expect(stored).toMatchObject({ _rev: rev, event: { text: 'Statement published' } });
  });

  it('an event sent again without its revision is a conflict: the server has it', async () => {
    const doc = event(nextId(), ZOE.user);
    await write(zoe, doc);
    expect((await write(zoe, doc)).error).toBe('conflict');
  });

  it('an event is never deleted, even by an admin', async () => {
    const id = nextId();
    const { rev } = await write(zoe, event(id, ZOE.user));
    for (const client of [zoe, lead, admin]) {
      const result = await write(client, { _id: `event:${id}`, _rev: rev!, _deleted: true });
      expect(result.error).toBe('forbidden');
    }
  });
});

describe('crises and mentions', () => {
  it('a crisis created by one member and edited by another is accepted', async () => {
    const id = nextId();
    const created = await write(zoe, crisis(id, ZOE.user, 'Bad review'));
    const edited = await write(bob, {
      ...crisis(id, BOB.user, 'Bad review, answered'),
      _rev: created.rev!,
    });
    expect(edited.error).toBeUndefined();
    const stored = (await zoe.getDocs([`crisis:${id}`])).get(`crisis:${id}`);
    expect(stored).toMatchObject({ author: BOB.user, crisis: { title: 'Bad review, answered' } });
  });

  it('a member cannot sign an edit with another member’s name', async () => {
    const id = nextId();
    const created = await write(zoe, crisis(id, ZOE.user, 'Bad review'));
    const result = await write(bob, { ...crisis(id, ZOE.user, 'Edited'), _rev: created.rev! });
    expect(result.error).toBe('forbidden');
  });

  it('an admin may sign for another and delete a crisis; a member may not delete', async () => {
    const id = nextId();
    const created = await write(lead, crisis(id, ZOE.user, 'Imported by the lead'));
    expect(created.error).toBeUndefined();
    const deletion = { _id: `crisis:${id}`, _rev: created.rev!, _deleted: true };
    expect((await write(zoe, deletion)).error).toBe('forbidden');
    expect((await write(lead, deletion)).error).toBeUndefined();
  });

  it('a mention is written under its own kind', async () => {
    const id = nextId();
    const mention = { _id: `mention:${id}`, type: 'mention', author: ZOE.user, mention: { id } };
    expect((await write(zoe, mention)).error).toBeUndefined();
  });

  it.each([
    ['an id of another kind', { _id: 'note:1', type: 'note', author: 'zoé', note: {} }],
    ['an id without a record id', { _id: 'crisis:', type: 'crisis', author: 'zoé', crisis: {} }],
    ['a type not the id’s', { _id: 'crisis:t1', type: 'event', author: 'zoé', crisis: {} }],
    ['no record', { _id: 'crisis:t2', type: 'crisis', author: 'zoé' }],
    ['no author', { _id: 'crisis:t3', type: 'crisis', crisis: {} }],
  ])('a document with %s is refused', async (_, doc) => {
    expect((await write(zoe, doc)).error).toBe('forbidden');
  });
});

describe('the validation function itself', () => {
  type Validate = (
    newDoc: Record<string, unknown>,
    oldDoc: Record<string, unknown> | null,
    userCtx: { name: string | null; roles: string[] },
    secObj: unknown,
  ) => void;
  const validate = new Function(
    `return (${String(vigieDesign.validate_doc_update)});`,
  )() as Validate;
  const security = {
    admins: { names: ['lead'], roles: ['cell-admins'] },
    members: { names: [], roles: ['cell'] },
  };
  const thrown = (run: () => void): unknown => {
    try {
      run();
      return null;
    } catch (error) {
      return error;
    }
  };
  const doc = crisis('v1', 'zoé', 'A crisis');

  it('lets members and admins in by role as well as by name', () => {
    expect(thrown(() => validate(doc, null, { name: 'zoé', roles: ['cell'] }, security))).toBe(
      null,
    );
    const byRole = { ...doc, author: 'someone' };
    expect(
      thrown(() => validate(byRole, null, { name: 'ann', roles: ['cell-admins'] }, security)),
    ).toBe(null);
  });

  it('refuses the anonymous as unauthorized and others as forbidden', () => {
    expect(thrown(() => validate(doc, null, { name: null, roles: [] }, security))).toHaveProperty(
      'unauthorized',
    );
    expect(thrown(() => validate(doc, null, { name: 'zoé', roles: [] }, security))).toHaveProperty(
      'forbidden',
    );
  });

  it('lets only server admins write to a database with no security object', () => {
    expect(thrown(() => validate(doc, null, { name: 'zoé', roles: [] }, {}))).toHaveProperty(
      'forbidden',
    );
    const other = { ...doc, author: 'admin' };
    expect(thrown(() => validate(other, null, { name: 'admin', roles: ['_admin'] }, {}))).toBe(
      null,
    );
  });
});
