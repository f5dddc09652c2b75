/**
 * The message contracts between Vigie's contexts, one call map per direction.
 * Each call is a method signature: a wrong argument, a wrong result or a missing handler is a
 * compile error. Results and errors cross as data (`Result`), never as thrown exceptions.
 */
import type {
  BackupInfo,
  BackupPart,
  BackupStore,
  ImportMode,
  ImportPreview,
  ImportSummary,
  StoreCounts,
} from '../backup/format';
import type { CopySharing, EvidenceCheck } from '../model/evidence';
import type { PollState } from '../feeds/poll';
import type { FeedSighting, FeedSightingStatus, FeedSource } from '../feeds/records';
import type { SourceSpec } from '../feeds/sources';
import type {
  CrisisPage,
  CrisisSummary,
  MentionPage,
  MentionScope,
  TimeCursor,
} from '../model/paging';
import type { AgendaItem } from '../model/agenda';
import type { CrisisChange } from '../model/crisis-change';
import type { DayCount, LevelMetrics, MonthCount } from '../model/stats';
import type { Repeat } from '../model/recurrence';
import type { PageRead } from '../monitoring/page-read';
import type { MonitorConfig, PopupSighting } from '../monitoring/report';
import type { CrisisFilter, MentionFilter } from '../model/search';
import type {
  CaptureLimit,
  Crisis,
  CrisisEvent,
  Level,
  Mention,
  MentionPatch,
  MentionSelectors,
  Settings,
  StepId,
  TextPositionSelector,
  TextQuoteSelector,
} from '../model/types';

export type { CrisisFilter, EvidenceCheck, MentionFilter, MentionPatch };
export type { AppErrorData, ErrorCode, Result } from '../errors';
export type { CrisisPage, CrisisSummary, MentionPage, MentionScope, TimeCursor };

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

export interface PopupState {
  page: { url: string; title: string; canScript: boolean } | null;
  /** Mentions already flagged on the active page, newest first (at most 20). */
  pageMentions: Mention[];
  pageMentionCount: number;
  untriaged: number;
  openCrises: CrisisSummary[];
  monitor?: PageWatch;
  /** The team cell's sync, when one is connected. */
  cell?: CellStatus;
  /** Feed sightings waiting to be looked at, when there are any. */
  feeds?: PopupFeeds;
}

/** The newest feed sightings to review (at most 20), how many wait, their sources' labels. */
export interface PopupFeeds {
  items: FeedSighting[];
  total: number;
  labels: Record<string, string>;
}

/** What monitoring found on the active page; absent when monitoring is off. */
export interface PageWatch {
  /** Whether the user asked to see them highlighted on the page (`showOnPage`). */
  shown: boolean;
  /** The watched terms seen on the page, most negative first (at most 20). */
  sightings: PopupSighting[];
  sightingCount: number;
  /** Mentions flagged on this page that could not be found on it any more. */
  notFound: Mention[];
}

/** Whether pages are monitored, once the user asked to turn it on or off. */
export interface MonitoringState {
  settings: Settings;
  /** False when turning it on was asked without the browser granting access to pages. */
  granted: boolean;
}

export interface LogCounts {
  untriaged: number;
  inbox: number;
  mentions: number;
  openCrises: number;
  /** Deadlines overdue or due today across every crisis (the today view's first two groups). */
  due: number;
  /** Of which overdue. */
  overdue: number;
  /** Days since the last backup when the reminder setting says one is due, else null. */
  backupDueDays: number | null;
  /** The team cell's sync, or null when none is connected. */
  cell: CellStatus | null;
  /** Feed sightings waiting to be flagged or let go. */
  feeds: number;
}

export interface ChartsData {
  perDay: DayCount[];
  perMonth: MonthCount[];
  byLevel: LevelMetrics[];
}

