/**
 * The feeds a user can watch, and the address Vigie reads for each: any RSS, Atom or JSON feed,
 * or one built from what the user knows (a Google News query, a Mastodon hashtag, a YouTube
 * channel…). Pure: the settings screen checks what the user typed with `buildFeedUrl` and words
 * its problem; the background asks the browser for the feed's origin (`originPattern`) and for
 * nothing wider, since a permission is what lets the extension read another site.
 */
import { LIMITS, shorten } from '../model/limits';

/** The kinds of source, each with the form the settings screen shows for it. */
export const SOURCE_KINDS = [
  'url',
  'google-alerts',
  'google-news',
  'mastodon-tag',
  'mastodon-account',
  'hacker-news',
  'youtube',
  'bluesky',
  'reddit',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** What the user typed for a source, field by field, as the form keeps it. */
export type SourceSpec =
  /** Any RSS, Atom or JSON Feed address. */
  | { kind: 'url'; url: string }
  /** The address Google Alerts gives once an alert is set to "Deliver to: RSS feed". */
  | { kind: 'google-alerts'; url: string }
  /** A Google News search, in a language and country ("fr-FR", "en-US", or "fr", "en"). */
  | { kind: 'google-news'; query: string; locale: string }
  /** A hashtag ("#acme" or "acme") on an instance ("mastodon.social"), or the tag's page URL. */
  | { kind: 'mastodon-tag'; tag: string; instance?: string }
  /** "@user@instance", "user@instance", the profile's URL, or "user" with `instance`. */
  | { kind: 'mastodon-account'; account: string; instance?: string }
  /** A Hacker News search (hnrss.org), as RSS or as JSON Feed. */
  | { kind: 'hacker-news'; query: string; format?: 'rss' | 'json' }
  /** A channel id (UC + 22 characters), or any address holding it. */
  | { kind: 'youtube'; channel: string }
  /** A Bluesky handle, with or without @, a DID, or the profile's URL. */
  | { kind: 'bluesky'; handle: string }
  /**
   * New posts of a subreddit ("r/name", "a+b" for several), a Reddit search, or a search in a
   * subreddit. `feedToken` (the `feed=` of the user's private RSS address, or that whole
   * address) with `user`: Reddit refuses feeds to anonymous readers, not to its own users.
   */
  | { kind: 'reddit'; subreddit?: string; query?: string; feedToken?: string; user?: string };

/** Why a source cannot be built; the settings screen words each one beside `field`. */
export type SourceProblem =
  /** A field the kind needs is blank. */
  | 'empty'
  /** Longer than Vigie keeps (LIMITS). */
  | 'too-long'
  /** Not a web address (http or https). */
  | 'bad-url'
  /** `http:` to another computer: a feed read in clear can be changed on the way. */
  | 'not-https'
  /** A user name or password in the address: Vigie sends no credentials to a feed. */
  | 'credentials'
  /** Not a Google Alerts feed address (www.google.com/alerts/feeds/…/…). */
  | 'bad-alert-url'
  /** Not a language ("fr"), nor a language and country ("fr-FR"), that Vigie knows. */
  | 'bad-locale'
  /** Not a server's name ("mastodon.social"). */
  | 'bad-instance'
  | 'bad-hashtag'
  /** Not a user name or handle the service accepts. */
  | 'bad-handle'
  /** No YouTube channel id (UC followed by 22 characters) in what was typed. */
  | 'bad-channel-id'
  | 'bad-subreddit'
  /** Not the `feed=` token of a private Reddit RSS address. */
  | 'bad-reddit-token';

export type BuiltSource =
  | {
      ok: true;
      /** The feed's address, as fetched. */
      url: string;
      /**
       * A short name of the source in no language (a query, "#tag@instance", "r/name"): the UI
       * puts the kind's name before it, and may prefer the feed's own title once it is read.
       * Never holds a secret (Reddit's token).
       */
      label: string;
    }
  | {
      ok: false;
      problem: SourceProblem;
      /** The field of the spec at fault, for the form to mark it. */
      field: string;
    };

type Failure = Extract<BuiltSource, { ok: false }>;
const fail = (problem: SourceProblem, field: string): Failure => ({ ok: false, problem, field });

/** Hosts that are this computer: `http:` is allowed there (the tests serve their feeds there). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** Whether `hostname` (as `URL.hostname` spells it) is this computer. */
export function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}

/** A DNS name of at least two labels, the last not all digits (IDNs arrive as punycode). */
const DNS_NAME =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const isDnsName = (host: string) => DNS_NAME.test(host) || /\.xn--[a-z0-9-]+$/.test(host);

