import { describe, expect, it } from 'vitest';
import {
  BackupWriter,
  backupText,
  buildBackup,
  dataChecksum,
} from '../../../../src/core/backup/build';
import { canonicalJson } from '../../../../src/core/backup/canonical';
import { FORMAT_VERSION, type BackupData } from '../../../../src/core/backup/format';
import { parseBackup } from '../../../../src/core/backup/parse';
import { pathText } from '../../../../src/core/backup/problems';
import { upgradeBackup, type FormatUpgrade } from '../../../../src/core/backup/upgrade';
import { sha256Hex } from '../../../../src/core/model/hash';
import { CUT_MARK } from '../../../../src/core/model/limits';
import { sampleLog } from './fixtures';

const meta = { appVersion: '0.1.0', schemaVersion: 2, exportedAt: '2026-11-25T10:00:00.000Z' };

async function fileOf(data: BackupData = sampleLog('x')): Promise<string> {
  return backupText(await buildBackup(meta, data));
}

/** The file's JSON changed by `change`, its checksum made right again (a tool that re-signs). */
/** A parsed file edited by path, as loosely typed as JSON itself. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any field of any record, by path
type Json = Record<string, any>;

async function edited(change: (file: Json) => void): Promise<string> {
  const file = JSON.parse(await fileOf()) as Json;
  change(file);
  file.checksum = await dataChecksum(file.data);
  return JSON.stringify(file);
}

async function problemOf(text: string) {
  const parsed = await parseBackup(text);
  if (parsed.ok) throw new Error('accepted');
  return parsed.problem;
}

describe('canonical JSON', () => {
  it('sorts keys by code unit at every depth, drops undefined, writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ z: 'é', y: undefined, x: null }], A: 2.5 })).toBe(
      '{"A":2.5,"a":[{"x":null,"z":"é"}],"b":1}',
    );
    expect(canonicalJson(['\n"', 1e21, -0, true])).toBe('["\\n\\"",1e+21,0,true]');
  });

  it('sorts integer-like keys as text too, and keeps a __proto__ key as a key', () => {
    // JavaScript itself orders "2" before "10"; the canonical text does not.
    expect(canonicalJson({ b: { '10': 1, '2': 2, '-1': 3 }, a: [{ 9: 'x', 10: 'y' }] })).toBe(
      '{"a":[{"10":"y","9":"x"}],"b":{"-1":3,"10":1,"2":2}}',
    );
    expect(canonicalJson(JSON.parse('{"z":1,"__proto__":{"b":1,"a":2}}'))).toBe(
      '{"__proto__":{"a":2,"b":1},"z":1}',
    );
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson({ toJSON: undefined, n: [undefined, NaN] })).toBe('{"n":[null,null]}');
  });

  it('writes records whose keys are already in order, or in order in part, the same way', () => {
    const ordered = { a: 1, b: { c: [{ d: 1, e: 2 }], f: null } };
    const mixed = { b: { f: null, c: [{ e: 2, d: 1 }] }, a: 1 };
    const text = '{"a":1,"b":{"c":[{"d":1,"e":2}],"f":null}}';
    expect(canonicalJson([ordered, mixed])).toBe(`[${text},${text}]`);
    expect(canonicalJson([{ a: { '1': 'x', b: 2 } }])).toBe('[{"a":{"1":"x","b":2}}]');
    expect(canonicalJson([{ '-': 1, '10': 2, '9': 3 }])).toBe('[{"-":1,"10":2,"9":3}]');
  });

  it('gives the same text for a record and its parsed JSON copy', () => {
    const log = sampleLog('c');
    expect(canonicalJson(JSON.parse(JSON.stringify(log)))).toBe(canonicalJson(log));
  });
});

describe('a backup file', () => {
  it('has the documented header, one record per line, and a checksum over the canonical data', async () => {
    const log = sampleLog('h');
    const built = await buildBackup(meta, log);
    const text = backupText(built);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual([
      'format',
      'formatVersion',
      'appVersion',
      'schemaVersion',
      'exportedAt',
      'counts',
      'checksum',
      'data',
    ]);
    expect(file).toMatchObject({
      format: 'vigie-backup',
      formatVersion: FORMAT_VERSION,
      counts: { mentions: 4, crises: 2, events: 6 },
    });
    expect(file.checksum).toBe(`sha256:${await sha256Hex(canonicalJson(log))}`);
    expect(text.split('\n').filter((line) => line.includes('"quote"'))).toHaveLength(4);
  });

  it('is the same file written in batches as it comes, and refuses records out of order', async () => {
    const log = sampleLog('w');
    const writer = new BackupWriter();
    writer.add('crises', log.crises.slice(0, 1));
    writer.add('crises', log.crises.slice(1));
    writer.add('mentions', log.mentions.slice(0, 3));
    writer.add('mentions', []);
    writer.add('mentions', log.mentions.slice(3));
    const text = backupText(await writer.finish(meta, log.settings));
    // No event added: the list is written empty, and the file says so.
    expect(text).toBe(await fileOf({ ...log, events: [] }));
    expect(() => writer.add('events', log.events)).toThrow(/events after settings/);
    const early = new BackupWriter();
    early.add('mentions', log.mentions);
    expect(() => early.add('crises', log.crises)).toThrow(/crises after mentions/);
  });

  it('writes each record on its line as its canonical JSON, text outside ASCII included', async () => {
    const log = sampleLog('u');
    log.mentions[0]!.quote = 'Café « très » cher — 😡';
    const text = await fileOf(log);
    const lines = text.split('\n').map((line) => line.trim().replace(/,$/, ''));
    for (const record of [...log.mentions, ...log.crises, ...log.events]) {
      expect(lines).toContain(canonicalJson(record));
    }
    const parsed = await parseBackup(text);
    expect(parsed.ok && parsed.backup.data.mentions[0]!.quote).toBe('Café « très » cher — 😡');
  });

  it('has the same checksum however much the writer expected, over a large text', async () => {
    const log = sampleLog('s');
    const base = log.mentions[0]!;
    // Enough text for the writer to encode it in several calls, some cut inside "😡".
    log.mentions = Array.from({ length: 120 }, (_, i) => ({
      ...base,
      id: `m-${i}`,
      note: `${'é'.repeat(i)}😡${'x'.repeat(3000)}`,
    }));
    const want = `sha256:${await sha256Hex(canonicalJson(log))}`;
    for (const expected of [
      undefined,
      { mentions: 1, crises: 0, events: 0 },
      { mentions: 9e3, crises: 9, events: 9 },
    ]) {
      const writer = new BackupWriter(expected);
      for (const store of ['crises', 'events', 'mentions'] as const) {
        for (let i = 0; i < log[store].length; i += 50)
          writer.add(store, log[store].slice(i, i + 50));
      }
      const built = await writer.finish(meta, log.settings);
      expect(built.header.checksum).toBe(want);
      expect(backupText(built)).toBe(await fileOf(log));
    }
  });

  it('reads back exactly what was written', async () => {
    const log = sampleLog('r');
    const parsed = await parseBackup(await fileOf(log));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(canonicalJson(parsed.backup.data)).toBe(canonicalJson(log));
    expect(parsed.orphans.size).toBe(0);
  });

  it('is refused for a wrong checksum, unless the checksum was already verified', async () => {
    const text = (await fileOf()).replace(
      /"checksum": "sha256:[0-9a-f]{4}/,
      '"checksum": "sha256:0000',
    );
    expect((await problemOf(text)).code).toBe('checksum');
    const again = await parseBackup(text, undefined, { verifyChecksum: false });
    expect(again.ok).toBe(true);
  });

  it('is read with a byte order mark in front', async () => {
    expect((await parseBackup(`\ufeff${await fileOf()}`)).ok).toBe(true);
  });
});

describe('a bad file is refused whole, naming the first problem', () => {
  it('cut short', async () => {
    const text = await fileOf();
    expect((await problemOf(text.slice(0, text.length / 2))).code).toBe('not-json');
  });

  it('another JSON file', async () => {
    expect(await problemOf('{"hello": "world"}')).toEqual({ code: 'not-backup', detail: '' });
    expect((await problemOf('[1,2]')).code).toBe('not-backup');
  });

  it('from a newer Vigie', async () => {
    const text = await edited((f) => (f.formatVersion = FORMAT_VERSION + 2));
    expect(await problemOf(text)).toEqual({ code: 'newer', detail: String(FORMAT_VERSION + 2) });
  });

  it('an unknown version', async () => {
    for (const version of [0, -1, 1.5, '1', null]) {
      const text = await edited((f) => (f.formatVersion = version));
      expect((await problemOf(text)).detail).toMatch(/^formatVersion: expected a whole number/);
    }
  });

  it('changed after it was written', async () => {
    const file = JSON.parse(await fileOf()) as Json;
    file.data.mentions[0].note = 'edited by hand';
    expect((await problemOf(JSON.stringify(file))).code).toBe('checksum');
  });

  it('a wrong date, in words and with its place', async () => {
    const text = await edited((f) => (f.data.mentions[2].capturedAt = 'yesterday'));
    expect(await problemOf(text)).toEqual({
      code: 'invalid',
      detail: 'mentions[2].capturedAt: expected an ISO date, got "yesterday"',
    });
  });

  it('a wrong type, a missing field, an unknown field', async () => {
    expect((await problemOf(await edited((f) => (f.data.crises[1].level = '3')))).detail).toMatch(
      /^crises\[1\]\.level: expected \(1 \| 2 \| 3 \| 4\), got "3"/,
    );
    expect((await problemOf(await edited((f) => delete f.data.events[3].actor))).detail).toBe(
      'events[3].actor: missing',
    );
    expect((await problemOf(await edited((f) => (f.data.settings.colour = 'red')))).detail).toBe(
      'settings.colour: unexpected field',
    );
  });

  it('an id, a date or a currency too long (a text too long is shortened instead)', async () => {
    const id = await edited((f) => (f.data.mentions[0].id = 'x'.repeat(101)));
    expect((await problemOf(id)).detail).toBe(
      'mentions[0].id: text too long: at most 100 characters, got 101',
    );
    const currency = await edited(
      (f) => (f.data.crises[0].assess.damages[0].currency = 'EURO-EURO-E'),
    );
    expect((await problemOf(currency)).detail).toBe(
      'crises[0].assess.damages[0].currency: text too long: at most 10 characters, got 11',
    );
  });

  it('__proto__, constructor and prototype keys, wherever they are', async () => {
    const base = await fileOf();
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = base.replace('"data": {', `"data": {"${key}": {"polluted": true},`);
      const file = JSON.parse(text) as Json;
      file.checksum = await dataChecksum(file.data);
      const detail = (await problemOf(JSON.stringify(file))).detail;
      expect(detail).toBe(`${key}: forbidden key`);
    }
    const text = await edited((f) => {
      Object.defineProperty(f.data.events[0].data, '__proto__', {
        value: { admin: true },
        enumerable: true,
      });
    });
    expect((await problemOf(text)).detail).toBe('events[0].data.__proto__: forbidden key');
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('nesting far deeper than any record', async () => {
    const text = await edited((f) => {
      let deep: unknown = 1;
      for (let i = 0; i < 100; i++) deep = [deep];
      f.data.events[0].data.deep = deep;
    });
    expect((await problemOf(text)).detail).toMatch(/nested too deeply$/);
  });

  it('the same id twice', async () => {
    const text = await edited((f) => (f.data.mentions[3].id = f.data.mentions[1].id));
    expect((await problemOf(text)).detail).toBe('mentions[3].id: the id "x-m2" appears twice');
  });

  it('a journal event of a crisis that is not in the file', async () => {
    const text = await edited((f) => (f.data.events[4].crisisId = 'gone'));
    expect((await problemOf(text)).detail).toBe('events[4].crisisId: no crisis "gone" in the file');
  });

  it('counts that do not match the records', async () => {
    const text = await edited((f) => (f.counts.events = 5));
    expect((await problemOf(text)).detail).toBe('counts.events: says 5, the file holds 6');
  });

  it('but keeps a mention whose crisis is missing, for the inbox', async () => {
    const text = await edited((f) => (f.data.mentions[0].crisisId = 'gone'));
    const parsed = await parseBackup(text);
    expect(parsed.ok && [...parsed.orphans]).toEqual(['x-m1']);
  });
});

describe('a file of an earlier Vigie with texts over the limits', () => {
  // Earlier versions stored what the page gave, whatever its length: such a file restores,
  // each text shortened with the cut marked, and the places counted for the summary.
  const overLimits = () =>
    edited((f) => {
      const [m0, m1] = f.data.mentions;
      m0.pageTitle = 'T'.repeat(10_001);
      m0.lang = `fr-${'x'.repeat(98)}`;
      m0.quote = 'q'.repeat(100_001);
      m0.selectors = {
        quote: { type: 'TextQuoteSelector', exact: m0.quote, prefix: `${'p'.repeat(11_000)}END` },
        position: { type: 'TextPositionSelector', start: 11_003, end: 111_003 },
      };
      m1.pageTitle = 'U'.repeat(20_000);
      f.data.crises[0].title = 'C'.repeat(1_500);
      f.data.settings.templates.inform.apology.fr.body = 'F'.repeat(100_001);
    });

  it('is read, every such text shortened with “[…]” where it was cut', async () => {
    const parsed = await parseBackup(await overLimits());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    expect(parsed.shortened).toEqual({
      'mentions.pageTitle': 2,
      'mentions.lang': 1,
      'mentions.quote': 1,
      'mentions.selectors.quote.exact': 1,
      'mentions.selectors.quote.prefix': 1,
      'crises.title': 1,
      'settings.templates.inform.apology.fr.body': 1,
    });
    const [m0] = parsed.backup.data.mentions;
    expect(m0!.pageTitle).toBe(`${'T'.repeat(9_997)}${CUT_MARK}`);
    // A language tag cut short would name another language: unknown instead.
    expect(m0!.lang).toBeNull();
    expect(m0!.quote).toBe(`${'q'.repeat(99_997)}${CUT_MARK}`);
    // The text before a quote keeps its end, next to the quote.
    expect(m0!.selectors!.quote.prefix).toBe(`${CUT_MARK}${'p'.repeat(9_994)}END`);
    expect(parsed.backup.data.crises[0]!.title).toHaveLength(1_000);
    expect(parsed.backup.data.settings.templates.inform.apology.fr.body).toMatch(/F\[…\]$/);
  });

  it('still refuses the whole file for anything else wrong in it', async () => {
    const text = await edited((f) => {
      f.data.mentions[0].pageTitle = 'T'.repeat(10_001);
      f.data.mentions[1].capturedAt = 'yesterday';
    });
    expect((await problemOf(text)).detail).toMatch(
      /^mentions\[1\]\.capturedAt: expected an ISO date/,
    );
  });
});

describe('format upgrades', () => {
  it('run in order from the file’s version, like the schema migrations', async () => {
    // A pretend format 2 renamed `note` to `comment`, format 3 back: a format-1 file goes
    // through both and comes out as the current format.
    const calls: number[] = [];
    const upgrades: FormatUpgrade[] = [
      (b) => {
        calls.push(1);
        return { ...b, renamed: true };
      },
      (b) => {
        calls.push(2);
        const { renamed: _renamed, ...rest } = b;
        return rest;
      },
    ];
    const upgraded = upgradeBackup({ formatVersion: 1 }, 1, upgrades);
    expect(calls).toEqual([1, 2]);
    expect(upgraded).toEqual({ formatVersion: 3 });
    expect(upgradeBackup({ formatVersion: 2 }, 2, upgrades)).toEqual({ formatVersion: 3 });

    const parsed = await parseBackup(await fileOf(), [(b) => b]);
    expect(parsed.ok && parsed.backup.formatVersion).toBe(2);
  });

  it('leave nothing to do for the current format', () => {
    expect(FORMAT_VERSION).toBe(2);
    expect(upgradeBackup({ formatVersion: 2 }, 2)).toEqual({ formatVersion: 2 });
  });

  it('read a format-1 file: subjects apart, languages and kinds known, people greeted', async () => {
    // As the Vigie before messages in kinds and languages wrote it.
    const text = await edited((f) => {
      f.formatVersion = 1;
      const [storm] = f.data.crises;
      storm.inform = {
        stakeholders: storm.inform.stakeholders.map(
          ({ lang: _l, greeting: _g, message: _m, ...old }: Json) => old,
        ),
        message: 'Objet : Rumeur d’arnaque\n\nBonjour,\nNous avons commis une erreur.',
      };
      storm.plan.updates = [
        { id: 'u-old', sentAt: storm.plan.updates[0].sentAt, text: 'Subject: Update\n\nFixed.' },
      ];
      f.data.crises[1].inform = { stakeholders: [], message: '' };
      f.data.settings.stakeholders = f.data.settings.stakeholders.map(
        ({ lang: _l, greeting: _g, ...old }: Json) => old,
      );
      f.data.settings.templates = {
        inform: { en: 'Subject: Sorry about {crisis}\n\nDear all,', fr: '' },
        update: { en: '', fr: 'Pas d’objet, seulement un texte' },
      };
    });
    const parsed = await parseBackup(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
    expect(parsed.backup.formatVersion).toBe(2);
    const [storm, quiet] = parsed.backup.data.crises;
    expect(storm!.inform).toMatchObject({
      subject: 'Rumeur d’arnaque',
      message: 'Bonjour,\nNous avons commis une erreur.',
      lang: 'fr',
      variant: 'apology',
      fault: 'unknown',
    });
    expect(storm!.inform.stakeholders[0]).toMatchObject({
      lang: null,
      greeting: '',
      message: null,
    });
    expect(storm!.plan.updates[0]).toMatchObject({ subject: 'Update', text: 'Fixed.' });
    expect(quiet!.inform).toMatchObject({ subject: '', message: '', lang: null, variant: null });
    const { settings } = parsed.backup.data;
    expect(settings.stakeholders[0]).toMatchObject({ lang: null, greeting: '' });
    expect(settings.templates.inform.apology.en).toEqual({
      subject: 'Sorry about {crisis}',
      body: 'Dear all,',
    });
    expect(settings.templates.update.apology.fr).toEqual({
      subject: '',
      body: 'Pas d’objet, seulement un texte',
    });
    expect(settings.templates.inform.holding.en).toEqual({ subject: '', body: '' });
  });
});

describe('paths in problems', () => {
  it('are written as a reader would', () => {
    expect(pathText(['mentions', 12, 'selectors', 'quote', 'exact'])).toBe(
      'mentions[12].selectors.quote.exact',
    );
    expect(pathText(['settings', 'reactionTargetsHours', '1'])).toBe(
      'settings.reactionTargetsHours["1"]',
    );
  });
});
