/**
 * One story, however many feeds tell it: the same article from Google News, a Google Alert and
 * the publisher's own feed is one sighting with three sources, not three. Items are the same
 * story when their addresses are the same once cleaned of what only tracks the reader, or,
 * failing that, when their titles read the same within 48 hours. Pure: the background looks
 * the candidates up by `storyLookup`'s keys (an IndexedDB index on each) and calls
 * `assignStory` with them, item by item.
 */
import { LIMITS } from '../model/limits';
import type { Iso } from '../model/types';
import { newId } from '../model/ids';
import { foldText } from '../text/fold';
import { HOUR } from '../time';
import type { FeedItem } from './types';

/**
 * Query parameters that say who sent the reader, never what they read: campaign tags (utm_,
 * AT Internet's at_ and xtor, Matomo's pk_ and mtm_, HubSpot's), click ids of ad networks,
 * newsletter ids, share buttons' markers. Compared in lower case.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'mc_cid',
  'mc_eid',
  'ref',
  'ref_src',
  'ref_url',
  'igshid',
  'igsh',
  'spm',
  '_hsenc',
  '_hsmi',
  'hsctatracking',
  'ocid',
  'cmpid',
  'cmp',
  'xtor',
  'xts',
  'xtref',
  '_ga',
  '_gl',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  'rb_clickid',
  's_cid',
  'soc_src',
  'soc_trk',
  'smid',
  'emc',
  'partner',
  'sr_share',
  'ito',
  'icid',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
]);
const TRACKING_PREFIXES = ['utm_', 'at_', 'pk_', 'mtm_', 'ns_', '__hs', 'hsa_'];

const isTracking = (name: string) => {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
};

/** Parameters that only ask for the AMP copy of the same page. */
const AMP_PARAMS = new Set(['amp', 'outputtype', '_amp']);

/**
 * `url` without what tracks the reader: campaign and click parameters, the fragment, any
 * credentials; host in lower case (as URL has it). Still an address to open: the scheme, the
 * host's `www.` and the parameters' order are kept. Null when it is not an http(s) URL.
 */
export function cleanUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  parsed.hash = '';
  parsed.username = '';
  parsed.password = '';
  const kept = [...parsed.searchParams].filter(([name]) => !isTracking(name));
  if (kept.length !== [...parsed.searchParams].length) {
    parsed.search = new URLSearchParams(kept).toString();
  }
  return parsed.href.replace(/\?$/, '');
}

/**
 * The page a Google AMP cache address serves, when `url` is one:
 * www.google.com/amp/s/host/path and host-com.cdn.ampproject.org/c/s/host/path.
 */
function unwrapAmpCache(url: URL): URL {
  const google = /^\/amp\/(s\/)?(.+)$/.exec(url.pathname);
  const cdn = /^\/[a-z]\/(s\/)?(.+)$/.exec(url.pathname);
  const match =
    /^(?:www\.)?google\.[a-z.]+$/.test(url.hostname) && google
      ? google
      : url.hostname.endsWith('.cdn.ampproject.org') && cdn
        ? cdn
        : null;
  if (!match) return url;
  try {
    return new URL(`${match[1] ? 'https' : 'http'}://${match[2]}${url.search}`);
  } catch {
    return url;
  }
}

/**
 * What makes two addresses the same page for grouping (not an address to open): the cleaned
 * URL without scheme, without a leading www., m. or amp. on the host, without the AMP variant
 * of the path (/amp, .amp, ?amp=1, ?outputType=amp) nor a trailing slash, parameters sorted.
 * Null when `url` is not an http(s) URL.
 */
