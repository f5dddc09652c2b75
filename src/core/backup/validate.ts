/**
 * The checks a backup's records go through, in the page that reads the file and again in the
 * background that writes them (it never trusts the page): the shape of each record, no
 * dangerous or absurdly nested keys, unique ids, and a journal that points at its crises.
 */
import { fitRecord } from '../model/bounds';
import { CrisisSchema, EventSchema, MentionSchema, SettingsSchema } from '../model/schemas';
import type { Settings } from '../model/types';
import type { BackupData, BackupStore, Shortened } from './format';

export type { Shortened };
import { issueText, pathText } from './problems';

/** Keys that could reach an object's prototype if the record were ever merged by assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Vigie's records nest six levels; a file nesting far deeper is not one of its backups. */
const MAX_DEPTH = 32;

/**
 * The first forbidden key or too-deep nesting in a parsed JSON value, as a detail naming its
 * place, or null. Walks with its own stack, so a hostile nesting cannot overflow the call stack.
 */
export function unsafeKeys(value: unknown): string | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length) {
    const { value: current, path } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (path.length > MAX_DEPTH) return `${pathText(path)}: nested too deeply`;
    if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        if (current[i] !== null && typeof current[i] === 'object') {
          stack.push({ value: current[i], path: [...path, i] });
        }
      }
      continue;
    }
    for (const key of Object.keys(current)) {
      if (FORBIDDEN_KEYS.has(key)) return `${pathText([...path, key])}: forbidden key`;
      const child = (current as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object')
        stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

const SCHEMAS = {
  mentions: MentionSchema,
  crises: CrisisSchema,
  events: EventSchema,
} as const;

function tally(shortened: Shortened, store: string, places: readonly string[]): void {
  for (const place of places) {
    const key = `${store}.${place}`;
    shortened[key] = (shortened[key] ?? 0) + 1;
  }
}

/**
 * Checks the records of `store`, shortening in place (in `records`) the texts over their limits
 * and counting them in `shortened`. Returns the first record that is not a well-formed record
 * of `store` as a detail ("mentions[12].capturedAt: expected an ISO date, got …"), or null.
 * `offset` is the index of the first record in the whole list (the background receives them
 * in pages).
 */
export function fitRecords(
  store: BackupStore,
  records: unknown[],
  shortened: Shortened,
  offset = 0,
): string | null {
  const schema = SCHEMAS[store];
  for (let i = 0; i < records.length; i++) {
    const result = fitRecord(schema, records[i]);
    if (!result.ok) return issueText(result.issue, [store, offset + i]);
    if (result.shortened.length > 0) {
      records[i] = result.value;
      tally(shortened, store, result.shortened);
    }
  }
  return null;
}

/** The settings record fitted as `fitRecords` fits records, or what is wrong with it. */
export function fitSettings(
  settings: unknown,
  shortened: Shortened,
): { ok: true; settings: Settings } | { ok: false; problem: string } {
  const result = fitRecord(SettingsSchema, settings);
  if (!result.ok) return { ok: false, problem: issueText(result.issue, ['settings']) };
  tally(shortened, 'settings', result.shortened);
  return { ok: true, settings: result.value };
}

/** The first id that appears twice in `records`, as a detail, or null. */
function duplicateId(store: BackupStore, records: readonly { id: string }[]): string | null {
  const seen = new Set<string>();
  for (let i = 0; i < records.length; i++) {
    const { id } = records[i]!;
    if (seen.has(id)) return `${store}[${i}].id: the id ${JSON.stringify(id)} appears twice`;
    seen.add(id);
  }
  return null;
}

export interface Integrity {
  /** The first thing that makes the data unusable, or null. */
  problem: string | null;
  /** Ids of the mentions whose crisis is not in the data: they go to the inbox on import. */
  orphans: Set<string>;
}

/**
 * Checks what no single record can: ids are unique within each kind, every journal event
 * belongs to a crisis of the data (a journal without its crisis is refused), and which mentions
 * name a crisis the data lacks (those are not refused: the mention itself is kept, in the
 * inbox, as the preview says).
 */
export function integrity(data: Pick<BackupData, BackupStore>): Integrity {
  const orphans = new Set<string>();
  const problem =
    duplicateId('mentions', data.mentions) ??
    duplicateId('crises', data.crises) ??
    duplicateId('events', data.events);
  if (problem) return { problem, orphans };
  const crises = new Set(data.crises.map((c) => c.id));
  for (let i = 0; i < data.events.length; i++) {
    const { crisisId } = data.events[i]!;
    if (!crises.has(crisisId)) {
      return {
        problem: `events[${i}].crisisId: no crisis ${JSON.stringify(crisisId)} in the file`,
        orphans,
      };
    }
  }
  for (const m of data.mentions) {
    if (m.crisisId !== null && !crises.has(m.crisisId)) orphans.add(m.id);
  }
  return { problem: null, orphans };
}
