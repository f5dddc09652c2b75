/**
 * The message contracts between Vigie's contexts, one call map per direction.
 * Each call is a method signature: a wrong argument, a wrong result or a missing handler is a
 * compile error. Results and errors cross as data (`Result`), never as thrown exceptions.
 */
import type { CrisisChange } from '../model/crisis-change';
import type { NextAction } from '../model/next-action';
import type { Repeat } from '../model/recurrence';
import type {
  CaptureLimit,
  Crisis,
  CrisisEvent,
  Level,
  Mention,
  MentionPatch,
  Settings,
  StepId,
  TextPositionSelector,
  TextQuoteSelector,
} from '../model/types';

export type { MentionPatch };

export type ErrorCode =
  'bad-request' | 'not-found' | 'no-tab' | 'storage-full' | 'unavailable' | 'internal';

/** An error as it crosses a context boundary: a stable code and a developer-facing message. */
export interface AppErrorData {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Where a flag goes: the inbox (triage later), a new crisis, or an open crisis. */
export type FlagInto = { to: 'inbox' } | { to: 'new-crisis' } | { to: 'crisis'; crisisId: string };

export interface FlagOutcome {
  mention: Mention;
  /** True when this quote on this page was already flagged: nothing new was stored. */
  duplicate: boolean;
  crisis: Crisis | null;
  limit: CaptureLimit;
  /** The crisis asked for no longer exists: the mention waits in the inbox. */
  crisisGone: boolean;
  /** An already-flagged quote was moved into `crisis` from this other crisis. */
  movedFrom: string | null;
}

/** A crisis as the popup and lists show it. */
export interface CrisisSummary {
  id: string;
  title: string;
  level: Level;
  step: Crisis['step'];
  state: Crisis['state'];
  openedAt: string;
  mentionCount: number;
  /** When the reaction target falls due; null once step 1 is done or the crisis is closed. */
  reactDueAt: string | null;
  /** Key stakeholders not informed yet. */
  uninformedKey: number;
  next: NextAction | null;
}

export interface PopupState {
  page: { url: string; title: string; canScript: boolean } | null;
  /** Mentions already flagged on the active page, newest first (at most 20). */
  pageMentions: Mention[];
  pageMentionCount: number;
  untriaged: number;
  openCrises: CrisisSummary[];
}

/** A cursor into a list ordered by time then id (newest first). */
export interface TimeCursor {
  at: string;
  id: string;
}

export type MentionScope = { in: 'inbox' } | { in: 'all' } | { in: 'crisis'; crisisId: string };

export interface MentionPage {
  items: Mention[];
  next: TimeCursor | null;
  total: number;
}

export interface CrisisPage {
  items: CrisisSummary[];
  next: TimeCursor | null;
  total: number;
}

export interface LogCounts {
  untriaged: number;
  inbox: number;
  mentions: number;
  openCrises: number;
}

/** Calls that the popup and the crisis log make to the background (which owns every write). */
export interface BackgroundCalls {
  /** Everything the popup renders, in one round trip. */
  getPopupState(args: { tabId: number | null }): PopupState;
  /** Flags the selection of a tab, or the page itself when nothing is selected. */
  flagTab(args: { tabId: number; into: FlagInto }): FlagOutcome;
  /** One page of mentions, newest first. */
  listMentions(args: { scope: MentionScope; limit: number; after: TimeCursor | null }): MentionPage;
  /** Edits note, tags, tone or reach; marks the mention triaged. */
  updateMention(args: { id: string; patch: MentionPatch }): Mention;
  /**
   * Deletes mentions, keeping them first in an undo buffer (session storage, so that it
   * outlives a stopped background worker); nothing is deleted when the buffer can't be kept.
   */
  deleteMentions(args: { ids: string[] }): { deleted: number; undoToken: string };
  /** Puts the mentions of an undo buffer back exactly as they were. */
  restoreMentions(args: { undoToken: string }): { restored: number };
  /** Moves mentions into a crisis, or back to the inbox with null. */
  moveMentions(args: { ids: string[]; crisisId: string | null }): { moved: number };
  /** Opens a crisis, optionally from mentions (which move into it). */
  createCrisis(args: { title: string; level: Level; mentionIds: string[] }): Crisis;
  /** One page of crises, most recently opened first. */
  listCrises(args: {
    state: 'open' | 'closed' | 'all';
    limit: number;
    after: TimeCursor | null;
  }): CrisisPage;
  /** A crisis with its journal, oldest event first. */
  getCrisis(args: { id: string }): { crisis: Crisis; events: CrisisEvent[] };
  /** Changes a crisis (level, title, a checklist item…); every change is journaled. */
  updateCrisis(args: { id: string; change: CrisisChange }): Crisis;
  /** Earlier crises this one repeats, by root cause or by a site its mentions came from. */
  getRepeats(args: { id: string }): Repeat[];
  /** Moves a crisis to a step (forward, back, or skipping the ones between). */
  setCrisisStep(args: { id: string; step: StepId | 'closed' }): Crisis;
  getSettings(args: Record<string, never>): Settings;
  updateSettings(args: { patch: Partial<Settings> }): Settings;
  getCounts(args: Record<string, never>): LogCounts;
}

/** What the page gives the background when asked to capture the user's selection. */
export interface PageCapture {
  url: string;
  title: string;
  lang: string | null;
  selection: {
    /** The selected text as the user reads it (runs of blanks collapsed). */
    exact: string;
    quote: TextQuoteSelector;
    position: TextPositionSelector;
  } | null;
}

/** Calls that the background makes to Vigie's script in a page. */
export interface ContentCalls {
  /** Describes the current selection of this frame (null selection when there is none). */
  capture(args: Record<string, never>): PageCapture;
}

/** The envelope every message travels in. */
export interface Envelope<M, K extends keyof M = keyof M> {
  vigie: 1;
  call: K;
  args: M[K] extends (args: infer A) => unknown ? A : never;
}

export type CallArgs<M, K extends keyof M> = M[K] extends (args: infer A) => unknown ? A : never;
export type CallResult<M, K extends keyof M> = M[K] extends (...args: never[]) => infer R
  ? R
  : never;
