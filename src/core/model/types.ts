/**
 * Vigie's domain records, as stored in IndexedDB and as they cross between the background,
 * the popup, the crisis log and the page. Every field is JSON-safe: dates are ISO-8601 strings.
 */

export type Iso = string;

// Each enumeration is one tuple: its type, the schema and the UI's lists derive from it.
export const TONES = ['negative', 'neutral', 'positive'] as const;
export type Tone = (typeof TONES)[number];

export const REACHES = ['low', 'medium', 'high'] as const;
export type Reach = (typeof REACHES)[number];

export const MENTION_KINDS = ['selection', 'link', 'image', 'page'] as const;
export type MentionKind = (typeof MENTION_KINDS)[number];

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** W3C Web Annotation TextPositionSelector; offsets count code points of the document's text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** How a quote is found again on its page. */
export interface MentionSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** Why Vigie could only keep what the context menu gave it. */
export type CaptureLimit = 'unscriptable' | null;

/** A saved copy of the page a mention was taken from (issue 5 fills it). */
export interface PageCopyRef {
  id: string;
  format: 'mhtml' | 'html';
  sha256: string;
  savedAt: Iso;
  bytes: number;
}

export interface Evidence {
  /** SHA-256 (hex) of the canonical raw capture: url, quote, selectors, link/image url, capturedAt. */
  captureSha256: string;
  pageCopy: PageCopyRef | null;
}

export interface Mention {
  id: string;
  url: string;
  pageTitle: string;
  site: string;
  /** BCP 47 language of the page as it declares it, or null. */
  lang: string | null;
  kind: MentionKind;
  /** The exact text the user selected ('' for a page, link or image flag without selection). */
  quote: string;
  selectors: MentionSelectors | null;
  linkUrl: string | null;
  srcUrl: string | null;
  capturedAt: Iso;
  captureLimit: CaptureLimit;
  evidence: Evidence;
  note: string;
  tags: string[];
  tone: Tone;
  /** 'auto' until the user sets the tone; the user's choice always wins. */
  toneSource: 'auto' | 'user';
  reach: Reach;
  crisisId: string | null;
  /** When the user first reviewed it (edited, moved into a crisis); null while untriaged. */
  triagedAt: Iso | null;
  updatedAt: Iso;
}

/** What the user may edit on a mention; the capture itself (and so its hash) never changes. */
export interface MentionPatch {
  note?: string;
  tags?: string[];
  tone?: Tone;
  reach?: Reach;
}

export const LEVELS = [1, 2, 3, 4] as const;
export type Level = (typeof LEVELS)[number];

export const STEPS = ['react', 'assess', 'inform', 'plan', 'learn'] as const;
export type StepId = (typeof STEPS)[number];
export type CrisisStep = StepId | 'closed';
export const STEP_STATES = ['pending', 'done', 'skipped'] as const;
export type StepState = (typeof STEP_STATES)[number];

export interface ChecklistItem {
  id: string;
  label: string;
  done: boolean;
  doneAt: Iso | null;
  /** A temporary fix: it comes back in step 4 as an action still to replace it. */
  temporary: boolean;
}

export const DAMAGE_AREAS = [
  'customers',
  'social',
  'press',
  'search',
  'employees',
  'partners',
  'finance',
  'legal',
  'custom',
] as const;
export type DamageArea = (typeof DAMAGE_AREAS)[number];

export interface DamageRow {
  id: string;
  area: DamageArea;
  customArea: string;
  degree: 1 | 2 | 3 | 4 | 5;
  cost: number;
  currency: string;
  note: string;
  mentionIds: string[];
  /** Explicitly accepted without a repairing action. */
  accepted: boolean;
}

export const ROLES = ['boss', 'supervisor', 'client', 'partner', 'press', 'other'] as const;
export type StakeholderRole = (typeof ROLES)[number];

/** The languages Vigie writes messages in, whatever the language of its interface. */
export const MESSAGE_LANGS = ['en', 'fr'] as const;
export type MessageLang = (typeof MESSAGE_LANGS)[number];

/**
 * The kinds of message a communications manager sends in a crisis: a holding statement (we
 * know, we are looking into it), a clarification (not our fault: the facts), an apology (our
 * fault: what we do to repair it), a reply to a journalist, an internal note to management.
 */
export const MESSAGE_VARIANTS = [
  'holding',
  'clarification',
  'apology',
  'journalist',
  'internal',
] as const;
export type MessageVariant = (typeof MESSAGE_VARIANTS)[number];

/** Whether the damage is ours to repair, as the user knows it so far. */
export const FAULTS = ['unknown', 'ours', 'not-ours'] as const;
export type Fault = (typeof FAULTS)[number];

