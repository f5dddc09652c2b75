/**
 * Writing a backup: the checksum over the canonical JSON of the data, and the file itself as a
 * list of pieces, one record per line, so that a large log goes into a Blob without ever being
 * one huge string, and reads back exactly as it was.
 *
 * Each record is written once: its line in the file is its canonical JSON (keys sorted), encoded
 * to UTF-8 once, into the canonical text of the whole data that the checksum covers; the file's
 * lines are views of those bytes, which the Blob takes as they are. Writing each record twice
 * (in the file's order and sorted), or encoding the text twice (for the checksum, then again by
 * the Blob), made an export over 100,000 mentions a third slower.
 */
import { sha256HexOfBytes } from '../model/hash';
import { encodeUtf8Into } from '../text/utf8';
import { canonicalJson, canonicalPieces, canonicalRecord } from './canonical';
import {
  BACKUP_FORMAT,
  FORMAT_VERSION,
  type BackupData,
  type BackupHeader,
  type BackupStore,
  type StoreCounts,
} from './format';

/**
 * The checksum field of a backup of `data`: "sha256:" and the hex digest of its canonical JSON
 * in UTF-8, encoded a record at a time (the whole as one string, then encoded, held a large
 * log's text twice in memory and took seconds). `sizeHint`: about how many bytes that text
 * takes (the length of the file it came from), to size the buffer once.
 */
export async function dataChecksum(data: unknown, sizeHint = 0): Promise<string> {
  const out = new Utf8Buffer();
  out.reserve(sizeHint);
  canonicalPieces(data, (piece) => out.write(piece));
  return `sha256:${await sha256HexOfBytes(out.view())}`;
}

/** Who made a backup, and when: Vigie `appVersion` on database schema `schemaVersion`. */
export interface BackupMeta {
  appVersion: string;
  schemaVersion: number;
  exportedAt: string;
}

export interface BuiltBackup {
  header: BackupHeader;
  /** The file, in pieces of text and of UTF-8 bytes to hand to a Blob (or `backupText`). */
  pieces: (string | Uint8Array<ArrayBuffer>)[];
}

/** UTF-8 text written one piece after another into a buffer that grows as needed. */
class Utf8Buffer {
  private bytes: Uint8Array<ArrayBuffer> = new Uint8Array(1 << 16);
  private end = 0;

  /**
   * Makes room for `bytes` more bytes: at least twice the room, so that a buffer grown piece by
   * piece is copied a few times only, or exactly what is asked when that is more (a writer that
   * knows how much is coming asks once).
   */
  reserve(bytes: number): void {
    if (this.bytes.length - this.end >= bytes) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.end + bytes));
    grown.set(this.bytes.subarray(0, this.end));
    this.bytes = grown;
  }

  /** Appends `text`; returns where its bytes lie, [start, end). */
  write(text: string): [number, number] {
    const start = this.end;
    // A UTF-16 code unit takes at most three bytes in UTF-8.
    this.reserve(text.length * 3);
    this.end = encodeUtf8Into(text, this.bytes, start);
    return [start, this.end];
  }

  /** The bytes written so far (a view: valid until the next write). */
  view(): Uint8Array<ArrayBuffer> {
    return this.bytes.subarray(0, this.end);
  }
}

/** The lists of the data in canonical order (their keys sorted), the settings after them. */
const CANONICAL_ORDER: readonly BackupStore[] = ['crises', 'events', 'mentions'];
/** The lists in the file's order: the mentions first, for a person reading it. */
const FILE_ORDER: readonly BackupStore[] = ['mentions', 'crises', 'events'];

/**
 * A backup written as its records come, in the canonical order of the data: every crisis, then
 * every event, then every mention (`add`, a batch at a time), then `finish`. An export adds each
 * batch while the database reads the next, and keeps the bytes of the records, not the records.
 */
