/**
 * The checks a backup's records go through, in the page that reads the file and again in the
 * background that writes them (it never trusts the page): the shape of each record, no
 * dangerous or absurdly nested keys, unique ids, and a journal that points at its crises.
 */
import * as v from 'valibot';
import { CrisisSchema, EventSchema, MentionSchema, SettingsSchema } from '../model/schemas';
import type { BackupData, BackupStore } from './format';
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

/**
 * The first record of `records` that is not a well-formed record of `store`, as a detail
 * ("mentions[12].capturedAt: expected an ISO date, got …"), or null. `offset` is the index of
 * the first record in the whole list (the background receives them in pages).
 */
export function recordsProblem(
  store: BackupStore,
  records: readonly unknown[],
  offset = 0,
): string | null {
  const schema = SCHEMAS[store];
  for (let i = 0; i < records.length; i++) {
    const result = v.safeParse(schema, records[i], { abortEarly: true });
    if (!result.success) return issueText(result.issues[0], [store, offset + i]);
  }
  return null;
}

/** What is wrong with a settings record, or null. */
export function settingsProblem(settings: unknown): string | null {
  const result = v.safeParse(SettingsSchema, settings, { abortEarly: true });
  return result.success ? null : issueText(result.issues[0], ['settings']);
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
