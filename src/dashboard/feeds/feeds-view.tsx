/**
 * The crisis log's "Feeds" screen: what the watched feeds found (one line per story, however
 * many sources told it), to flag in one click or let go; then the sources, each with its last
 * good read, its last failure, the items it gave and its next read, and the form that adds one.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { t, tn } from '../../core/i18n';
import type { FeedSighting, FeedSightingStatus } from '../../core/feeds/records';
import type { AppErrorData, FeedSourceView } from '../../core/messaging/protocol';
import { ask } from '../../ui/background';
import { ErrorMessage, LiveRegion } from '../../ui/components';
import { FeedSightingItem } from '../../ui/feed-sighting-item';
import { sourceStatusText } from '../../ui/feed-text';
import { PeriodSelect } from './period-select';
import { SourceForm } from './source-form';
import './feeds.css';

/** How often the screen reads its lists again while open: the feeds are read in the background. */
const REFRESH_MS = 15_000;
const SHOWN = 100;

/**
 * A call the user asked for: busy meanwhile, its error kept; once it went through, `done`
 * (what follows it: the lists read again).
 */
function useCall(done: () => void | Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const run = async (call: () => Promise<{ ok: boolean; error?: AppErrorData }>) => {
    setBusy(true);
    setError(null);
    const reply = await call();
    setBusy(false);
    if (!reply.ok && reply.error) setError(reply.error);
    else await done();
    return reply.ok;
  };
  return { busy, error, setError, run };
}

function SourceRow(props: { source: FeedSourceView; onChanged: () => void }) {
  const { source } = props;
  const { busy, error, run } = useCall(props.onChanged);
  return (
    <li class="feed-source" data-testid="feed-source">
      <p>
        <strong data-testid="feed-source-label">{source.label}</strong>{' '}
        <span class="small muted feed-url">{source.url}</span>
      </p>
      <p
        class={source.poll.lastError ? 'small warning' : 'small muted'}
        data-testid="feed-source-status"
      >
        {sourceStatusText(source)}
      </p>
      <div class="meta">
        <PeriodSelect
          id={`feed-period-${source.id}`}
          value={source.periodMin}
          onChange={(periodMin) =>
            void run(() => ask('setFeedPeriod', { id: source.id, periodMin }))
          }
        />
        <button
          type="button"
          class="button"
          disabled={busy}
          data-testid="feed-source-read"
          aria-label={t('feedReadNowOf', source.label)}
          onClick={() => void run(() => ask('readFeed', { id: source.id }))}
        >
          {t('feedReadNow')}
        </button>
        <button
          type="button"
          class="button"
          disabled={busy}
          data-testid="feed-source-remove"
          aria-label={t('feedRemoveOf', source.label)}
          onClick={() => void run(() => ask('removeFeed', { id: source.id }))}
        >
          {t('feedRemove')}
        </button>
      </div>
      <ErrorMessage error={error} />
    </li>
  );
}

export function FeedsView(props: { onChanged: () => void }) {
  const [status, setStatus] = useState<FeedSightingStatus>('new');
  const [sightings, setSightings] = useState<{ items: FeedSighting[]; total: number } | null>(null);
  const [sources, setSources] = useState<FeedSourceView[] | null>(null);
  const [said, setSaid] = useState('');
  const { busy, error, setError, run } = useCall(async () => {
    props.onChanged();
    await load();
  });

  /** Whether any term is watched: with none, no feed item can be found. */
  const [watching, setWatching] = useState<boolean | null>(null);

  const load = useCallback(async () => {
    const [list, feeds, settings] = await Promise.all([
      ask('listFeedSightings', { status, limit: SHOWN }),
      ask('listFeeds', {}),
      ask('getSettings', {}),
    ]);
    if (list.ok) setSightings(list.value);
    else setError(list.error);
    if (feeds.ok) setSources(feeds.value.sources);
    if (settings.ok) setWatching(settings.value.watchlist.length > 0);
  }, [status]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  // The screen is ready once both lists are known (tests and screenshots wait for it).
  useEffect(() => {
    if ((sightings && sources) || error) document.body.dataset.ready = 'true';
  }, [sightings, sources, error]);

  const labels = new Map((sources ?? []).map((s) => [s.id, s.label]));
  const act = async (call: () => Promise<{ ok: boolean; error?: AppErrorData }>, text: string) => {
    setSaid('');
    if (await run(call)) setSaid(text);
  };

  return (
    <>
      <h1>{t('navFeeds')}</h1>
      <p class="muted">{t('feedsIntro')}</p>
      <section aria-labelledby="feed-sightings-title">
        <h2 id="feed-sightings-title">{t('feedSightingsTitle')}</h2>
        <div class="feed-filter" role="group" aria-label={t('feedSightingsShow')}>
          {(['new', 'dismissed', 'flagged'] as const).map((s) => (
            <button
              key={s}
              type="button"
              class={status === s ? 'button primary' : 'button'}
              aria-pressed={status === s}
              data-testid={`feed-show-${s}`}
              onClick={() => setStatus(s)}
            >
              {t(
                s === 'new'
                  ? 'feedShowNew'
                  : s === 'dismissed'
                    ? 'feedShowDismissed'
                    : 'feedShowFlagged',
              )}
            </button>
          ))}
        </div>
        {watching === false && (
          <p class="warning" data-testid="feed-no-terms">
            {t('feedNoTerms')} <a href="#settings">{t('settingsTitle')}</a>
          </p>
        )}
        {sightings && sightings.total > 0 && (
          <p class="small muted" data-testid="feed-sightings-count">
            {tn('feedSightingsCount', sightings.total, String(sightings.total))}
          </p>
        )}
        {sightings?.total === 0 && (
          <p class="muted" data-testid="feed-sightings-none">
            {t(status === 'new' ? 'feedNoSighting' : 'feedNoneHere')}
          </p>
        )}
        <ul class="feed-list" data-testid="feed-sightings">
          {sightings?.items.map((s) => (
            <FeedSightingItem
              key={s.id}
              sighting={s}
              sourceLabels={labels}
              busy={busy}
              onFlag={() =>
                void act(
                  () => ask('flagFeedSighting', { id: s.id, into: { to: 'inbox' } }),
                  t('feedFlagged'),
                )
              }
              onDismiss={() =>
                void act(
                  () => ask('setFeedSightingStatus', { id: s.id, status: 'dismissed' }),
                  t('feedDismissed'),
                )
              }
              onRestore={() =>
                void act(
                  () => ask('setFeedSightingStatus', { id: s.id, status: 'new' }),
                  t('feedRestored'),
                )
              }
            />
          ))}
        </ul>
        <LiveRegion>{said && <p class="small">{said}</p>}</LiveRegion>
        <ErrorMessage error={error} />
      </section>
      <section aria-labelledby="feed-sources-title">
        <h2 id="feed-sources-title">{t('feedSourcesTitle')}</h2>
        {sources?.length === 0 && <p class="muted">{t('feedNoSource')}</p>}
        <ul class="feed-list" data-testid="feed-sources">
          {sources?.map((s) => (
            <SourceRow key={s.id} source={s} onChanged={() => void load()} />
          ))}
        </ul>
        <h3>{t('feedAddTitle')}</h3>
        <SourceForm onAdded={() => void load()} />
      </section>
    </>
  );
}
