/**
 * The team cell in Firefox: connected from the settings (the server's origin asked for in the
 * click), a crisis opened there reaches the cell's server signed by its member, another
 * member's edit made on the server comes back into Firefox's log, and Firefox reached the
 * cell's server and nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellStatus } from '../../src/core/messaging/protocol';
import type { Crisis } from '../../src/core/model/types';
import { couchClient } from '../../src/core/sync/couch';
import { vigieDesign } from '../../src/core/sync/design';
import { startCouchServer, type CouchServer } from '../couch-server';
import { call, route, until, useFirefox } from './fixtures/firefox';

let couch: CouchServer;
const ff = useFirefox({ allowed: () => (couch ? [couch.url] : []) });

beforeAll(async () => {
  couch = await startCouchServer();
  for (const user of ['fiona', 'bob']) await couch.createUser(user, `${user}-pw`);
  await couch.createDb('cell', { names: ['fiona', 'bob'] });
  expect((await couch.asAdmin('PUT', '/cell/_design/vigie', vigieDesign)).status).toBe(201);
});

afterAll(() => couch?.stop());

const status = () => call<CellStatus | null>(ff, 'getCellStatus', {});

/** Types `text` into the settings' field `id` as a user would. */
async function fill(id: string, text: string) {
  const field = await ff.log.waitForSelector(`[data-testid="cell-${id}"]`);
  await field!.click({ count: 3 });
  await field!.type(text);
}

const formText = () =>
  ff.log.evaluate(() => document.querySelector('[data-testid="cell-connect"]')?.textContent ?? '');

describe('the team cell in Firefox', () => {
  it('connects from the settings after a test that says what it found', async () => {
    await route(ff, '#settings');
    await fill('server', couch.url);
    await fill('db', 'cell');
    await fill('user', 'fiona');
    await fill('password', 'fiona-pw');
    await (await ff.log.waitForSelector('[data-testid="cell-test"]'))!.click();
    await until(formText, (text) => text.includes('signed in as fiona'), 15_000);
    await (await ff.log.waitForSelector('[data-testid="cell-connect-button"]'))!.click();
    const connected = await ff.log.waitForSelector('[data-testid="cell-connected"]');
    expect(await connected!.evaluate((el) => el.textContent)).toContain(
      `Connected to the cell cell on ${couch.url} as fiona.`,
    );
    expect(
      await ff.log.evaluate(
        (origin) => chrome.permissions.contains({ origins: [`${origin}/*`] }),
        couch.url,
      ),
    ).toBe(true);
    expect(ff.errors).toEqual([]);
  });

  it('sends a crisis to the cell and takes in another member’s edit of it', async () => {
    const crisis = await call<Crisis>(ff, 'createCrisis', {
      title: 'Review storm',
      level: 2,
      mentionIds: [],
    });
    expect((await status())?.shared).toContain(crisis.id);
    await call(ff, 'syncCell', {});
    const sent = await couch.asAdmin('GET', `/cell/crisis:${crisis.id}`);
    expect(sent.body).toMatchObject({ author: 'fiona', crisis: { title: 'Review storm' } });

    // Bob, another member, renames it from his own client.
    const bob = couchClient(couch.target('cell', 'bob', 'bob-pw'));
    const doc = (await bob.getDocs([`crisis:${crisis.id}`])).get(`crisis:${crisis.id}`)!;
    const renamed = { ...(doc.crisis as Crisis), title: 'Storm, handled' };
    const [result] = await bob.bulkDocs([{ ...doc, author: 'bob', crisis: renamed }]);
    expect(result?.error).toBeUndefined();

    await until(
      async () => {
        await call(ff, 'syncCell', {});
        return (await call<{ crisis: Crisis }>(ff, 'getCrisis', { id: crisis.id })).crisis.title;
      },
      (title) => title === 'Storm, handled',
      15_000,
    );
    expect(await status()).toMatchObject({ waiting: 0, lastError: null });
    expect(ff.errors).toEqual([]);
    // Everything Firefox sent for Vigie went to the cell's server.
    const requests = await ff.sent();
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith(`${couch.url}/`))).toEqual([]);
  });
});
