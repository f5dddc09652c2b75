/**
 * Runtime schemas of the records that come back from outside the background's own code (undo
 * buffers from a page, backups from a file), checked with valibot. Every text has a length cap
 * and every list a size cap, so a hostile file cannot make Vigie hold gigabytes; the caps sit
 * well above what Vigie itself ever writes.
 */
import * as v from 'valibot';
import type { Crisis, CrisisEvent, EventType, Mention, Settings } from './types';

const iso = v.pipe(v.string(), v.isoTimestamp());
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item), v.maxLength(max));
const id = text(100);
const sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const quoteSelector = v.strictObject({
  type: v.literal('TextQuoteSelector'),
  exact: text(100_000),
  prefix: v.optional(text(10_000)),
  suffix: v.optional(text(10_000)),
});

const positionSelector = v.strictObject({
  type: v.literal('TextPositionSelector'),
  start: count,
  end: count,
});

export const MentionSchema = v.strictObject({
  id,
  url: text(100_000),
  pageTitle: text(10_000),
  site: text(1_000),
  lang: v.nullable(text(100)),
  kind: v.picklist(['selection', 'link', 'image', 'page']),
  quote: text(100_000),
  selectors: v.nullable(v.strictObject({ quote: quoteSelector, position: positionSelector })),
  linkUrl: v.nullable(text(100_000)),
  srcUrl: v.nullable(text(100_000)),
  capturedAt: iso,
  captureLimit: v.nullable(v.literal('unscriptable')),
  evidence: v.strictObject({
    captureSha256: sha256,
    pageCopy: v.nullable(
      v.strictObject({
        id,
        format: v.picklist(['mhtml', 'html']),
        sha256,
        savedAt: iso,
        bytes: count,
      }),
    ),
  }),
  note: text(20_000),
  tags: list(text(60), 30),
  tone: v.picklist(['negative', 'neutral', 'positive']),
  toneSource: v.picklist(['auto', 'user']),
  reach: v.picklist(['low', 'medium', 'high']),
  crisisId: v.nullable(id),
  triagedAt: v.nullable(iso),
  updatedAt: iso,
});

const level = v.picklist([1, 2, 3, 4]);
const stepState = v.picklist(['pending', 'done', 'skipped']);
const stakeholder = {
  id,
  name: text(1_000),
  role: v.picklist(['boss', 'supervisor', 'client', 'partner', 'other']),
  channel: text(1_000),
  contact: text(1_000),
  key: v.boolean(),
};

export const CrisisSchema = v.strictObject({
  id,
  title: text(1_000),
  level,
  openedAt: iso,
  step: v.picklist(['react', 'assess', 'inform', 'plan', 'learn', 'closed']),
  steps: v.strictObject({
    react: stepState,
    assess: stepState,
    inform: stepState,
    plan: stepState,
    learn: stepState,
  }),
  state: v.picklist(['open', 'closed']),
  closedAt: v.nullable(iso),
  updatedAt: iso,
  react: v.strictObject({
    checklist: list(
      v.strictObject({
        id,
        label: text(1_000),
        done: v.boolean(),
        doneAt: v.nullable(iso),
        temporary: v.boolean(),
      }),
      500,
    ),
  }),
  assess: v.strictObject({
    damages: list(
      v.strictObject({
        id,
        area: v.picklist([
          'customers',
          'social',
          'press',
          'search',
          'employees',
          'partners',
          'finance',
          'legal',
          'custom',
        ]),
        customArea: text(1_000),
        degree: v.picklist([1, 2, 3, 4, 5]),
        cost: v.pipe(v.number(), v.minValue(0), v.maxValue(1e15)),
        currency: text(10),
        note: text(20_000),
        mentionIds: list(id, 100_000),
        accepted: v.boolean(),
      }),
      1_000,
    ),
  }),
  inform: v.strictObject({
    stakeholders: list(v.strictObject({ ...stakeholder, informedAt: v.nullable(iso) }), 2_000),
    message: text(100_000),
  }),
  plan: v.strictObject({
    actions: list(
      v.strictObject({
        id,
        what: text(5_000),
        damageId: v.nullable(id),
        owner: text(1_000),
        due: v.nullable(iso),
        status: v.picklist(['todo', 'doing', 'done']),
        replacesChecklistId: v.nullable(id),
      }),
      5_000,
    ),
    apologies: list(
      v.strictObject({ id, party: text(1_000), sentAt: v.nullable(iso), note: text(20_000) }),
      2_000,
    ),
    updates: list(v.strictObject({ id, sentAt: iso, text: text(100_000) }), 10_000),
  }),
  learn: v.strictObject({
    whatHappened: text(20_000),
    whys: list(text(20_000), 50),
    decision: text(20_000),
    circumstances: text(20_000),
    rootCause: text(20_000),
    precautions: list(
      v.strictObject({
        id,
        what: text(5_000),
        owner: text(1_000),
        due: v.nullable(iso),
        done: v.boolean(),
      }),
      1_000,
    ),
    watchTerms: list(text(1_000), 1_000),
  }),
});

