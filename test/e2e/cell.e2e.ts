/**
 * The team cell, end to end: two Chromium profiles as two members of one cell on a
 * CouchDB-compatible server started for the test (test/couch-server.ts). A crisis shared in one
 * appears in the other, with the other's crisis page open, within seconds; both edit it while
 * the server is out of reach and both edits survive; a non-member is told so; a page copy goes
 * when its owner shares it and arrives checked; a deleted mention leaves the other's crisis;
 * and each browser reached the cell's server and nothing else.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantedCopy } from '../../scripts/lib/extension.mjs';
import type { CellStatus, CellTarget } from '../../src/core/messaging/protocol';
import type { EvidenceCheck } from '../../src/core/model/evidence';
import type { Crisis } from '../../src/core/model/types';
import { vigieDesign } from '../../src/core/sync/design';
import { startCouchServer, type CouchServer } from '../couch-server';
import { extensionRequests } from './fixtures/network';
import { CrisisLog } from './fixtures/crisis-log';
import {
  allMentions,
  call,
  extensionUrl,
  flagSelection,
  launch,
  openCrises,
  openTab,
  servePages,
  shoot,
  stored,
  until,
  type Vigie,
} from './fixtures/vigie';

/**
 * A gate in front of the server: up, it passes every request through; down, it drops every
 * connection, as a server gone away does (the members' browsers are "offline").
 */
