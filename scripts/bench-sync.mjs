// The team cell's figures, for `npm run bench` (which calls benchSync at its end), against a
// CouchDB-compatible server started in this process (test/couch-server.ts, express-pouchdb in
// memory: Apache CouchDB is the production target) and two profiles of headless Chromium, two
// members of one cell.
//
// sync_push_1k_ms     a member's round (syncCell) with 1,000 journal events of a shared crisis
//                     waiting in the outbox: pushed with _bulk_docs, then the round's pull,
//                     which gets back the member's own 1,000 documents and keeps them as they
//                     are. Median of 3, each on a new crisis.
// sync_pull_1k_ms     the other member's round then: those 1,000 events (and the crisis) taken
//                     in from _changes. Median of 3.
// sync_latency_ms     the crisis open on the other member's page: from one member's change (its
//                     call answered) to the other's page showing it. The change waits 1.5 s in
//                     the outbox by design (the changes of one gesture go together). Median of 5.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { runnerImport } from 'vite';
import { grantedCopy, launchOptions } from './lib/extension.mjs';

const root = resolve(import.meta.dirname, '..');
const EVENTS = 1_000;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function member(extension) {
  const profile = mkdtempSync(join(tmpdir(), 'vigie-bench-cell-'));
  const context = await chromium.launchPersistentContext(profile, launchOptions(extension));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/dashboard/index.html#crises`);
  await page.waitForSelector('body[data-ready="true"]');
  const call = async (name, args) => {
    const reply = await page.evaluate(
      ([name, args]) => chrome.runtime.sendMessage({ vigie: 1, call: name, args }),
      [name, args],
    );
    if (!reply?.ok) throw new Error(`${name}: ${JSON.stringify(reply)}`);
    return reply.value;
  };
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, id, call, close };
}

/** Runs the team cell's benchmark; `print(name, value, unit)` prints each figure. */
export async function benchSync(print) {
  const { module } = await runnerImport(resolve(root, 'test/couch-server.ts'), {
    root,
    logLevel: 'silent',
  });
  const couch = await module.startCouchServer();
  const extension = grantedCopy();
  const members = [];
  try {
    for (const user of ['alice', 'bob']) await couch.createUser(user, `${user}-pw`);
    await couch.createDb('cell', { names: ['alice', 'bob'] });
    const [alice, bob] = [await member(extension), await member(extension)];
    members.push(alice, bob);
    for (const [vigie, user] of [
      [alice, 'alice'],
      [bob, 'bob'],
    ]) {
      const target = { server: couch.url, db: 'cell', user, password: `${user}-pw` };
      await vigie.call('connectCell', { target, shareNew: false });
    }

    const pushes = [];
    const pulls = [];
    for (let run = 0; run < 3; run++) {
      const crisis = await alice.call('createCrisis', {
        title: `Bench ${run}`,
        level: 2,
        mentionIds: [],
      });
      for (let i = 0; i < EVENTS; i++) {
        const note = {
          op: 'note',
          noteId: `n${i}`,
          text: `Note ${i}`,
          happenedAt: new Date().toISOString(),
        };
        await alice.call('updateCrisis', { id: crisis.id, change: note });
      }
      // Shared now: the crisis and its journal go to the outbox in one transaction.
      await alice.call('shareCrisis', { id: crisis.id });
      await bob.call('syncCell', {});
      let start = performance.now();
      await alice.call('syncCell', {});
      pushes.push(performance.now() - start);
      start = performance.now();
      await bob.call('syncCell', {});
      pulls.push(performance.now() - start);
      const got = await bob.call('getCrisis', { id: crisis.id });
      if (got.events.length < EVENTS) console.error(`bench: bob got ${got.events.length} events.`);
    }
    print('sync_push_1k_ms', median(pushes), 'ms');
    print('sync_pull_1k_ms', median(pulls), 'ms');

    // Latency: Bob's page shows the crisis; Alice changes its level, back and forth.
    const crisis = await alice.call('createCrisis', { title: 'Latency', level: 1, mentionIds: [] });
    await alice.call('shareCrisis', { id: crisis.id });
    await alice.call('syncCell', {});
    await bob.call('syncCell', {});
    const page = await bob.context.newPage();
    await page.goto(`chrome-extension://${bob.id}/dashboard/index.html#crisis/${crisis.id}`);
    await page.waitForSelector('.level-select');
    const latencies = [];
    for (let i = 0; i < 5; i++) {
      const level = (i % 3) + 2;
      await alice.call('updateCrisis', { id: crisis.id, change: { op: 'level', level } });
      const start = performance.now();
      await page.waitForFunction(
        (want) => document.querySelector('.level-select')?.value === String(want),
        level,
        { timeout: 60_000, polling: 10 },
      );
      latencies.push(performance.now() - start);
    }
    print('sync_latency_ms', median(latencies), 'ms');
  } finally {
    for (const vigie of members) await vigie.close();
    rmSync(extension, { recursive: true, force: true });
    await couch.stop();
  }
}