/**
 * Every journal event type. A record over `EventType` makes the compiler name a type added to
 * the union and forgotten here (a backup holding it would otherwise be refused).
 */
const EVENT_TYPES: Record<EventType, true> = {
  opened: true,
  'level-changed': true,
  renamed: true,
  'mention-linked': true,
  'mention-unlinked': true,
  'step-changed': true,
  'step-done': true,
  'step-skipped': true,
  'checklist-done': true,
  'checklist-undone': true,
  'damage-changed': true,
  'stakeholder-informed': true,
  'stakeholder-uninformed': true,
  'message-drafted': true,
  'update-sent': true,
  'action-changed': true,
  'action-done': true,
  'apology-sent': true,
  'postmortem-changed': true,
  'reminder-sent': true,
  closed: true,
  reopened: true,
};

export const EventSchema = v.strictObject({
  id,
  crisisId: id,
  at: iso,
  type: v.picklist(Object.keys(EVENT_TYPES) as EventType[]),
  actor: v.picklist(['user', 'vigie']),
  data: v.pipe(
    v.record(text(200), v.union([text(100_000), v.number(), v.boolean(), v.null()])),
    v.check((data) => Object.keys(data).length <= 100, 'at most 100 fields'),
  ),
});

const hours = v.pipe(v.number(), v.gtValue(0), v.maxValue(1e6));
const perLevel = v.strictObject({ 1: hours, 2: hours, 3: hours, 4: hours });
const perLanguage = v.strictObject({ en: text(100_000), fr: text(100_000) });

export const SettingsSchema = v.strictObject({
  reactionTargetsHours: perLevel,
  updateCadenceHours: perLevel,
  checklist: list(v.strictObject({ id, label: text(1_000), temporary: v.boolean() }), 500),
  stakeholders: list(v.strictObject(stakeholder), 2_000),
  templates: v.strictObject({ inform: perLanguage, update: perLanguage }),
  watchlist: list(
    v.strictObject({ id, term: text(1_000), aliases: list(text(1_000), 100) }),
    5_000,
  ),
  wordRules: list(
    v.strictObject({ word: text(1_000), rule: v.picklist(['always-negative', 'never-negative']) }),
    10_000,
  ),
  monitoring: v.boolean(),
  backupReminderDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000)),
  lastBackupAt: v.nullable(iso),
  theme: v.picklist(['system', 'light', 'dark']),
});

/**
 * Compile-time guard: each schema describes exactly its domain type. When a field is added to
 * a record, this stops the build until the schema (and the backup format version, see
 * docs/backup-format.md) follow.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchTypes: [
  Same<v.InferOutput<typeof MentionSchema>, Mention>,
  Same<v.InferOutput<typeof CrisisSchema>, Crisis>,
  Same<v.InferOutput<typeof EventSchema>, CrisisEvent>,
  Same<v.InferOutput<typeof SettingsSchema>, Settings>,
] = [true, true, true, true];
void schemasMatchTypes;

/** Is this value a well-formed mention? */
export function isMention(value: unknown): boolean {
  return v.is(MentionSchema, value);
}
