/**
 * Feed watch's records, as the database keeps them and the pages show them: a source the user
 * added with what its polls left, and a sighting, one per story its items told.
 */
import type { Iso, MentionSelectors } from '../model/types';
import type { PollState } from './poll';
import type { SourceSpec } from './sources';
import type { StoryRef } from './stories';

/** A feed the user watches. */
export interface FeedSource {
  id: string;
  /** What the user typed, kind by kind (the form shows it again). */
  spec: SourceSpec;
  /** The feed's address, built from `spec`. */
  url: string;
  /** A short name of the source for lists ("#acme@mastodon.social"). */
  label: string;
  addedAt: Iso;
  /** Minutes between two reads. */
  periodMin: number;
  poll: PollState;
}

/** What a sighting of a feed became: waiting, let go, or flagged as a mention. */
export type FeedSightingStatus = 'new' | 'dismissed' | 'flagged';

/** A story found in the feeds that names watched terms: the first item's match, its sources. */
export interface FeedSighting extends StoryRef {
  lastSeenAt: Iso;
  /** The item's address ('' when the feed gave none) and title, as text, bounded. */
  url: string;
  title: string;
  publishedAt: Iso | null;
  /** The sentence shown and quoted when flagged, where it is, and how negative it reads. */
  field: 'title' | 'text';
  exact: string;
  sentence: string;
  selectors: MentionSelectors;
  score: number;
  negative: boolean;
  terms: { termId: string; term: string }[];
  status: FeedSightingStatus;
  mentionId: string | null;
  /** Found on its source's first read: it was there before the source was added. */
  baseline: boolean;
}
