/**
 * The lists Vigie reads page by page, newest first: their cursor, the scopes of the mention
 * list, and the pages of mentions and crises (a crisis as the lists and the popup show it).
 */
import type { AgendaItem } from './agenda';
import type { NextAction } from './next-action';
import type { Crisis, Level, Mention } from './types';

/** A cursor into a list ordered by time then id (newest first). */
export interface TimeCursor {
  at: string;
  id: string;
}

export type MentionScope = { in: 'inbox' } | { in: 'all' } | { in: 'crisis'; crisisId: string };

export interface MentionPage {
  items: Mention[];
  next: TimeCursor | null;
  /**
   * How many mentions the whole list holds; null when a filter makes that costly to know. A
   * filtered page may come back short with a `next`: reading stopped at its bound, not the list.
   */
  total: number | null;
}

export interface CrisisPage {
  items: CrisisSummary[];
  next: TimeCursor | null;
  /** As in `MentionPage`: null when a filter makes it costly to know. */
  total: number | null;
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
  /** The crisis's soonest deadline (overdue ones first), for a countdown; null when none. */
  due: AgendaItem | null;
}
