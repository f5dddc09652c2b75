/**
 * The canonical JSON of a value, which the backup's checksum covers: object keys sorted by
 * UTF-16 code units, no whitespace, strings and numbers written as JSON.stringify writes them
 * (the JSON Canonicalization Scheme, RFC 8785, for the values a backup holds). Keys whose value
 * is undefined are left out, as JSON.stringify does, so that a record read from IndexedDB and
 * the same record parsed from the file give the same text.
 */

/** Thrown by `sortedCopy` for an object JSON.stringify cannot write in sorted key order. */
const UNORDERED = new Error('integer-like keys');

/** Whether `key` is one JavaScript orders before all others, numerically ("2" before "10"). */
function isIndexKey(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && /^(?:0|[1-9]\d{0,9})$/.test(key);
}

/**
 * Whether JSON.stringify would write `value` canonically as it is: every object in it has its
 * keys in sorted order and none integer-like. Looking costs far less than copying, and the
 * engine writes an object it need not call back about several times faster.
 */
function inCanonicalOrder(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) if (!inCanonicalOrder(item)) return false;
    return true;
  }
  // JavaScript lists integer-like keys first: the first key tells whether there are any.
  let previous: string | null = null;
  for (const key in value) {
    if (previous === null ? isIndexKey(key) : key <= previous) return false;
    previous = key;
    if (!inCanonicalOrder((value as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/**
 * A copy of `value` (plain data, as JSON.parse and IndexedDB give) whose objects have their keys
 * added in sorted order, which JSON.stringify keeps; a null prototype keeps a `__proto__` key a
 * key. Objects with integer-like keys, which JavaScript orders numerically, are refused.
 */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return (value as unknown[]).map(sortedCopy);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  if (keys.some(isIndexKey)) throw UNORDERED;
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const key of keys) sorted[key] = sortedCopy(record[key]);
  return sorted;
}

/**
 * `value` as JSON.stringify writes canonically: itself when its keys are already in order, else
 * a copy whose keys are. A value with integer-like keys, which no order puts right, is returned
 * as it is (`canonicalRecord` still writes it, key by key).
 */
export function inKeyOrder<T>(value: T): T {
  if (inCanonicalOrder(value)) return value;
  try {
    return sortedCopy(value) as T;
  } catch (error) {
    if (error !== UNORDERED) throw error;
    return value;
  }
}

/**
 * Writes `value` to `out`, a piece at a time: an object below the top by the engine where it
 * can (as it is when its keys are in order, else a sorted copy), otherwise key by key. The top
 * is always written key by key: a backup's settings, last, hold integer-like keys, and the
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
      out(JSON.stringify(inCanonicalOrder(value) ? value : sortedCopy(value)));
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
