// The shapes a feed takes once read: shared by the parser, the poller and the story grouping.

/** The formats Vigie reads. */
export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

/** One item of a feed, as plain text: nothing in it is HTML any more. */
export interface FeedItem {
  /** The feed's own id for the item (guid, Atom id, JSON Feed id), when it gives one. */
  readonly guid?: string;
  /** Absolute http(s) URL of the item, resolved and unwrapped from redirect links; '' when none. */
  readonly url: string;
  /** The item's title as text, bounded. */
  readonly title: string;
  /** The item's body (summary, description or content) as text, bounded. */
  readonly text: string;
  /** ISO 8601 time the feed says the item was published or updated, when it can be read. */
  readonly published?: string;
  /** Author name as text, when given. */
  readonly author?: string;
}

/** A feed once parsed. */
export interface ParsedFeed {
  readonly format: FeedFormat;
  /** The feed's title as text. */
  readonly title: string;
  /** The site the feed belongs to, absolute, when it says. */
  readonly siteUrl?: string;
  /** The feed's language tag when it gives one (RSS `language`, Atom `xml:lang`, JSON Feed). */
  readonly lang?: string;
  readonly items: readonly FeedItem[];
}

/** Why a feed could not be read; the UI words each one. */
export type FeedFailure =
  'not-a-feed' | 'malformed' | 'too-large' | 'too-many-entities' | 'unsupported-charset';

/** What the parser returns: data, never a throw. */
export type ParseResult =
  | { readonly ok: true; readonly feed: ParsedFeed }
  | { readonly ok: false; readonly failure: FeedFailure; readonly detail?: string };
