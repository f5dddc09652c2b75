/**
 * Runtime schemas of Vigie's records, checked with valibot wherever a record enters the
 * database: a flag, a monitoring report, an edit from the crisis log or the settings, an undo,
 * a backup's import. Every text has a length cap and every list a size cap, so a hostile page or
 * file cannot make Vigie hold gigabytes, and what the database holds always passes the import.
 *
 * Texts written by people or pages (`prose`) are shortened to their cap rather than refused
 * (core/model/bounds.ts); identifiers, dates and choices (`text`, `iso`, picklists) are refused
 * when wrong: that is damage, not length.
 */
import * as v from 'valibot';
import { clipAt } from './bounds';
import { LIMITS, SETTINGS_LISTS } from './limits';

export { LIMITS };
import type { Crisis, CrisisEvent, EventType, Mention, Settings } from './types';
import {
  ACTION_STATUSES,
  DAMAGE_AREAS,
  FAULTS,
  LEVELS,
  MENTION_KINDS,
  MESSAGE_LANGS,
  MESSAGE_VARIANTS,
  REACHES,
  ROLES,
  STEP_STATES,
  STEPS,
  TONES,
} from './types';

const iso = v.pipe(v.string(), v.isoTimestamp());
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** A text a person or a page wrote: shortened at its end when over `max`. */
const prose = (max: number) => v.pipe(v.string(), v.maxLength(max), v.metadata(clipAt('end')));
const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item), v.maxLength(max));
const id = text(LIMITS.id);
const sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const quoteSelector = v.strictObject({
  type: v.literal('TextQuoteSelector'),
  exact: prose(LIMITS.quote),
  // The text just before the quote is what finds it again: a long one loses its start.
  prefix: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.context), v.metadata(clipAt('start')))),
  suffix: v.optional(prose(LIMITS.context)),
});

const positionSelector = v.strictObject({
  type: v.literal('TextPositionSelector'),
  start: count,
  end: count,
});

export const MentionSchema = v.strictObject({
  id,
  url: prose(LIMITS.url),
  pageTitle: prose(LIMITS.pageTitle),
  site: prose(LIMITS.site),
  // A language tag cut short would name another language, or none: unknown instead.
  lang: v.nullable(v.pipe(v.string(), v.maxLength(LIMITS.lang), v.metadata(clipAt('null')))),
  kind: v.picklist(MENTION_KINDS),
  quote: prose(LIMITS.quote),
  selectors: v.nullable(v.strictObject({ quote: quoteSelector, position: positionSelector })),
  linkUrl: v.nullable(prose(LIMITS.url)),
  srcUrl: v.nullable(prose(LIMITS.url)),
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
  note: prose(LIMITS.note),
  tags: list(prose(LIMITS.tag), 30),
  tone: v.picklist(TONES),
  toneSource: v.picklist(['auto', 'user']),
  reach: v.picklist(REACHES),
  crisisId: v.nullable(id),
  triagedAt: v.nullable(iso),
  updatedAt: iso,
});

const level = v.picklist(LEVELS);
const stepState = v.picklist(STEP_STATES);
const messageLang = v.picklist(MESSAGE_LANGS);
const messageVariant = v.picklist(MESSAGE_VARIANTS);
const stakeholder = {
  id,
  name: prose(LIMITS.name),
  role: v.picklist(ROLES),
  channel: prose(LIMITS.name),
  contact: prose(LIMITS.name),
  key: v.boolean(),
  lang: v.nullable(messageLang),
  greeting: prose(LIMITS.name),
};
const sentMessage = v.strictObject({
  subject: prose(LIMITS.name),
  body: prose(LIMITS.message),
  lang: messageLang,
  variant: messageVariant,
});

