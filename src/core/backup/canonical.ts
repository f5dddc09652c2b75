/**
 * The canonical JSON of a value, which the backup's checksum covers: object keys sorted by
 * UTF-16 code units, no whitespace, strings and numbers written as JSON.stringify writes them
 * (the JSON Canonicalization Scheme, RFC 8785, for the values a backup holds). Keys whose value
 * is undefined are left out, as JSON.stringify does, so that a record read from IndexedDB and
 * the same record parsed from the file give the same text.
 */

/** Thrown by `sortedKeys` for an object JSON.stringify cannot write in sorted key order. */
const UNORDERED = new Error('integer-like keys');

/** Whether `key` is one JavaScript orders before all others, numerically ("2" before "10"). */
function isIndexKey(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && /^(?:0|[1-9]\d{0,9})$/.test(key);
}

/**
 * JSON.stringify's replacer: each object is written as a copy whose keys were added in sorted
 * order (JSON.stringify keeps insertion order; a null prototype keeps a `__proto__` key a key).
 * Objects with integer-like keys, which JavaScript orders numerically, are refused.
 */
function sortedKeys(this: unknown, _key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  if (keys.some(isIndexKey)) throw UNORDERED;
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const key of keys) sorted[key] = record[key];
  return sorted;
}

/**
 * Writes `value` to `out`, a piece at a time: an object below the top by the engine where it
 * can (about twice as fast over 100,000 mentions as token by token), otherwise key by key. The
 * top is always written key by key: a backup's settings, last, hold integer-like keys, and the
 * engine would have written every mention before finding them.
 */
function write(value: unknown, out: (piece: string) => void, top = false): void {
  if (value === null || typeof value !== 'object') {
    out(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    out('[');
    value.forEach((item, i) => {
      if (i > 0) out(',');
      write(item === undefined ? null : item, out);
    });
    out(']');
    return;
  }
  if (!top) {
    try {
      out(JSON.stringify(value, sortedKeys));
      return;
    } catch (error) {
      if (error !== UNORDERED) throw error;
    }
  }
  const record = value as Record<string, unknown>;
  out('{');
  let first = true;
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    if (!first) out(',');
    first = false;
    out(`${JSON.stringify(key)}:`);
    write(record[key], out);
  }
  out('}');
}

/**
 * The canonical JSON text of `value`, handed to `out` in pieces that join into it: a backup's
 * data comes as one piece per record, never as one huge string.
 */
export function canonicalPieces(value: unknown, out: (piece: string) => void): void {
  write(value, out, true);
}

/**
 * The canonical JSON text of one record of a backup's lists: the same text `canonicalJson`
 * writes for it inside the whole, in one call to the engine where the record allows it.
 */
export function canonicalRecord(value: unknown): string {
  const out: string[] = [];
  write(value, (piece) => out.push(piece));
  return out.join('');
}

/** The canonical JSON text of `value`. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  canonicalPieces(value, (piece) => out.push(piece));
  return out.join('');
}
