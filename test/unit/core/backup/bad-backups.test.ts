/**
 * Hundreds of damaged or hostile backups, made by a seeded generator from one good file: each
 * is refused whole (with a problem in words) and leaves the log exactly as it was, or, when the
 * change happens to be harmless (a text too long is shortened), is imported whole. Where the damage is in a record, a page
 * that skipped its own checks and sent the records anyway is refused by the background too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { backupText, buildBackup, dataChecksum } from '../../../../src/core/backup/build';
import {
  FORMAT_VERSION,
  type BackupData,
  type ImportMode,
} from '../../../../src/core/backup/format';
import { parseBackup } from '../../../../src/core/backup/parse';
import type { BackupProblemCode } from '../../../../src/core/backup/problems';
import { fromStored } from '../../../../src/core/db/mentions';
import type { VigieDatabase } from '../../../../src/core/db/open';
import type { Ask } from '../../../../src/dashboard/backup/backup-transfer';
import { commitBackup, previewBackup } from '../../../../src/dashboard/backup/import-transfer';
import { freshDB } from '../../helpers';
import { seededRandom } from '../../../seeded-random';
import { sampleLog, seed, snapshot, wire } from './fixtures';

const CASES = 520;
const SEED = 0x5eed;

const generator = seededRandom;
type Rand = ReturnType<typeof generator>;

/** A parsed file edited by path, as loosely typed as JSON itself. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any field of any record, by path
type Json = Record<string, any>;
type Path = (string | number)[];

const KINDS = [
  'truncate',
  'garble',
  'wrong-type',
  'huge-string',
  'forbidden-key',
  'version',
  'format',
  'duplicate-id',
  'checksum',
  'missing-field',
  'extra-field',
  'dangling-event',
  'dangling-mention',
  'counts',
  'deep',
  'not-object',
  'swap-store',
] as const;
type Kind = (typeof KINDS)[number];

/** What each kind of damage may be refused as; null: it may also turn out harmless. */
const REFUSED_AS: Record<Kind, { codes: BackupProblemCode[]; harmless: boolean }> = {
  truncate: { codes: ['not-json'], harmless: true },
  garble: { codes: ['not-json', 'not-backup', 'checksum', 'invalid', 'newer'], harmless: true },
  'wrong-type': { codes: ['invalid'], harmless: true },
  // A text a person or a page wrote is shortened, not refused; an id or a date is refused.
  'huge-string': { codes: ['invalid'], harmless: true },
  'forbidden-key': { codes: ['invalid'], harmless: false },
  version: { codes: ['newer', 'invalid'], harmless: false },
  format: { codes: ['not-backup'], harmless: false },
  'duplicate-id': { codes: ['invalid'], harmless: false },
  checksum: { codes: ['checksum'], harmless: false },
  'missing-field': { codes: ['invalid'], harmless: true },
  'extra-field': { codes: ['invalid'], harmless: true },
  'dangling-event': { codes: ['invalid'], harmless: false },
  'dangling-mention': { codes: [], harmless: true },
  counts: { codes: ['invalid'], harmless: false },
  deep: { codes: ['invalid'], harmless: false },
  'not-object': { codes: ['not-backup'], harmless: false },
  'swap-store': { codes: ['invalid'], harmless: false },
};

/** Every place in `value` (objects and lists included), with what is there. */
function places(value: unknown, path: Path = []): { path: Path; value: unknown }[] {
  const here = { path, value };
  if (value === null || typeof value !== 'object') return [here];
  const children = Array.isArray(value)
    ? value.map((v, i) => places(v, [...path, i]))
    : Object.keys(value).map((k) => places((value as Json)[k], [...path, k]));
  return [here, ...children.flat()];
}

function at(root: Json, path: Path): Json {
  return path.reduce<Json>((node, key) => node?.[key] as Json, root);
}