export interface Stakeholder {
  id: string;
  name: string;
  role: StakeholderRole;
  channel: string;
  contact: string;
  key: boolean;
  /** The language to write to them in; null: the crisis's message language. */
  lang: MessageLang | null;
  /** How a message greets them ("Marie", "Madame Durand"); '' greets without a name. */
  greeting: string;
}

/** A message as it was sent or copied, kept with the person it informed. */
export interface SentMessage {
  subject: string;
  body: string;
  lang: MessageLang;
  variant: MessageVariant;
}

export interface CrisisStakeholder extends Stakeholder {
  informedAt: Iso | null;
  /** What they were sent when marked informed; null when none was written in Vigie. */
  message: SentMessage | null;
}

export const ACTION_STATUSES = ['todo', 'doing', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface Action {
  id: string;
  what: string;
  damageId: string | null;
  owner: string;
  due: Iso | null;
  status: ActionStatus;
  /** Set when the action replaces a temporary fix from step 1. */
  replacesChecklistId: string | null;
}

export interface Apology {
  id: string;
  party: string;
  sentAt: Iso | null;
  note: string;
}

export interface StatusUpdate {
  id: string;
  sentAt: Iso;
  subject: string;
  text: string;
}

export interface Precaution {
  id: string;
  what: string;
  owner: string;
  due: Iso | null;
  done: boolean;
}

/** The root-cause categories offered; the user may write their own instead. */
export const ROOT_CAUSES = [
  'process',
  'human',
  'product',
  'communication',
  'supplier',
  'external',
] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];

export interface PostMortem {
  whatHappened: string;
  whys: string[];
  decision: string;
  circumstances: string;
  rootCause: string;
  precautions: Precaution[];
  watchTerms: string[];
}

export interface Crisis {
  id: string;
  title: string;
  level: Level;
  /** Detection time: the reaction countdown starts here. */
  openedAt: Iso;
  step: CrisisStep;
  steps: Record<StepId, StepState>;
  state: 'open' | 'closed';
  closedAt: Iso | null;
  updatedAt: Iso;
  react: { checklist: ChecklistItem[] };
  assess: { damages: DamageRow[] };
  inform: {
    stakeholders: CrisisStakeholder[];
    /** The draft being written: its subject and body. */
    subject: string;
    message: string;
    /** The message language and kind, remembered once chosen; null: Vigie suggests one. */
    lang: MessageLang | null;
    variant: MessageVariant | null;
    fault: Fault;
  };
  plan: { actions: Action[]; apologies: Apology[]; updates: StatusUpdate[] };
  learn: PostMortem;
}

export type EventType =
  | 'opened'
  | 'level-changed'
  | 'renamed'
  | 'mention-linked'
  | 'mention-unlinked'
  | 'step-changed'
  | 'step-done'
  | 'step-skipped'
  | 'checklist-done'
  | 'checklist-undone'
  | 'damage-changed'
  | 'stakeholder-informed'
  | 'stakeholder-uninformed'
  | 'message-drafted'
  | 'update-sent'
  | 'action-changed'
  | 'action-done'
  | 'apology-sent'
  | 'postmortem-changed'
  | 'reminder-sent'
  | 'note'
  | 'closed'
  | 'reopened';

/** One line of a crisis's journal; append-only. */
export interface CrisisEvent {
  id: string;
  crisisId: string;
  at: Iso;
  type: EventType;
  actor: 'user' | 'vigie';
  /** The cell member who made it, when the crisis is shared with a team (core/sync). */
  by?: string;
  data: Record<string, string | number | boolean | null>;
}

/** A message template: a first message (step 3) or a status update (step 4). */
export type TemplateKind = 'inform' | 'update';
export interface TemplateText {
  subject: string;
  body: string;
}

export interface WatchTerm {
  id: string;
  term: string;
  aliases: string[];
}

export interface WordRule {
  word: string;
  rule: 'always-negative' | 'never-negative';
}

export interface Settings {
  /** Hours from detection to the reaction target, per level. */
  reactionTargetsHours: Record<Level, number>;
  /** Hours without a status update before a reminder, per level. */
  updateCadenceHours: Record<Level, number>;
  /** Default containment checklist; an empty label means "use the built-in text". */
  checklist: { id: string; label: string; temporary: boolean }[];
  stakeholders: Stakeholder[];
  /** The user's own templates; an empty subject or body means "the built-in text". */
  templates: Record<TemplateKind, Record<MessageVariant, Record<MessageLang, TemplateText>>>;
  watchlist: WatchTerm[];
  wordRules: WordRule[];
  monitoring: boolean;
  backupReminderDays: number;
  lastBackupAt: Iso | null;
  theme: 'system' | 'light' | 'dark';
}
