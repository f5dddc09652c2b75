/**
 * Feed watch's calls: the sources (add one, tested at once; read now; its period; remove),
 * and the sightings their items gave (list, flag in one click, let go or take back). A source
 * is read only once the browser granted its origin, which the page asks for in the click.
 */
import { browser } from '../../core/browser';
import {
  countFeedSightings,
  getSighting,
  getSource,
  listSightings,
  listSources,
  putSource,
  removeSource,
  setSightingStatus,
} from '../../core/db/feeds';
import { AppError } from '../../core/errors';
import { initialPollState, MIN_PERIOD_MIN, DEFAULT_PERIOD_MIN } from '../../core/feeds/poll';
import type { FeedSource } from '../../core/feeds/records';
import {
  buildFeedUrl,
  originPattern,
  SOURCE_KINDS,
  type SourceSpec,
} from '../../core/feeds/sources';
import { LIMITS } from '../../core/model/limits';
import type { FeedSourceView } from '../../core/messaging/protocol';
import { newId } from '../../core/model/ids';
import { readTarget } from '../cell';
import { feedAlarm, readSource, type FeedRead } from '../feeds';
import { fileFlag } from '../flag';
import type { HandlerDeps } from '../deps';
import { pageSize, type Calls } from './args';

/** The longest period between two reads a user may set: a week. */
const MAX_PERIOD_MIN = 7 * 24 * 60;

/** A period as asked, within the browser's minimum and a week. */
function periodOf(asked: unknown): number {
  const minutes = Math.round(Number(asked ?? DEFAULT_PERIOD_MIN));
  if (!Number.isFinite(minutes)) throw new AppError('bad-request', 'periodMin must be a number');
  return Math.min(MAX_PERIOD_MIN, Math.max(MIN_PERIOD_MIN, minutes));
}

/** The fields a source's spec may hold: what is stored of what the page sent, and no more. */
const SPEC_FIELDS = [
  'url',
  'query',
  'locale',
  'format',
  'tag',
  'instance',
  'account',
  'channel',
  'handle',
  'subreddit',
  'feedToken',
  'user',
] as const;

/** The spec the page sent, its known text fields only, each bounded; or a bad request. */
function specOf(asked: unknown): SourceSpec {
  const raw = (asked ?? {}) as Record<string, unknown>;
  if (typeof raw.kind !== 'string' || !(SOURCE_KINDS as readonly string[]).includes(raw.kind)) {
    throw new AppError('bad-request', 'spec.kind is not a kind of source');
  }
  const spec: Record<string, string> = { kind: raw.kind };
  for (const field of SPEC_FIELDS) {
    const value = raw[field];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.length > LIMITS.url) {
      throw new AppError('feed', 'too-long');
    }
    spec[field] = value;
  }
  return spec as unknown as SourceSpec;
}

/** A source as the pages see it: without the keys of the items already read. */
function view(source: FeedSource): FeedSourceView {
  const { seenKeys: _seen, ...poll } = source.poll;
  return { ...source, poll };
}

function readView(read: FeedRead) {
  return {
    source: view(read.source),
    items: read.items,
    sightings: read.sightings.length,
  };
}

export function createFeedCalls(
  deps: HandlerDeps,
): Calls<
  | 'listFeeds'
  | 'addFeed'
  | 'readFeed'
  | 'setFeedPeriod'
  | 'removeFeed'
  | 'listFeedSightings'
  | 'flagFeedSighting'
  | 'setFeedSightingStatus'
> {
  const { db } = deps;
  const sourceOrThrow = async (id: string) => {
    const source = await getSource(db, String(id));
    if (!source) throw new AppError('not-found', `No feed source ${id}`);
    return source;
  };
  const read = async (id: string) => {
    const done = await readSource(deps, id);
    if (!done) throw new AppError('not-found', `No feed source ${id}`);
    if (done.sightings.length > 0) deps.changed({ crises: false });
    return readView(done);
  };
  return {
    async listFeeds() {
      return { sources: (await listSources(db)).map(view) };
    },

    async addFeed({ spec: asked, periodMin }) {
      const spec = specOf(asked);
      const built = buildFeedUrl(spec);
      if (!built.ok) throw new AppError('feed', built.problem);
      const pattern = originPattern(built.url);
      if (!pattern) throw new AppError('feed', 'not-https');
      // The page asked for the origin in the user's click; without it nothing is read.
      if (!(await browser.permissions.contains({ origins: [pattern] }))) {
        throw new AppError('feed', 'refused');
      }
      const now = deps.now();
      const source: FeedSource = {
        id: newId(),
        spec,
        url: built.url,
        label: built.label,
        addedAt: now.toISOString(),
        periodMin: periodOf(periodMin),
        poll: initialPollState(now.getTime()),
      };
      await putSource(db, source);
      return read(source.id);
    },

    async readFeed({ id }) {
      await sourceOrThrow(id);
      return read(String(id));
    },

    async setFeedPeriod({ id, periodMin }) {
      const source = await sourceOrThrow(id);
      const next = { ...source, periodMin: periodOf(periodMin) };
      await putSource(db, next);
      return { source: view(next) };
    },

    async removeFeed({ id }) {
      const source = await sourceOrThrow(id);
      await removeSource(db, source.id);
      await browser.alarms.clear(feedAlarm(source.id));
      // The origin was asked for this source: it is given back unless another source, or the
      // team cell's server, still needs it.
      const pattern = originPattern(source.url);
      const others = (await listSources(db)).map((s) => originPattern(s.url));
      // The cell's server in the same form as the feeds' patterns (host only, any port), so
      // that a feed on the cell's host never takes the host the cell reads from with it.
      const cell = await readTarget();
      const cellPattern = cell ? originPattern(cell.server) : null;
      if (pattern && !others.includes(pattern) && pattern !== cellPattern) {
        await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
      }
      return { removed: true };
    },

    async listFeedSightings({ status, limit }) {
      const wanted = status === 'dismissed' || status === 'flagged' ? status : 'new';
      const [items, total] = await Promise.all([
        listSightings(db, wanted, pageSize(limit)),
        countFeedSightings(db, wanted),
      ]);
      return { items, total };
    },

    async flagFeedSighting({ id, into }) {
      const sighting = await getSighting(db, String(id));
      if (!sighting) throw new AppError('not-found', `No feed sighting ${id}`);
      const outcome = await fileFlag(
        deps,
        { pageUrl: sighting.url, pageTitle: sighting.title },
        {
          url: sighting.url,
          title: sighting.title,
          lang: null,
          selection: {
            exact: sighting.exact,
            quote: sighting.selectors.quote,
            position: sighting.selectors.position,
          },
        },
        into,
      );
      await setSightingStatus(db, sighting.id, 'flagged', outcome.mention.id);
      deps.changed({ crises: outcome.crisis !== null });
      await deps.notifyFlagged(outcome);
      return outcome;
    },

    async setFeedSightingStatus({ id, status }) {
      if (status !== 'new' && status !== 'dismissed') {
        throw new AppError('bad-request', 'status is new or dismissed');
      }
      const sighting = await setSightingStatus(db, String(id), status);
      if (!sighting) throw new AppError('not-found', `No feed sighting ${id}`);
      deps.changed({ crises: false });
      return { sighting };
    },
  };
}