function setAt(root: Json, path: Path, value: unknown): void {
  const parent = at(root, path.slice(0, -1));
  Object.defineProperty(parent, path[path.length - 1]!, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** A value of another JSON type than `value`. */
function otherType(r: Rand, value: unknown): unknown {
  const kinds: [string, () => unknown][] = [
    ['string', () => r.pick(['', 'x', '2026-13-45', 'null'])],
    ['number', () => r.pick([0, -1, 1.5, 1e308, 42])],
    ['boolean', () => r.pick([true, false])],
    ['null', () => null],
    ['array', () => r.pick([[], ['x'], [1, 2]])],
    ['object', () => r.pick([{}, { a: 1 }])],
  ];
  const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return r.pick(kinds.filter(([name]) => name !== type))[1]();
}

/** Is this place inside one record (or the settings), where the background checks again? */
const inRecord = (path: Path) =>
  path[0] === 'settings' || (path.length >= 2 && typeof path[1] === 'number');

interface Case {
  kind: Kind;
  text: string;
  /** The damage sits in a record: the background must refuse it too. */
  recordLevel: boolean;
}

async function makeCase(r: Rand, kind: Kind, good: string): Promise<Case> {
  const file = JSON.parse(good) as Json;
  const data = file.data as Json;
  const resign = async () => {
    file.checksum = await dataChecksum(file.data);
  };
  const done = (recordLevel = false) => ({ kind, text: JSON.stringify(file), recordLevel });
  const anywhere = places(data).filter((p) => p.path.length > 0);
  const objects = anywhere.filter(
    (p) => p.value !== null && typeof p.value === 'object' && !Array.isArray(p.value),
  );
  switch (kind) {
    case 'truncate':
      return { kind, text: good.slice(0, 1 + r.int(good.length - 1)), recordLevel: false };
    case 'garble': {
      const i = r.int(good.length);
      const text =
        good.slice(0, i) +
        r.pick(['{', '}', '[', '"', ',', ':', '0', 'a', '\\', ' ']) +
        good.slice(i + 1);
      return { kind, text, recordLevel: false };
    }
    case 'wrong-type': {
      const { path, value } = r.pick(anywhere);
      setAt(data, path, otherType(r, value));
      await resign();
      return done(inRecord(path));
    }
    case 'huge-string': {
      const { path } = r.pick(anywhere.filter((p) => typeof p.value === 'string'));
      setAt(data, path, 'x'.repeat(100_001 + r.int(200_000)));
      await resign();
      return done(inRecord(path));
    }
    case 'forbidden-key': {
      const { path } = r.pick([{ path: [] as Path }, ...objects]);
      setAt(data, [...path, r.pick(['__proto__', 'constructor', 'prototype'])], { polluted: true });
      await resign();
      return done(inRecord(path));
    }
    case 'version':
      file.formatVersion = r.pick([
        FORMAT_VERSION + 1,
        FORMAT_VERSION + 2,
        99,
        1e9,
        0,
        -1,
        1.5,
        '1',
        null,
        true,
      ]);
      await resign();
      return done();
    case 'format':
      file.format = r.pick(['vigie-backup-2', 'Vigie-Backup', '', null, 1]);
      return done();
    case 'duplicate-id': {
      const store = r.pick(['mentions', 'crises', 'events'] as const);
      const list = data[store] as Json[];
      const i = r.int(list.length);
      let j = r.int(list.length - 1);
      if (j >= i) j++;
      list[j]!.id = list[i]!.id;
      await resign();
      return done(true);
    }
    case 'checksum':
      if (r.next() < 0.5) {
        const digits = (file.checksum as string).split('');
        const i = 7 + r.int(64);
        digits[i] = digits[i] === '0' ? '1' : '0';
        file.checksum = digits.join('');
      } else {
        const { path, value } = r.pick(anywhere.filter((p) => typeof p.value === 'string'));
        setAt(data, path, `${value as string}!`);
      }
      return done();
    case 'missing-field': {
      const { path } = r.pick(
        anywhere.filter((p) => typeof p.path[p.path.length - 1] === 'string'),
      );
      delete at(data, path.slice(0, -1))[path[path.length - 1]!];
      await resign();
      return done(inRecord(path));
    }
    case 'extra-field': {
      const { path } = r.pick(objects);
      setAt(data, [...path, `x_${r.int(1000)}`], r.pick(['x', 1, null]));
      await resign();
      return done(inRecord(path));
    }
    case 'dangling-event':
      r.pick(data.events as Json[]).crisisId = `nowhere-${r.int(1000)}`;
      await resign();
      return done(true);
    case 'dangling-mention':
      r.pick(data.mentions as Json[]).crisisId = `nowhere-${r.int(1000)}`;
      await resign();
      return done(true);
    case 'counts': {
      const store = r.pick(['mentions', 'crises', 'events'] as const);
      file.counts[store] += r.pick([-1, 1, 1000]);
      return done();
    }
    case 'deep': {
      let deep: unknown = 'bottom';
      for (let i = 0, n = 33 + r.int(200); i < n; i++) deep = r.next() < 0.5 ? [deep] : { d: deep };
      const event = r.pick(data.events as Json[]);
      event.data.deep = deep;
      await resign();
      return done(true);
    }
    case 'not-object':
      return {
        kind,
        text: JSON.stringify(r.pick([null, 1, 'vigie-backup', [file], true])),
        recordLevel: false,
      };
    case 'swap-store': {
      const from = r.pick(['mentions', 'crises', 'events'] as const);
      const to = r.pick((['mentions', 'crises', 'events'] as const).filter((s) => s !== from));
      (data[to] as Json[]).push(r.pick(data[from] as Json[]));
      file.counts[to] += 1;
      await resign();
      return done(true);
    }
  }
}

/**
 * Sends the file's records to the background as a page that skipped its own checks would:
 * true when the background refused them.
 */
async function backgroundRefuses(ask: Ask, text: string): Promise<boolean> {
  const data = (JSON.parse(text) as Json).data as Json;
  const lists = ['mentions', 'crises', 'events'] as const;
  if (!lists.every((s) => Array.isArray(data[s]))) return true;
  const counts = {
    mentions: data.mentions.length,
    crises: data.crises.length,
    events: data.events.length,
  };
  const start = await ask('importStart', { counts });
  if (!start.ok) return true;
  const { importId } = start.value;
  for (const store of lists) {
    const staged = await ask('importStage', { importId, store, records: data[store] });
    if (!staged.ok) return true;
  }
  const settings = await ask('importStage', {
    importId,
    store: 'settings',
    records: [data.settings],
  });
  if (!settings.ok) return true;
  return !(await ask('importCommit', { importId, mode: 'replace' })).ok;
}

/** The log's records in their domain form, by id. */
async function records(db: VigieDatabase) {
  const [mentions, crises, events] = await Promise.all([
    db.getAll('mentions'),
    db.getAll('crises'),
    db.getAll('events'),
  ]);
  return { mentions: mentions.map(fromStored), crises, events };
}

const byId = <T extends { id: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const existing = sampleLog('mine');
let good = '';

beforeAll(async () => {
  good = backupText(
    await buildBackup(
      { appVersion: '0.1.0', schemaVersion: 2, exportedAt: '2026-11-25T10:00:00.000Z' },
      sampleLog('file'),
    ),
  );
});

describe(`${CASES} generated bad backups`, () => {
  const r = generator(SEED);
  const plan = Array.from({ length: CASES }, (_, i) => ({
    i,
    kind: KINDS[i % KINDS.length]!,
    seed: r.int(2 ** 31),
    mode: (r.next() < 0.5 ? 'merge' : 'replace') as ImportMode,
  }));
  const outcomes = { refused: 0, harmless: 0 };

  it.each(plan)('#$i $kind', async ({ kind, seed: caseSeed, mode }) => {
    const c = await makeCase(generator(caseSeed), kind, good);
    const db = await freshDB();
    await seed(db, existing);
    const before = await snapshot(db);
    const { ask } = wire(db);

    const parsed = await parseBackup(c.text);
    if (!parsed.ok) {
      outcomes.refused++;
      expect(REFUSED_AS[kind].codes).toContain(parsed.problem.code);
      if (parsed.problem.code === 'invalid') expect(parsed.problem.detail).toMatch(/^\S.*: \S/);
      if (c.recordLevel && parsed.problem.code === 'invalid') {
        expect(await backgroundRefuses(ask, c.text)).toBe(true);
      }
      expect(await snapshot(db)).toBe(before);
      return;
    }

    // Harmless after all: imported whole.
    outcomes.harmless++;
    expect(REFUSED_AS[kind].harmless).toBe(true);
    if (kind === 'huge-string') expect(Object.values(parsed.shortened)).toEqual([1]);
    const file: BackupData = parsed.backup.data;
    const { importId } = await previewBackup(ask, file);
    await commitBackup(ask, file, importId, mode);
    const expected = file.mentions.map((m) =>
      parsed.orphans.has(m.id) ? { ...m, crisisId: null } : m,
    );
    const after = await records(db);
    const kept = mode === 'merge' ? await records(await seededCopy()) : null;
    expect(byId(after.mentions)).toEqual(byId([...expected, ...(kept?.mentions ?? [])]));
    expect(byId(after.crises)).toEqual(byId([...file.crises, ...(kept?.crises ?? [])]));
    expect(byId(after.events)).toEqual(byId([...file.events, ...(kept?.events ?? [])]));
  });

  it('covered both outcomes', () => {
    expect(outcomes.refused + outcomes.harmless).toBe(CASES);
    expect(outcomes.refused).toBeGreaterThan(CASES * 0.7);
    expect(outcomes.harmless).toBeGreaterThan(10);
  });
});

/** A database holding only the existing log, to compare a merge with. */
async function seededCopy(): Promise<VigieDatabase> {
  const db = await freshDB();
  await seed(db, existing);
  return db;
}
