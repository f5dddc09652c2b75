/**
 * The canonical JSON of a value, which the backup's checksum covers: object keys sorted by
 * UTF-16 code units, no whitespace, strings and numbers written as JSON.stringify writes them
 * (the JSON Canonicalization Scheme, RFC 8785, for the values a backup holds). Keys whose value
 * is undefined are left out, as JSON.stringify does, so that a record read from IndexedDB and
 * the same record parsed from the file give the same text.
 */

function write(value: unknown, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, i) => {
      if (i > 0) out.push(',');
      write(item === undefined ? null : item, out);
    });
    out.push(']');
    return;
  }
  const record = value as Record<string, unknown>;
  out.push('{');
  let first = true;
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(key), ':');
    write(record[key], out);
  }
  out.push('}');
}

/** The canonical JSON text of `value`. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, out);
  return out.join('');
}