async function startGate(target: string) {
  let up = true;
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    if (!up) return req.socket.destroy();
    const forward = request(
      `${target}${req.url}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    down() {
      up = false;
      for (const socket of sockets) socket.destroy();
    },
    up() {
      up = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let couch: CouchServer;
let gate: Awaited<ReturnType<typeof startGate>>;
let extension: string;
let alice: Vigie & { profile: string };
let bob: Vigie & { profile: string };

const target = (user: string): CellTarget => ({
  server: gate.url,
  db: 'cell',
  user,
  password: `${user}-pw`,
});

beforeAll(async () => {
  couch = await startCouchServer();
  for (const user of ['alice', 'bob', 'carol']) await couch.createUser(user, `${user}-pw`);
  await couch.createDb('cell', { names: ['alice', 'bob'] });
  expect((await couch.asAdmin('PUT', '/cell/_design/vigie', vigieDesign)).status).toBe(201);
  gate = await startGate(couch.url);
  extension = grantedCopy();
  alice = await launch(extension, undefined, 'en-US', [gate.url]);
  bob = await launch(extension, undefined, 'en-US', [gate.url]);
});

afterAll(async () => {
  for (const vigie of [alice, bob]) {
    await vigie?.close();
    // The cell's server, and it alone: what each browser sent out of itself.
    const sent = extensionRequests(vigie.netLog, vigie.id);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((url) => !url.startsWith(`${gate.url}/`))).toEqual([]);
    rmSync(vigie.profile, { recursive: true, force: true });
  }
  await gate?.close();
  await couch?.stop();
  rmSync(extension, { recursive: true, force: true });
});

const status = (vigie: Vigie) => call<CellStatus | null>(vigie, 'getCellStatus', {});

describe('the team cell', () => {
  it('connects from the settings, after a test that says what it found', async () => {
    const page = await alice.context.newPage();
    await page.goto(extensionUrl(alice, 'dashboard/index.html#settings'));
    await page.waitForSelector('body[data-ready="true"]');
    const form = page.getByTestId('cell-connect');
    await form.getByLabel('Server address').fill(gate.url);
    await form.getByLabel('Database (your cell)').fill('cell');
    await form.getByLabel('User name').fill('alice');
    await form.getByLabel('Password or token').fill('wrong');
    await form.getByTestId('cell-test').click();
    await expect
      .poll(() => form.textContent())
      .toContain('The server refused this user name or password.');
    await form.getByLabel('Password or token').fill('alice-pw');
    await form.getByTestId('cell-test').click();
    await expect.poll(() => form.textContent()).toContain('signed in as alice, 1 document');
    await form.getByTestId('cell-connect-button').click();
    await page.getByTestId('cell-connected').waitFor();
    expect(await page.getByTestId('cell-connected').textContent()).toContain(
      `Connected to the cell cell on ${gate.url} as alice.`,
    );
    await page.close();
    await call(bob, 'connectCell', { target: target('bob'), shareNew: true });
  });

  it('tells a non-member they are not one, and connects nothing', async () => {
    const test = await call<{ ok: boolean; failure?: string }>(bob, 'testCell', {
      target: target('carol'),
    });
    expect(test).toMatchObject({ ok: false, failure: 'forbidden' });
  });

  it('brings a crisis shared in one browser to the other, open on its page', async () => {
    // Bob's crisis page list is open: the crisis he has not seen yet arrives by itself.
    const bobs = await bob.context.newPage();
    await bobs.goto(extensionUrl(bob, 'dashboard/index.html#crises'));
    await bobs.waitForSelector('body[data-ready="true"]');
    const crisis = await call<Crisis>(alice, 'createCrisis', {
      title: 'Review storm',
      level: 2,
      mentionIds: [],
    });
    // Not shared by default in Alice's settings (the box was left as it was: on).
    expect((await status(alice))?.shared).toContain(crisis.id);
    await until(
      async () => (await status(alice))?.waiting,
      (waiting) => waiting === 0,
    );
    // Bob's list shows it from his own sync (his list page is open, its watch running).
    await until(
      () => openCrises(bob),
      (list) => list.some((c) => c.id === crisis.id),
      20_000,
    );
    // Bob opens it; Alice raises its level; Bob's page shows it without a reload.
    await bobs.goto(extensionUrl(bob, `dashboard/index.html#crisis/${crisis.id}`));
    await bobs.getByTestId('crisis-shared').waitFor();
    await call(alice, 'updateCrisis', { id: crisis.id, change: { op: 'level', level: 3 } });
    await until(
      () => bobs.locator('.level-select').inputValue(),
      (level) => level === '3',
      20_000,
    );
    await bobs.getByText('Level changed to 3 — by alice').waitFor({ timeout: 20_000 });
    await bobs.close();
  });

  it('keeps both members’ edits made while the server was out of reach', async () => {
    const [crisis] = await openCrises(alice);
    const id = crisis!.id;
    // Alice's crisis log stays open throughout: its line says what waits, then that it went.
    const log = await alice.context.newPage();
    await log.goto(extensionUrl(alice, 'dashboard/index.html#crises'));
    const navLine = log.getByTestId('log-cell-status');
    await navLine.waitFor();
    gate.down();
    await call(alice, 'updateCrisis', { id, change: { op: 'title', title: 'Storm, handled' } });
    await call(bob, 'updateCrisis', {
      id,
      change: { op: 'message', subject: 'Our answer', text: 'We are sorry.' },
    });
    const failed = await call<{ failure: string | null }>(bob, 'syncCell', {});
    expect(failed.failure).toBe('unreachable');
    expect((await status(bob))?.waiting).toBeGreaterThan(0);
    // The popup says what waits, and why.
    const popup = await bob.context.newPage();
    await popup.goto(extensionUrl(bob, 'popup/index.html'));
    const line = popup.getByTestId('popup-cell');
    await line.waitFor();
    expect(await line.textContent()).toMatch(
      /changes? waiting to be sent · last try failed: The server could not be reached/,
    );
    await popup.close();
    gate.up();
    await until(
      () => navLine.textContent(),
      (text) => /waiting to be sent/.test(text ?? ''),
      20_000,
    );
    for (const vigie of [alice, bob, alice]) await call(vigie, 'syncCell', {});
    await until(
      () => navLine.textContent(),
      (text) => !/waiting|failed/.test(text ?? ''),
      10_000,
    );
    await log.close();
    for (const vigie of [alice, bob]) {
      const { crisis: merged } = await call<{ crisis: Crisis }>(vigie, 'getCrisis', { id });
      expect(merged.title).toBe('Storm, handled');
      expect(merged.inform.subject).toBe('Our answer');
      expect((await status(vigie))?.waiting).toBe(0);
    }
  });

  it('sends a page copy when asked; a mention deleted in one leaves the other’s crisis', async () => {
    const pages = await servePages();
    try {
      const [crisis] = await openCrises(alice);
      const opened = await openTab(alice, pages.url('article.html?copy'));
      await flagSelection(alice, opened, '#p3', 'Never again');
      const flagged = await stored(alice, (m) => m.quote === 'Never again');
      await call(alice, 'moveMentions', { ids: [flagged.id], crisisId: crisis!.id });
      await call(alice, 'keepPageCopy', { mentionId: flagged.id, tabId: opened.tab.id });
      await opened.page.close();

      // Alice shares the copy from the mention's evidence panel.
      const log = await CrisisLog.open(alice, '#all');
      const row = log.mention('Never again');
      await row.getByTestId('log-mention-evidence').click();
      const panel = row.getByTestId('log-evidence');
      await panel.getByText('stays in this browser until you share it').waitFor();
      await panel.getByTestId('log-evidence-share-copy').click();
      await panel.getByText('The cell has this page copy').waitFor();
      await shoot(log.page, 'log-evidence-cell');
      await log.page.close();

      // Bob receives the mention, then its copy, which checks against its fingerprint.
      await until(
        async () => (await call<{ rounds: number }>(bob, 'syncCell', {}), allMentions(bob)),
        (list) => list.some((m) => m.id === flagged.id && m.evidence.pageCopy !== null),
        20_000,
      );
      const check = await call<EvidenceCheck>(bob, 'verifyEvidence', { mentionId: flagged.id });
      expect(check.copy.state).toBe('match');

      // Alice deletes it: it leaves Bob's crisis; the copy he holds stays, in his inbox.
      await call(alice, 'deleteMentions', { ids: [flagged.id] });
      await call(alice, 'syncCell', {});
      await until(
        async () => (await call(bob, 'syncCell', {}), allMentions(bob, { in: 'inbox' })),
        (list) => list.some((m) => m.id === flagged.id),
        20_000,
      );
      const crisisMentions = await allMentions(bob, { in: 'crisis', crisisId: crisis!.id });
      expect(crisisMentions.map((m) => m.id)).not.toContain(flagged.id);
    } finally {
      await pages.close();
    }
  });
});
