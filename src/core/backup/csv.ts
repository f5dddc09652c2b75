/**
 * Spreadsheet exports: the mentions, and the actions of every crisis's plan, as CSV (RFC 4180:
 * fields quoted where needed with inner quotes doubled, CRLF line ends), in UTF-8 with a byte
 * order mark so that spreadsheets read accents right. Papa Parse writes it. Two dialects: comma
 * separated, and semicolon separated for spreadsheets set to French (and most of continental
 * Europe), where the comma is the decimal mark and a comma file opens as one column.
 *
 * A cell that starts with = + - @ (or a tab or carriage return) gets an apostrophe in front:
 * a spreadsheet would otherwise run it as a formula, and page text is never to be run. Papa
 * Parse's own guard (`escapeFormulae: true`) misses such a cell when it holds a line break,
 * so the pattern is given here without the end anchor.
 */
import Papa from 'papaparse';
import type { Crisis, DamageRow, Mention } from '../model/types';

const FORMULA = /^[=+\-@\t\r]/;
const BOM = '\ufeff';

export type CsvDialect = 'comma' | 'semicolon';

const DELIMITERS: Record<CsvDialect, string> = { comma: ',', semicolon: ';' };

/** The dialect a spreadsheet in `lang` opens in one click: semicolons where the comma is decimal. */
export function csvDialectFor(lang: string): CsvDialect {
  const decimal = new Intl.NumberFormat(lang).formatToParts(1.5).find((p) => p.type === 'decimal');
  return decimal?.value === ',' ? 'semicolon' : 'comma';
}

/** The CSV text (with its BOM) of `rows` under `columns`. */
function csv(
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
  dialect: CsvDialect,
): string {
  const text = Papa.unparse(
    { fields: [...columns], data: rows.map((row) => [...row]) },
    { newline: '\r\n', delimiter: DELIMITERS[dialect], escapeFormulae: FORMULA },
  );
  return `${BOM}${text}\r\n`;
}

export const MENTION_COLUMNS = [
  'id',
  'capturedAt',
  'site',
  'url',
  'pageTitle',
  'kind',
  'quote',
  'linkUrl',
  'srcUrl',
  'lang',
  'tone',
  'toneSource',
  'reach',
  'tags',
  'note',
  'crisisId',
  'crisisTitle',
  'triagedAt',
  'updatedAt',
  'captureSha256',
] as const;

/** The mentions as CSV, one row each, with the title of the crisis each belongs to. */
export function mentionsCsv(
  mentions: readonly Mention[],
  crises: readonly Pick<Crisis, 'id' | 'title'>[],
  dialect: CsvDialect = 'comma',
): string {
  const titles = new Map(crises.map((c) => [c.id, c.title]));
  return csv(
    MENTION_COLUMNS,
    mentions.map((m) => [
      m.id,
      m.capturedAt,
      m.site,
      m.url,
      m.pageTitle,
      m.kind,
      m.quote,
      m.linkUrl ?? '',
      m.srcUrl ?? '',
      m.lang ?? '',
      m.tone,
      m.toneSource,
      m.reach,
      m.tags.join('; '),
      m.note,
      m.crisisId ?? '',
      (m.crisisId && titles.get(m.crisisId)) ?? '',
      m.triagedAt ?? '',
      m.updatedAt,
      m.evidence.captureSha256,
    ]),
    dialect,
  );
}

export const ACTION_COLUMNS = [
  'crisisId',
  'crisisTitle',
  'crisisLevel',
  'crisisState',
  'actionId',
  'what',
  'damageArea',
  'owner',
  'due',
  'status',
  'replacesChecklistId',
] as const;

/** The damage area an action repairs: the area's id, or the user's own name for a custom one. */
function areaOf(damages: readonly DamageRow[], id: string | null): string {
  const row = id === null ? undefined : damages.find((d) => d.id === id);
  if (!row) return '';
  return row.area === 'custom' ? row.customArea || 'custom' : row.area;
}

/** Every crisis's planned actions as CSV, one row per action, crisis by crisis. */
export function actionsCsv(crises: readonly Crisis[], dialect: CsvDialect = 'comma'): string {
  return csv(
    ACTION_COLUMNS,
    crises.flatMap((c) =>
      c.plan.actions.map((a) => [
        c.id,
        c.title,
        c.level,
        c.state,
        a.id,
        a.what,
        areaOf(c.assess.damages, a.damageId),
        a.owner,
        a.due ?? '',
        a.status,
        a.replacesChecklistId ?? '',
      ]),
    ),
    dialect,
  );
}