/** User text trimmed, its runs of blanks (a pasted line break) made one space. */
const clean = (text: string | undefined) => (text ?? '').trim().replace(/\s+/g, ' ');

/** `text` as an absolute URL: "https://" is assumed when no scheme is given; null if not one. */
function parseLoose(text: string): URL | null {
  let source = text;
  // feed:https://host/x and feed://host/x are how some pages link a feed for a reader.
  if (/^feed:/i.test(source))
    source = source.replace(/^feed:(\/\/)?/i, (_m, slashes) => (slashes ? 'https://' : ''));
  if (!source.includes('://')) source = `https://${source}`;
  try {
    return new URL(source);
  } catch {
    return null;
  }
}

/**
 * A web address the user typed, checked: http(s), no credentials, `http:` only to this
 * computer; the fragment (never sent to a server) left out.
 */
function checkedUrl(text: string, field: string): URL | Failure {
  const typed = clean(text);
  if (!typed) return fail('empty', field);
  if (typed.length > LIMITS.url) return fail('too-long', field);
  const url = parseLoose(typed);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname) {
    return fail('bad-url', field);
  }
  if (url.username || url.password) return fail('credentials', field);
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) return fail('not-https', field);
  url.hash = '';
  return url;
}

/** A query for a search service: trimmed, not empty, within a name's length. */
function checkedQuery(text: string | undefined, field: string): string | Failure {
  const query = clean(text);
  if (!query) return fail('empty', field);
  if (query.length > LIMITS.name) return fail('too-long', field);
  return query;
}

const isFailure = (value: unknown): value is Failure =>
  typeof value === 'object' && value !== null && 'ok' in value && value.ok === false;

/** The host of a server the user named ("mastodon.social", "https://mastodon.social/"). */
function checkedInstance(text: string | undefined, field: string): string | Failure {
  const typed = clean(text).replace(/^@/, '');
  if (!typed) return fail('empty', field);
  if (typed.length > LIMITS.name) return fail('too-long', field);
  const url = parseLoose(typed);
  if (!url || url.protocol !== 'https:' || url.username || url.password) {
    return fail('bad-instance', field);
  }
  if (url.pathname !== '/' || url.search || !isDnsName(url.hostname)) {
    return fail('bad-instance', field);
  }
  return url.host;
}

/** Google News's own spelling of a language in its home country ("hl=fr", not "hl=fr-FR"). */
const HOME_COUNTRY: Readonly<Record<string, string>> = {
  fr: 'FR',
  de: 'DE',
  es: 'ES',
  it: 'IT',
  nl: 'NL',
  pt: 'PT',
  pl: 'PL',
};
/** The country a bare language means; English has no home, so "en" is Google's en-US. */
const DEFAULT_COUNTRY: Readonly<Record<string, string>> = { ...HOME_COUNTRY, en: 'US' };

/**
 * Google News's `hl`, `gl` and `ceid` for a locale, as its own edition links spell them:
 * fr-FR → hl=fr&gl=FR&ceid=FR:fr, en-US → hl=en-US&gl=US&ceid=US:en, fr-CA → hl=fr-CA.
 */
export function googleNewsEdition(locale: string): { hl: string; gl: string; ceid: string } | null {
  const match = /^([a-z]{2})(?:[-_]([a-z]{2}))?$/i.exec(locale.trim());
  if (!match) return null;
  const lang = match[1]!.toLowerCase();
  const country = match[2]?.toUpperCase() ?? DEFAULT_COUNTRY[lang];
  if (!country) return null;
  const hl = HOME_COUNTRY[lang] === country ? lang : `${lang}-${country}`;
  return { hl, gl: country, ceid: `${country}:${lang}` };
}

/** A Mastodon user name as its servers accept it (letters, digits, _, and . or - inside). */
const MASTODON_USER = /^[a-z0-9_]+(?:[a-z0-9_.-]*[a-z0-9_])?$/i;
/** A hashtag as Mastodon reads one: letters, digits, _ and ·, not digits alone. */
const HASHTAG = /^[\p{L}\p{M}\p{N}_·]+$/u;

