/**
 * What monitoring finds on a page, as the background keeps it: the watched terms seen there
 * (with their sentences and selectors), and which of the page's flagged quotes are found again.
 * The page's script only reads the page (page-read.ts): all of this is the background's.
 */
import type { MentionSelectors } from '../model/types';

/** At most this many sightings are reported for one page (the first ones found). */
export const MAX_SIGHTINGS = 50;

/**
 * A sighting's id: a fingerprint (FNV-1a) of its term and sentence, so that the same sighting
 * keeps its id when the page is watched again (after a flag, a change of the watchlist).
 */
export function sightingId(termId: string, exact: string): string {
  let hash = 0x811c9dc5;
  for (const c of `${termId}\n${exact}`) {
    hash ^= c.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `s${hash.toString(36)}`;
}

/** A flagged mention of the page, to find again and highlight. */
export interface FlaggedQuote {
  mentionId: string;
  selectors: MentionSelectors;
}

/** Whether a page's monitoring script is to read its page: false once monitoring is off. */
export interface MonitorConfig {
  on: boolean;
}

/** A watched term seen on a page, with the sentence around it, as flaggable as a selection. */
export interface PageSighting {
  /** The same for the same term and sentence (`sightingId`): the popup flags a sighting by it. */
  id: string;
  termId: string;
  /** The watched term as the user wrote it. */
  term: string;
  /** The sentence around the sighting, blanks collapsed (clipped when very long). */
  sentence: string;
  /** The whole sentence as the page writes it, blanks collapsed: the mention's quote. */
  exact: string;
  /** The sentence's W3C selectors in the page's text, as a right-click would describe it. */
  selectors: MentionSelectors;
}

/** A sighting as the background keeps it: with how negative its sentence reads. */
export interface ScoredSighting extends PageSighting {
  /** How negative the sentence reads, 0–1. */
  score: number;
  negative: boolean;
}

/** What the background found in a page's read: it replaces the tab's previous report. */
export interface MonitorReport {
  title: string;
  lang: string | null;
  sightings: PageSighting[];
  /** The flagged mentions of the page found again, and those that are not on it any more. */
  anchors: { found: string[]; missing: string[] };
}

/** A sighting as the popup shows it: flagged already (its mention's id) or not. */
export interface PopupSighting extends Pick<
  ScoredSighting,
  'id' | 'term' | 'sentence' | 'score' | 'negative'
> {
  mentionId: string | null;
}