/** Calls that the popup and the crisis log make to the background (which owns every write). */
export interface BackgroundCalls {
  /** Everything the popup renders, in one round trip. */
  getPopupState(args: { tabId: number | null }): PopupState;
  /**
   * Turns monitoring on (the page asked the browser for access to pages first, on the user's
   * click) or off: registers or unregisters the monitoring script and saves the setting.
   */
  setMonitoring(args: { on: boolean }): MonitoringState;
  /** Flags a sighting the popup lists, with its sentence's selectors, as a right-click would. */
  flagSighting(args: { tabId: number; sightingId: string; into: FlagInto }): FlagOutcome;
  /**
   * Highlights the page's sightings and flagged quotes in tab `tabId`, or takes them away: only
   * on this gesture of the user does the page get anything of Vigie's to see. `found`: how many
   * the page showed.
   */
  showOnPage(args: { tabId: number; show: boolean }): { shown: boolean; found: number };
  /** Flags the selection of a tab, or the page itself when nothing is selected. */
  flagTab(args: { tabId: number; into: FlagInto }): FlagOutcome;
  /** One page of mentions, newest first. */
  listMentions(args: {
    scope: MentionScope;
    limit: number;
    after: TimeCursor | null;
    /** Search words, tone, site, tag, dates and sort; newest first without one. */
    filter?: MentionFilter;
  }): MentionPage;
  /** Edits note, tags, tone or reach; marks the mention triaged. */
  updateMention(args: { id: string; patch: MentionPatch }): Mention;
  /**
   * Deletes mentions in batches, each kept first in an undo buffer (session storage, so that it
   * outlives a stopped background worker, or local storage once the session's is full). Stops
   * at a batch no storage can keep: `notDeleted` says how many were left; when it is the first
   * batch, nothing is deleted and the call fails with 'storage-full'.
   */
  deleteMentions(args: { ids: string[] }): {
    deleted: number;
    undoToken: string;
    notDeleted: number;
  };
  /** Puts the mentions of an undo buffer back as they were (all its batches). */
  restoreMentions(args: { undoToken: string }): { restored: number };
  /** Moves mentions into a crisis, or back to the inbox with null. */
  moveMentions(args: { ids: string[]; crisisId: string | null }): { moved: number };
  /** Adds tags to mentions in one go (an edit of each, like `updateMention`). */
  tagMentions(args: { ids: string[]; add: string[] }): { tagged: number };
  /** Opens a crisis, optionally from mentions (which move into it). */
  createCrisis(args: { title: string; level: Level; mentionIds: string[] }): Crisis;
  /** One page of crises, most recently opened first (unless the filter sorts oldest first). */
  listCrises(args: {
    state: 'open' | 'closed' | 'all';
    limit: number;
    after: TimeCursor | null;
    /** Title words, level, step and sort. */
    filter?: CrisisFilter;
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
  /** What is due across every crisis, soonest first (the today view groups it). */
  getAgenda(args: Record<string, never>): { items: AgendaItem[] };
  /** The charts' figures: flags per day over the last `days` days, crises, metrics by level. */
  getCharts(args: { days: number }): ChartsData;
  /** Versions, record counts and settings, to start a backup with. */
  backupInfo(args: Record<string, never>): BackupInfo;
  /**
   * One page of a store's records in id order, after the id `after` (a backup is read in pages:
   * a message is limited to 64 MiB, a large log is more).
   */
  backupPart(args: { store: BackupStore; after: string | null; limit: number }): BackupPart;
  /** A full backup made at `exportedAt` was saved: remember it (settings.lastBackupAt). */
  backupDone(args: { exportedAt: string }): Settings;
  /** Starts an import of a file holding `counts` records; they are then staged in pages. */
  importStart(args: { counts: StoreCounts }): { importId: string };
  /**
   * Stages a page of the file's records in the worker's memory (nothing is written); checked
   * again here. Fails with 'import-expired' when the worker restarted since `importStart`.
   */
  importStage(args: { importId: string; store: BackupStore | 'settings'; records: unknown[] }): {
    staged: number;
  };
  /**
   * Starts an import of the whole file, read by the worker itself from `url`, a blob: URL of
   * this extension the page made of the chosen file, and checked as the page checks it (nothing
   * is written); returns the import's id and what it holds. Fails with 'unavailable' when the
   * worker cannot read it: the page then stages the records in pages (`importStart`).
   */
  importStageFile(args: { url: string }): { importId: string; staged: StoreCounts };
  /** What importing the staged file would do, merging or replacing; nothing is written. */
  importPreview(args: { importId: string }): ImportPreview;
  /**
   * Imports the staged file in one transaction over every store: all of it, or nothing.
   * Fails with 'import-expired' when the staged records are gone: stage them again.
   */
  importCommit(args: { importId: string; mode: ImportMode }): ImportSummary;
  /** Forgets the staged records. */
  importCancel(args: { importId: string }): { cancelled: boolean };
  /**
   * Keeps a copy of the page in tab `tabId` as the mention's evidence, with its hash (MHTML in
   * Chromium once pageCapture is granted, the serialized document otherwise). A mention keeps
   * its first copy: asked again, it is returned as it is.
   */
  keepPageCopy(args: { mentionId: string; tabId: number }): Mention;
  /** Recomputes the hashes of the mention's capture and page copy against the saved ones. */
  verifyEvidence(args: { mentionId: string }): EvidenceCheck;
  /** The mention's page copy, to save as a file (base64: messages carry JSON). */
  getPageCopy(args: { mentionId: string }): PageCopyFile;
  /** The connected team cell and its sync, or null when none is connected. */
  getCellStatus(args: Record<string, never>): CellStatus | null;
  /** Tries a cell's server and credentials, and says what works or what fails. */
  testCell(args: { target: CellTarget }): CellTest;
  /**
   * Connects the log to a cell once the test passes (the page asked the browser for the
   * server's origin first, on the user's click); fails with the test's failure otherwise.
   */
  connectCell(args: { target: CellTarget; shareNew: boolean }): CellStatus;
  /** Disconnects the cell; with `forget`, the shared crises leave this browser too. */
  disconnectCell(args: { forget: boolean }): { forgotten: number };
  /** Shares a crisis with the cell: it, its journal and its mentions. */
  shareCrisis(args: { id: string }): CellStatus;
  /** Whether crises opened from now on are shared with the cell as they open. */
  setCellShareNew(args: { shareNew: boolean }): CellStatus;
  /** The watched feeds, in the order they were added. */
  listFeeds(args: Record<string, never>): { sources: FeedSourceView[] };
  /**
   * Adds a feed (the page asked the browser for its origin in the click) and reads it at once:
   * what it found, or why it failed, is in the source's poll state.
   */
  addFeed(args: { spec: SourceSpec; periodMin?: number }): FeedReadView;
  /** Reads a feed now. */
  readFeed(args: { id: string }): FeedReadView;
  /** Sets the minutes between two reads of a feed. */
  setFeedPeriod(args: { id: string; periodMin: number }): { source: FeedSourceView };
  /** Removes a feed; its origin is given back when nothing else needs it. */
  removeFeed(args: { id: string }): { removed: boolean };
  /** The feeds' sightings in `status`, most recently found first, and how many there are. */
  listFeedSightings(args: { status: FeedSightingStatus; limit: number }): {
    items: FeedSighting[];
    total: number;
  };
  /** Flags a feed sighting: its item's address, title and sentence become the mention. */
  flagFeedSighting(args: { id: string; into: FlagInto }): FlagOutcome;
  /** Lets a feed sighting go ('dismissed'), or takes it back ('new'). */
  setFeedSightingStatus(args: { id: string; status: 'new' | 'dismissed' }): {
    sighting: FeedSighting;
  };
  /** Where the page copy of a mention stands with the cell (shared, can be, or why not). */
  getCopySharing(args: { mentionId: string }): { sharing: CopySharing };
  /** Shares the page copy of a mention of a shared crisis with the cell, at the next sync. */
  sharePageCopy(args: { mentionId: string }): { sharing: CopySharing };
  /**
   * A sync round now. With `waitMs`, then waits that long at most for others' changes (the
   * crisis log asks again and again while open), unless changes came in since the page last
   * heard (`seen`, the `rounds` of its last answer). `rounds`: how many rounds brought others'
   * changes in since the worker started; a page that sees it change has changes to show.
   */
  syncCell(args: { waitMs?: number; seen?: number | null }): {
    rounds: number;
    failure: string | null;
  };
}

/** A feed source as the pages see it: its poll state without the keys of items read. */
export type FeedSourceView = Omit<FeedSource, 'poll'> & { poll: Omit<PollState, 'seenKeys'> };

/** What a read of a feed did: the source after it, items read, new sightings. */
export interface FeedReadView {
  source: FeedSourceView;
  items: number;
  sightings: number;
}

/** A cell's server, database and the member's credentials, as the user typed them. */
export interface CellTarget {
  server: string;
  db: string;
  user: string;
  password: string;
}

/** What a connection test found. */
export type CellTest =
  | { ok: true; user: string; version: string; docCount: number }
  | { ok: false; failure: string; status: number | null };

/** The connected cell as the popup and the log show it. */
export interface CellStatus {
  server: string;
  db: string;
  user: string;
  shareNew: boolean;
  /** The shared crises' ids. */
  shared: string[];
  /** Changes waiting for the server. */
  waiting: number;
  lastSyncAt: string | null;
  /** The failure of the last round ('unreachable', 'unauthorized'…), null once one passed. */
  lastError: string | null;
}

/** A kept page copy on its way to a file. */
export interface PageCopyFile {
  format: 'mhtml' | 'html';
  sha256: string;
  savedAt: string;
  bytes: number;
  base64: string;
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
  /**
   * Describes the selection of this frame that was flagged (null selection when there is none):
   * `said` is its text as the browser gave it at the click, when it did (see describeFlagged).
   */
  capture(args: { said?: string }): PageCapture;
}

/**
 * Calls that Vigie's monitoring script in a page makes to the background. Only scripts of
 * Vigie's own (a tab as sender) may make them, and they reach nothing else of the background.
 * Nothing they answer depends on the watchlist or on what was flagged.
 */
export interface MonitorCalls {
  /** This page has loaded: add the watch to it (monitor.js), if monitoring is on. */
  monitorStart(args: Record<string, never>): { started: boolean };
  /** Whether this page's script is to read its page. */
  monitorConfig(args: Record<string, never>): MonitorConfig;
  /** The page as the script read it (again): the background finds what is watched in it. */
  monitorReport(args: PageRead): { stored: boolean };
}

/** Calls that the background makes to the monitoring script of a page. */
export interface MonitorPageCalls {
  /** Removes every highlight and stops watching the page (monitoring was turned off). */
  monitorClear(args: Record<string, never>): { cleared: boolean };
  /** Reads the page again and sends it (the watchlist changed). */
  monitorRefresh(args: Record<string, never>): { refreshed: boolean };
  /** Draws these highlights, found by their selectors (the user asked, in the popup). */
  monitorShow(args: { highlights: ShownHighlight[] }): { found: number };
  /** Takes every highlight away (the user asked). */
  monitorHide(args: Record<string, never>): { hidden: boolean };
}

/** A highlight the user asked to see on the page: a watched term's sentence, a flagged quote. */
export interface ShownHighlight {
  kind: 'watch' | 'flagged';
  selectors: MentionSelectors;
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