function mastodonTag(spec: { tag: string; instance?: string }): BuiltSource {
  let tag = clean(spec.tag);
  let instance: string | Failure | undefined;
  const pasted = /^https:\/\/([^/]+)\/tags\/([^/?#]+)/i.exec(tag);
  if (pasted) {
    instance = checkedInstance(pasted[1], 'tag');
    tag = decodeURIComponentSafe(pasted[2]!);
  } else {
    instance = checkedInstance(spec.instance, 'instance');
  }
  tag = tag.replace(/^#/, '');
  if (!tag) return fail('empty', 'tag');
  if (tag.length > LIMITS.tag) return fail('too-long', 'tag');
  if (!HASHTAG.test(tag) || /^[\p{N}_·]+$/u.test(tag)) return fail('bad-hashtag', 'tag');
  if (isFailure(instance)) return instance;
  return {
    ok: true,
    url: `https://${instance}/tags/${encodeURIComponent(tag)}.rss`,
    label: `#${tag}@${instance}`,
  };
}

function mastodonAccount(spec: { account: string; instance?: string }): BuiltSource {
  const typed = clean(spec.account);
  if (!typed) return fail('empty', 'account');
  if (typed.length > LIMITS.name) return fail('too-long', 'account');
  let user: string;
  let instance: string | Failure;
  const profile = /^https:\/\/([^/]+)\/(?:@|users\/)([^/?#]+)/i.exec(typed);
  if (profile) {
    // A server shows another server's user as /@user@their.server: the feed is on theirs.
    const [name = '', host = profile[1]] = decodeURIComponentSafe(profile[2]!).split('@');
    user = name;
    instance = checkedInstance(host, 'account');
  } else {
    // "@user@instance" and "user@instance" name the user's own server, whatever `instance` says.
    const [name = '', host, ...rest] = typed.replace(/^@/, '').split('@');
    if (rest.length > 0) return fail('bad-handle', 'account');
    user = name;
    instance =
      host === undefined
        ? checkedInstance(spec.instance, 'instance')
        : checkedInstance(host, 'account');
  }
  if (!MASTODON_USER.test(user)) return fail('bad-handle', 'account');
  if (isFailure(instance)) return instance;
  return { ok: true, url: `https://${instance}/@${user}.rss`, label: `@${user}@${instance}` };
}

/** A channel id: UC and 22 characters of base64url, not inside a longer run of them. */
const CHANNEL_ID = /(?:^|[^A-Za-z0-9_-])(UC[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/;

function youtube(spec: { channel: string }): BuiltSource {
  const typed = clean(spec.channel);
  if (!typed) return fail('empty', 'channel');
  if (typed.length > LIMITS.url) return fail('too-long', 'channel');
  // A /@name or /c/name address holds no id, and finding it would mean reading YouTube's page.
  const id = CHANNEL_ID.exec(typed)?.[1];
  if (!id) return fail('bad-channel-id', 'channel');
  return { ok: true, url: `https://www.youtube.com/feeds/videos.xml?channel_id=${id}`, label: id };
}

/** A DID of the two methods Bluesky uses. */
const DID = /^did:(?:plc:[a-z2-7]{24}|web:[a-z0-9.-]+)$/;

function bluesky(spec: { handle: string }): BuiltSource {
  let typed = clean(spec.handle);
  const profile = /^https:\/\/bsky\.app\/profile\/([^/?#]+)/i.exec(typed);
  if (profile) typed = decodeURIComponentSafe(profile[1]!);
  const handle = typed.replace(/^@/, '').toLowerCase();
  if (!handle) return fail('empty', 'handle');
  if (handle.length > LIMITS.name) return fail('too-long', 'handle');
  if (!DID.test(handle) && !isDnsName(handle)) return fail('bad-handle', 'handle');
  return {
    ok: true,
    url: `https://bsky.app/profile/${handle}/rss`,
    label: handle.startsWith('did:') ? handle : `@${handle}`,
  };
}

/** A subreddit's name as Reddit allows it (old ones have two letters). */
const SUBREDDIT = /^[a-z0-9][a-z0-9_]{1,20}$/i;
const REDDIT_USER = /^[a-z0-9_-]{3,20}$/i;
const REDDIT_TOKEN = /^[a-z0-9_-]{8,200}$/i;

function reddit(spec: {
  subreddit?: string;
  query?: string;
  feedToken?: string;
  user?: string;
}): BuiltSource {
  let subreddit = clean(spec.subreddit);
  const typedQuery = clean(spec.query);
  if (!subreddit && !typedQuery) return fail('empty', 'subreddit');
  if (subreddit) {
    subreddit = subreddit
      .replace(/^(?:(?:https?:\/\/)?(?:[a-z]+\.)?reddit\.com)?\/?r\//i, '')
      .replace(/[/?#].*$/, '');
    if (!subreddit.split('+').every((name) => SUBREDDIT.test(name))) {
      return fail('bad-subreddit', 'subreddit');
    }
  }
  const query = typedQuery ? checkedQuery(typedQuery, 'query') : '';
  if (isFailure(query)) return query;

  let token = clean(spec.feedToken);
  let user = clean(spec.user).replace(/^\/?u\//i, '');
  if (token.includes('feed=')) {
    // The whole private address, pasted from reddit.com/prefs/feeds: it names the user too.
    const params = new URLSearchParams(token.slice(token.indexOf('?') + 1));
    token = params.get('feed') ?? '';
    user = params.get('user') ?? user;
  }
  if (token && !REDDIT_TOKEN.test(token)) return fail('bad-reddit-token', 'feedToken');
  if (token && !user) return fail('empty', 'user');
  if (token && !REDDIT_USER.test(user)) return fail('bad-handle', 'user');

  // New posts, not the "hot" listing: a post few people upvote is still a mention.
  const base = 'https://www.reddit.com';
  const params = new URLSearchParams();
  let path: string;
  if (query) {
    path = subreddit ? `/r/${subreddit}/search.rss` : '/search.rss';
    params.set('q', query);
    params.set('sort', 'new');
    if (subreddit) params.set('restrict_sr', '1');
  } else {
    path = `/r/${subreddit}/new/.rss`;
  }
  if (token) {
    params.set('feed', token);
    params.set('user', user);
  }
  const search = params.toString().replace(/\+/g, '%20');
  const label = [subreddit && `r/${subreddit}`, query].filter(Boolean).join(': ');
  return { ok: true, url: `${base}${path}${search ? `?${search}` : ''}`, label };
}

function googleAlerts(spec: { url: string }): BuiltSource {
  const typed = clean(spec.url);
  if (!typed) return fail('empty', 'url');
  if (typed.length > LIMITS.url) return fail('too-long', 'url');
  const url = parseLoose(typed);
  const path = url && /^\/alerts\/feeds\/(\d{1,40})\/(\d{1,40})\/?$/.exec(url.pathname);
  if (
    !url ||
    !path ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.username ||
    url.password ||
    !/^(?:www\.)?google\.com$/.test(url.hostname)
  ) {
    return fail('bad-alert-url', 'url');
  }
  // Google serves the feed over https whatever was pasted.
  const canonical = `https://www.google.com/alerts/feeds/${path[1]}/${path[2]}`;
  return { ok: true, url: canonical, label: canonical.slice('https://'.length) };
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The feed address of a source, or the problem with what the user typed (and the field it is
 * in). Every text is trimmed and bounded; what goes into an address is escaped, so a query
 * with "&", "#" or quotes stays one query.
 */
export function buildFeedUrl(spec: SourceSpec): BuiltSource {
  switch (spec.kind) {
    case 'url': {
      const url = checkedUrl(spec.url, 'url');
      if (isFailure(url)) return url;
      const label = shorten(url.href.replace(/^https?:\/\//, '').replace(/\/$/, ''), LIMITS.name);
      return { ok: true, url: url.href, label };
    }
    case 'google-alerts':
      return googleAlerts(spec);
    case 'google-news': {
      const query = checkedQuery(spec.query, 'query');
      if (isFailure(query)) return query;
      const edition = googleNewsEdition(spec.locale);
      if (!edition) return fail('bad-locale', 'locale');
      const { hl, gl, ceid } = edition;
      return {
        ok: true,
        url: `https://news.google.com/rss/search?q=${encodeURIComponent(query)}&hl=${hl}&gl=${gl}&ceid=${ceid}`,
        label: `${query} (${ceid.slice(gl.length + 1)}-${gl})`,
      };
    }
    case 'mastodon-tag':
      return mastodonTag(spec);
    case 'mastodon-account':
      return mastodonAccount(spec);
    case 'hacker-news': {
      const query = checkedQuery(spec.query, 'query');
      if (isFailure(query)) return query;
      const feed = spec.format === 'json' ? 'newest.jsonfeed' : 'newest';
      return {
        ok: true,
        url: `https://hnrss.org/${feed}?q=${encodeURIComponent(query)}`,
        label: query,
      };
    }
    case 'youtube':
      return youtube(spec);
    case 'bluesky':
      return bluesky(spec);
    case 'reddit':
      return reddit(spec);
  }
}

/**
 * The host permission to ask for before reading `url`: `https://host/*`, or `http://host/*`
 * for this computer alone; null for any other address. Without the port: Chrome's patterns
 * match every port when none is given, and Firefox's refuse a port (bug 1362809).
 */
export function originPattern(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.username || parsed.password || !parsed.hostname) return null;
  if (parsed.protocol === 'https:') return `https://${parsed.hostname}/*`;
  if (parsed.protocol === 'http:' && isLoopback(parsed.hostname)) {
    return `http://${parsed.hostname}/*`;
  }
  return null;
}
