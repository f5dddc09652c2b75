/**
 * The database never holds what the import would refuse: every record a repository writes goes
 * through the schema the import checks backups with (core/model/schemas.ts). A record that
 * does not pass is refused with the first problem named, before its transaction opens, so the
 * log is left as it was. The import itself checks its records whole before it writes any.
 */
import * as v from 'valibot';
import { issueText } from '../backup/problems';
import { AppError } from '../errors';
import { fitRecord } from '../model/bounds';
import { CrisisSchema, EventSchema, MentionSchema, SettingsSchema } from '../model/schemas';
import type { Crisis, CrisisEvent, Mention, Settings } from '../model/types';

const SCHEMAS = {
  mentions: MentionSchema,
  crises: CrisisSchema,
  events: EventSchema,
  settings: SettingsSchema,
};

export interface RecordKinds {
  mentions: Mention;
  crises: Crisis;
  events: CrisisEvent;
  settings: Settings;
}

export type RecordKind = keyof RecordKinds;

/**
 * `record` as it is, when the import would take it as it is; otherwise an AppError
 * ('bad-request') naming the first problem ("crises.title: text too long: …").
 */
export function checked<K extends RecordKind>(kind: K, record: RecordKinds[K]): RecordKinds[K] {
  const result = v.safeParse(SCHEMAS[kind], record, { abortEarly: true });
  if (!result.success) throw new AppError('bad-request', issueText(result.issues[0], [kind]));
  return record;
}

/** Each of `records`, checked as `checked` checks one. */
export function allChecked<K extends RecordKind>(
  kind: K,
  records: readonly RecordKinds[K][],
): readonly RecordKinds[K][] {
  for (const record of records) checked(kind, record);
  return records;
}

/**
 * `record` fitted to its schema: texts a page wrote over their limits shortened, with the
 * places cut; an AppError ('bad-request') for anything shortening cannot mend.
 */
export function fitted<K extends RecordKind>(
  kind: K,
  record: unknown,
): { record: RecordKinds[K]; shortened: string[] } {
  const result = fitRecord(SCHEMAS[kind], record);
  if (!result.ok) throw new AppError('bad-request', issueText(result.issue, [kind]));
  return { record: result.value as RecordKinds[K], shortened: result.shortened };
}