export class BackupWriter {
  private readonly out = new Utf8Buffer();
  /** Where each record's canonical text lies in `out`, by list. */
  private readonly spans: Record<BackupStore, [number, number][]> = {
    mentions: [],
    crises: [],
    events: [],
  };
  /** The list being written: its index in CANONICAL_ORDER (-1 before the first). */
  private at = -1;

  /**
   * `expected`: how many records of each list will come, if known; the buffer is then sized
   * once from each list's first batch rather than grown (and copied) as the records come.
   */
  constructor(private readonly expected?: StoreCounts) {
    this.out.write('{');
  }

  /** Closes the lists up to the one at `index` and opens it (past the last: none opened). */
  private advance(index: number): void {
    if (index < this.at) {
      const last = CANONICAL_ORDER[this.at] ?? 'settings';
      throw new Error(`backup records out of order: ${CANONICAL_ORDER[index]} after ${last}`);
    }
    while (this.at < index) {
      if (this.at >= 0) this.out.write('],');
      this.at++;
      if (this.at < CANONICAL_ORDER.length) {
        this.out.write(`${JSON.stringify(CANONICAL_ORDER[this.at])}:[`);
      }
    }
  }

  /** Adds records of `store` (see the order above). */
  add(store: BackupStore, records: readonly unknown[]): void {
    this.advance(CANONICAL_ORDER.indexOf(store));
    const spans = this.spans[store];
    const first = spans.length === 0;
    for (const record of records) {
      if (spans.length > 0) this.out.write(',');
      spans.push(this.out.write(canonicalRecord(record)));
    }
    if (first && spans.length > 0) this.expectRest(store);
  }

  /**
   * Makes room for the rest of `store` at the size per record of its first batch, and a tenth
   * more for records longer or further from ASCII than those.
   */
  private expectRest(store: BackupStore): void {
    const spans = this.spans[store];
    const left = (this.expected?.[store] ?? 0) - spans.length;
    if (left <= 0) return;
    const bytes = spans[spans.length - 1]![1] - spans[0]![0];
    this.out.reserve(Math.ceil(((bytes * 1.1) / spans.length) * left));
  }

  /** The backup of what was added and of `settings`, as `meta` says it was made. */
  async finish(meta: BackupMeta, settings: BackupData['settings']): Promise<BuiltBackup> {
    this.advance(CANONICAL_ORDER.length);
    this.out.write(`"settings":${canonicalJson(settings)}}`);
    const bytes = this.out.view();
    const { spans } = this;
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: FORMAT_VERSION,
      appVersion: meta.appVersion,
      schemaVersion: meta.schemaVersion,
      exportedAt: meta.exportedAt,
      counts: {
        mentions: spans.mentions.length,
        crises: spans.crises.length,
        events: spans.events.length,
      },
      checksum: `sha256:${await sha256HexOfBytes(bytes)}`,
    };
    const pieces: (string | Uint8Array<ArrayBuffer>)[] = ['{\n'];
    for (const [key, value] of Object.entries(header)) {
      pieces.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`);
    }
    pieces.push('  "data": {\n');
    for (const store of FILE_ORDER) {
      pieces.push(`    ${JSON.stringify(store)}: [`);
      spans[store].forEach(([start, end], i) =>
        pieces.push(i === 0 ? '\n      ' : ',\n      ', bytes.subarray(start, end)),
      );
      pieces.push(spans[store].length ? '\n    ],\n' : '],\n');
    }
    pieces.push(`    "settings": ${JSON.stringify(settings)}\n  }\n}\n`);
    return { header, pieces };
  }
}

/** A backup of `data`, as `meta` says it was made. */
export async function buildBackup(meta: BackupMeta, data: BackupData): Promise<BuiltBackup> {
  const writer = new BackupWriter();
  for (const store of CANONICAL_ORDER) writer.add(store, data[store]);
  return writer.finish(meta, data.settings);
}

/** The whole file as one text (tests, small logs). */
export function backupText(built: BuiltBackup): string {
  const decoder = new TextDecoder();
  return built.pieces
    .map((piece) => (typeof piece === 'string' ? piece : decoder.decode(piece)))
    .join('');
}
