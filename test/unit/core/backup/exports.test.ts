import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { mentionsAnnotations } from '../../../../src/core/backup/annotations';
import {
  ACTION_COLUMNS,
  actionsCsv,
  csvDialectFor,
  MENTION_COLUMNS,
  mentionsCsv,
} from '../../../../src/core/backup/csv';
import { mention } from '../../helpers';
import { sampleLog } from './fixtures';

/** The rows of a CSV text, read back by a strict RFC 4180 reader. */
function rows(csv: string): string[][] {
  expect(csv.startsWith('\ufeff')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('mentions as CSV', () => {
  it('starts with a byte order mark, has the documented columns, ends lines with CRLF', () => {
    const log = sampleLog('c');
    const csv = mentionsCsv(log.mentions, log.crises);
    const [head, ...body] = rows(csv);
    expect(head).toEqual([...MENTION_COLUMNS]);
    expect(body).toHaveLength(4);
    expect(csv.split('\r\n')).toHaveLength(6);
    const first = Object.fromEntries(head!.map((h, i) => [h, body[0]![i]]));
    expect(first).toMatchObject({
      id: 'c-m1',
      crisisId: 'c-c1',
      crisisTitle: 'c Refund storm, "scam" rumour',
      tags: 'press; forum, fr',
      note: 'Seen, replied, line one\nline two',
      quote: 'c: Lumen Coffee is a scam, "avoid"',
    });
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    const csv = mentionsCsv([mention({ id: 'q', note: 'a, "b"\r\nc' })], []);
    expect(csv).toContain(',"a, ""b""\r\nc",');
    expect(rows(csv)[1]![MENTION_COLUMNS.indexOf('note')]).toBe('a, "b"\r\nc');
  });

  it('puts an apostrophe before a cell a spreadsheet would run as a formula', () => {
    const risky = ['=1+1', '+33 6 12', '-2', '@SUM(A1)', '\tx', '=HYPERLINK("x")\nline two'];
    const csv = mentionsCsv(
      risky.map((note, i) => mention({ id: `f${i}`, quote: `q${i}`, note })),
      [],
    );
    const notes = rows(csv)
      .slice(1)
      .map((row) => row[MENTION_COLUMNS.indexOf('note')]);
    expect(notes).toEqual(risky.map((note) => `'${note}`));
    // Safe text is left alone.
    expect(rows(mentionsCsv([mention({ note: 'a = b' })], []))[1]).toContain('a = b');
  });
});

describe('CSV for a French spreadsheet', () => {
  it('separates with semicolons where the comma is the decimal mark, keeping commas in text', () => {
    expect([csvDialectFor('fr'), csvDialectFor('de'), csvDialectFor('en')]).toEqual([
      'semicolon',
      'semicolon',
      'comma',
    ]);
    const log = sampleLog('s');
    const csv = mentionsCsv(log.mentions, log.crises, 'semicolon');
    expect(csv.startsWith(`\ufeff${MENTION_COLUMNS.join(';')}\r\n`)).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), {
      delimiter: ';',
      newline: '\r\n',
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    const row = parsed.data[1]!;
    expect(row[MENTION_COLUMNS.indexOf('crisisTitle')]).toBe('s Refund storm, "scam" rumour');
    expect(row[MENTION_COLUMNS.indexOf('tags')]).toBe('press; forum, fr');
    expect(actionsCsv(log.crises, 'semicolon').split('\r\n')[0]).toBe(
      `\ufeff${ACTION_COLUMNS.join(';')}`,
    );
  });
});

describe('actions as CSV', () => {
  it('lists each crisis’s actions with the damage area they repair', () => {
    const log = sampleLog('a');
    const [head, ...body] = rows(actionsCsv(log.crises));
    expect(head).toEqual([...ACTION_COLUMNS]);
    expect(body).toEqual([
      [
        'a-c1',
        'a Refund storm, "scam" rumour',
        '3',
        'open',
        'a-a1',
        'Refund every order, "no questions", within 48 h',
        'social',
        'Bob',
        log.crises[0]!.plan.actions[0]!.due,
        'doing',
        'temporary-fix',
      ],
      [
        'a-c1',
        'a Refund storm, "scam" rumour',
        '3',
        'open',
        'a-a2',
        `'=HYPERLINK("http://evil.example")\nthen call`,
        'Franchisees',
        `'@ops`,
        '',
        'todo',
        '',
      ],
    ]);
  });
});

describe('mentions as W3C Web Annotations', () => {
  it('make one Annotation per mention in an AnnotationCollection', () => {
    const log = sampleLog('w');
    const id = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';
    const collection = mentionsAnnotations(
      [{ ...log.mentions[0]!, id }, ...log.mentions.slice(1)],
      '2026-11-25T10:00:00.000Z',
    );
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationCollection',
      total: 4,
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    const [quote, , page] = collection.first.items;
    expect(quote).toEqual({
      id: `urn:uuid:${id}`,
      type: 'Annotation',
      motivation: 'highlighting',
      created: log.mentions[0]!.capturedAt,
      modified: log.mentions[0]!.updatedAt,
      body: [
        {
          type: 'TextualBody',
          value: 'Seen, replied, line one\nline two',
          purpose: 'commenting',
          format: 'text/plain',
        },
        { type: 'TextualBody', value: 'press', purpose: 'tagging' },
        { type: 'TextualBody', value: 'forum, fr', purpose: 'tagging' },
        { type: 'TextualBody', value: 'negative', purpose: 'classifying' },
      ],
      target: {
        source: 'https://news.example/w/a#comments',
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'Lumen Coffee is a scam',
            prefix: 'said: ',
            suffix: '.',
          },
          { type: 'TextPositionSelector', start: 10, end: 32 },
        ],
      },
    });
    // A page flagged without a selection targets the page alone.
    expect(page!.target).toEqual({ source: 'https://shop.example/w' });
    expect(page!.id).toBe('urn:vigie:mention:w-m3');
    expect(JSON.parse(JSON.stringify(collection))).toEqual(collection);
  });
});