export function urlKey(url: string): string | null {
  const cleaned = cleanUrl(url);
  if (cleaned === null) return null;
  const parsed = unwrapAmpCache(new URL(cleaned));
  const labels = parsed.hostname.split('.');
  // Only a first label, and only when a registrable name is left (m.example, not m.co).
  if (labels.length > 2 && /^(?:www\d?|m|mobile|amp)$/.test(labels[0]!)) labels.shift();
  const host = labels.join('.') + (parsed.port ? `:${parsed.port}` : '');
  const path = parsed.pathname
    .replace(/(?:\/amp|\.amp)(?=\/?$)/, '')
    .replace(/\/amp\.html$/, '.html')
    .replace(/\/+$/, '');
  // The AMP cache's address carries the page's own parameters, trackers included.
  const params = [...parsed.searchParams]
    .filter(([name]) => !isTracking(name) && !AMP_PARAMS.has(name.toLowerCase()))
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${host}${path}${query}`;
}

/** A title's end that names where it was published: " - Le Monde", " | BBC News". */
const PUBLISHER_SUFFIX = /\s+[-–—|]\s+([^-–—|]+)$/;

/**
 * A title as grouping compares it: folded (case, accents, ligatures), the publisher's name
 * that Google News and many feeds put after " - " or " | " left out, punctuation and blanks
 * made single spaces. The suffix stays when taking it would leave fewer than three words
 * ("Review - ACME phone" is not "Review"), or when it is long enough to be part of the title.
 */
export function foldTitle(title: string): string {
  const words = (text: string) =>
    foldText(text)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const suffix = PUBLISHER_SUFFIX.exec(title);
  if (suffix) {
    const head = words(title.slice(0, suffix.index));
    const publisher = words(suffix[1]!);
    if (head.split(' ').length >= 3 && publisher.split(' ').length <= 5) return head;
  }
  return words(title);
}

/**
 * The shortest folded title that groups items from different addresses: a title as short as
 * "Video" or "Live updates" names too many stories to be one.
 */
const MIN_TITLE_WORDS = 3;
const MIN_TITLE_LENGTH = 15;
/** How long after a story is first seen an item of the same title from elsewhere joins it. */
export const STORY_WINDOW_MS = 48 * HOUR;
/** At most this many sources and addresses are kept per story: a viral story has hundreds. */
const MAX_STORY_SOURCES = 100;
const MAX_STORY_URLS = 50;

/** A story as the background keeps it, and looks it up by `urlKeys` and `titleKey`. */
export interface StoryRef {
  id: string;
  /** The `urlKey` of each item's address (an IndexedDB multiEntry index). */
  urlKeys: string[];
  /** The folded title of its first item with one; '' when too short to group by. */
  titleKey: string;
  firstSeenAt: Iso;
  /** Ids of the sources that told it, first first. */
  sources: string[];
}

/** The keys to look an item's candidate stories up by: its address's, its title's. */
export function storyLookup(item: FeedItem): { urlKey: string | null; titleKey: string } {
  const key = item.url ? urlKey(item.url) : null;
  const title = foldTitle(item.title).slice(0, LIMITS.name);
  const groupable = title.length >= MIN_TITLE_LENGTH && title.split(' ').length >= MIN_TITLE_WORDS;
  return { urlKey: key, titleKey: groupable ? title : '' };
}

/**
 * The key that names an item across sources without the time window: its address's `urlKey`,
 * or, with no address, its folded title (else the start of its text) within its own source,
 * since a text without an address can only be told apart within the feed that gives it.
 */
export function storyKey(item: FeedItem, sourceId: string): string {
  const key = item.url ? urlKey(item.url) : null;
  if (key !== null) return `url:${key}`;
  const title = foldTitle(item.title) || foldTitle(item.text.slice(0, 500));
  return `text:${sourceId}\n${title.slice(0, LIMITS.name)}`;
}

/** `list` with `value` added at its end, unless there or full. */
const withValue = (list: readonly string[], value: string, max: number) =>
  list.includes(value) || list.length >= max ? [...list] : [...list, value];

/**
 * Which story `item`, just read from source `sourceId` at `seenAt`, belongs to among
 * `candidates` (the stories found by `storyLookup`'s keys; any others are ignored): the one
 * with its address, else one first seen within 48 hours with its title, which this source has
 * not told yet (a feed that gives two items the same title means two stories). Else a new
 * story. Returns the story as it is to be stored, the source and address added.
 */
export function assignStory(
  candidates: readonly StoryRef[],
  item: FeedItem,
  sourceId: string,
  seenAt: Iso,
  makeId: () => string = newId,
): { story: StoryRef; isNew: boolean } {
  const { urlKey: key, titleKey } = storyLookup(item);
  const at = Date.parse(seenAt);
  const byUrl = key === null ? undefined : candidates.find((s) => s.urlKeys.includes(key));
  const byTitle = (s: StoryRef) =>
    s.titleKey === titleKey &&
    !s.sources.includes(sourceId) &&
    Math.abs(at - Date.parse(s.firstSeenAt)) <= STORY_WINDOW_MS;
  const found = byUrl ?? (titleKey ? candidates.find(byTitle) : undefined);
  if (found) {
    return {
      story: {
        ...found,
        urlKeys: key === null ? [...found.urlKeys] : withValue(found.urlKeys, key, MAX_STORY_URLS),
        titleKey: found.titleKey || titleKey,
        sources: withValue(found.sources, sourceId, MAX_STORY_SOURCES),
      },
      isNew: false,
    };
  }
  return {
    story: {
      id: makeId(),
      urlKeys: key === null ? [] : [key],
      titleKey,
      firstSeenAt: seenAt,
      sources: [sourceId],
    },
    isNew: true,
  };
}