export const CrisisSchema = v.strictObject({
  id,
  title: prose(LIMITS.name),
  level,
  openedAt: iso,
  step: v.picklist([...STEPS, 'closed']),
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
        label: prose(LIMITS.name),
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
        area: v.picklist(DAMAGE_AREAS),
        customArea: prose(LIMITS.name),
        degree: v.picklist([1, 2, 3, 4, 5]),
        cost: v.pipe(v.number(), v.minValue(0), v.maxValue(1e15)),
        currency: text(LIMITS.currency),
        note: prose(LIMITS.note),
        mentionIds: list(id, 100_000),
        accepted: v.boolean(),
      }),
      1_000,
    ),
  }),
  inform: v.strictObject({
    stakeholders: list(
      v.strictObject({
        ...stakeholder,
        informedAt: v.nullable(iso),
        message: v.nullable(sentMessage),
      }),
      2_000,
    ),
    subject: prose(LIMITS.name),
    message: prose(LIMITS.message),
    lang: v.nullable(messageLang),
    variant: v.nullable(messageVariant),
    fault: v.picklist(FAULTS),
  }),
  plan: v.strictObject({
    actions: list(
      v.strictObject({
        id,
        what: prose(LIMITS.action),
        damageId: v.nullable(id),
        owner: prose(LIMITS.name),
        due: v.nullable(iso),
        status: v.picklist(ACTION_STATUSES),
        replacesChecklistId: v.nullable(id),
      }),
      5_000,
    ),
    apologies: list(
      v.strictObject({
        id,
        party: prose(LIMITS.name),
        sentAt: v.nullable(iso),
        note: prose(LIMITS.note),
      }),
      2_000,
    ),
    updates: list(
      v.strictObject({ id, sentAt: iso, subject: prose(LIMITS.name), text: prose(LIMITS.message) }),
      10_000,
    ),
  }),
  learn: v.strictObject({
    whatHappened: prose(LIMITS.note),
    whys: list(prose(LIMITS.note), 50),
    decision: prose(LIMITS.note),
    circumstances: prose(LIMITS.note),
    rootCause: prose(LIMITS.note),
    precautions: list(
      v.strictObject({
        id,
        what: prose(LIMITS.action),
        owner: prose(LIMITS.name),
        due: v.nullable(iso),
        done: v.boolean(),
      }),
      1_000,
    ),
    watchTerms: list(prose(LIMITS.name), 1_000),
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
  note: true,
  closed: true,
  reopened: true,
};

export const EventSchema = v.strictObject({
  id,
  crisisId: id,
  at: iso,
  type: v.picklist(Object.keys(EVENT_TYPES) as EventType[]),
  actor: v.picklist(['user', 'vigie']),
  by: v.optional(text(200)),
  data: v.pipe(
    v.record(text(200), v.union([prose(LIMITS.message), v.number(), v.boolean(), v.null()])),
    v.check((data) => Object.keys(data).length <= 100, 'at most 100 fields'),
  ),
});

const hours = v.pipe(v.number(), v.gtValue(0), v.maxValue(1e6));
const perLevel = v.strictObject({ 1: hours, 2: hours, 3: hours, 4: hours });
const templateText = v.strictObject({ subject: prose(LIMITS.name), body: prose(LIMITS.message) });
const perLanguage = v.strictObject({ en: templateText, fr: templateText });
const perVariant = v.strictObject({
  holding: perLanguage,
  clarification: perLanguage,
  apology: perLanguage,
  journalist: perLanguage,
  internal: perLanguage,
});

export const SettingsSchema = v.strictObject({
  reactionTargetsHours: perLevel,
  updateCadenceHours: perLevel,
  checklist: list(v.strictObject({ id, label: prose(LIMITS.name), temporary: v.boolean() }), 500),
  stakeholders: list(v.strictObject(stakeholder), SETTINGS_LISTS.stakeholders),
  templates: v.strictObject({ inform: perVariant, update: perVariant }),
  watchlist: list(
    v.strictObject({ id, term: prose(LIMITS.name), aliases: list(prose(LIMITS.name), 100) }),
    SETTINGS_LISTS.watchlist,
  ),
  wordRules: list(
    v.strictObject({
      word: prose(LIMITS.name),
      rule: v.picklist(['always-negative', 'never-negative']),
    }),
    SETTINGS_LISTS.wordRules,
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
