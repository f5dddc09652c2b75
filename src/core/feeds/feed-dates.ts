/**
 * The dates feeds write, read into ISO 8601: RFC 3339 / W3C dates (Atom, dc:date, JSON Feed) and
 * RFC 822 dates as RSS writes them, zones and all, with their month names in English, French,
 * German, Portuguese, Spanish or Italian (localised CMSs translate them).
 */

const ISO =
  /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:[.,](\d+))?)?\s*(Z|[+-]\d\d(?::?\d\d)?)?)?$/i;

/**
 * Each language's month, by its first three letters once accents are dropped (`févr.` is `fev`,
 * `März` is `mar`); French `juin` and `juillet` share `jui` and are told apart by the fourth.
 */
// prettier-ignore
const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, ene: 1, gen: 1,
  feb: 2, fev: 2,
  mar: 3, mrz: 3,
  apr: 4, avr: 4, abr: 4,
  may: 5, mai: 5, mag: 5,
  jun: 6, giu: 6,
  jul: 7, lug: 7,
  aug: 8, aou: 8, ago: 8,
  sep: 9, set: 9,
  oct: 10, okt: 10, out: 10, ott: 10,
  nov: 11,
  dec: 12, dez: 12, dic: 12,
};

/** Zones written as letters, in minutes east of UTC (RFC 822's and Europe's usual ones). */
// prettier-ignore
const ZONES: Readonly<Record<string, number>> = {
  z: 0, ut: 0, utc: 0, gmt: 0, wet: 0, bst: 60, west: 60, cet: 60, mez: 60, cest: 120,
  mesz: 120, eet: 120, eest: 180, msk: 180, jst: 540,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};

/** Times, numeric zones, numbers and words, in the order the date writes them. */
const TOKENS =
  /(\d\d?):(\d\d)(?::(\d\d))?(?:[.,]\d+)?|([+-])(\d\d):?(\d\d)(?!\d)|([+-])(\d\d?)(?!\d)|(\d+)|(\p{L}+)/gu;

function monthOf(word: string): number | undefined {
  if (word.length < 3) return undefined;
  if (word.startsWith('jui')) return word[3] === 'n' ? 6 : word[3] === 'l' ? 7 : undefined;
  return MONTHS[word.slice(0, 3)];
}

/** The ISO string of a UTC time, undefined when any part is out of range. */
function isoOf(parts: readonly number[], offsetMinutes: number): string | undefined {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, ms = 0] = parts;
  if (year < 1900 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) {
    return undefined;
  }
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms));
  // Date.UTC carries 31 June over into July: such a day is not a date.
  if (utc.getUTCDate() !== day) return undefined;
  return new Date(utc.getTime() - offsetMinutes * 60_000).toISOString();
}

function fromIso(m: RegExpExecArray): string | undefined {
  const parts = m.slice(1, 7).map((part) => Number(part ?? 0));
  const ms = m[7] ? Math.min(999, Math.round(Number(`0.${m[7]}`) * 1000)) : 0;
  const zone = /^([+-])(\d\d):?(\d\d)?$/.exec(m[8] ?? '');
  const offset = zone
    ? (Number(zone[2]) * 60 + Number(zone[3] ?? 0)) * (zone[1] === '-' ? -1 : 1)
    : 0;
  return isoOf([...parts, ms], offset);
}

/** RFC 822 and its kin: `Tue, 3 Dec 2026 10:00 EST`, `mar., 03 déc. 2026 10:00:00 +0100`. */
function fromWords(text: string): string | undefined {
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  let time: number[] | undefined;
  let offset: number | undefined;
  let zoneByName: number | undefined;
  let half: 'am' | 'pm' | undefined;
  for (const t of text.matchAll(TOKENS)) {
    if (t[1] !== undefined) {
      time ??= [+t[1], +(t[2] ?? 0), +(t[3] ?? 0)];
    } else if (t[4] !== undefined && time) {
      offset = (+t[5]! * 60 + +t[6]!) * (t[4] === '-' ? -1 : 1);
    } else if (t[7] !== undefined && time) {
      offset = +t[8]! * 60 * (t[7] === '-' ? -1 : 1);
    } else if (t[9] !== undefined) {
      const value = +t[9];
      if (t[9].length === 4) year ??= value;
      else if (day === undefined && value >= 1 && value <= 31) day = value;
      else if (year === undefined && t[9].length <= 2) year = value + (value < 50 ? 2000 : 1900);
    } else if (t[10] !== undefined) {
      const word = t[10].normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      // A weekday that looks like a month (French, Spanish, Italian `mar.` is Tuesday) comes
      // first: the month is the last such word.
      month = monthOf(word) ?? month;
      if (word === 'am' || word === 'pm') half = word;
      else if (time && Object.hasOwn(ZONES, word)) zoneByName ??= ZONES[word];
    }
  }
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const [hour = 0, minute = 0, second = 0] = time ?? [];
  const h = half === 'pm' && hour < 12 ? hour + 12 : half === 'am' && hour === 12 ? 0 : hour;
  return isoOf([year, month, day, h, minute, second], offset ?? zoneByName ?? 0);
}

/**
 * The ISO 8601 string (UTC) of the time a feed writes as `text`, or undefined when it cannot be
 * read for certain: the caller then falls back to the time it first saw the item. A time with no
 * zone is taken as UTC; a date with no time as its midnight, UTC.
 */
export function parseFeedDate(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed || trimmed.length > 100) return undefined;
  const iso = ISO.exec(trimmed);
  return iso ? fromIso(iso) : fromWords(trimmed);
}
