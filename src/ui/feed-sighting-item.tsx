/**
 * One sighting of the watched feeds, as the popup and the crisis log list it: the item's
 * title (a link to it), the sentence that names a watched term, how negative it reads, the
 * sources that told it; "Flag" files it as a mention in one click, "Let go" puts it aside.
 */
import { t, tn } from '../core/i18n';
import type { FeedSighting } from '../core/feeds/records';
import { formatDateTime, isOpenableUrl, quoted } from './format';

export function FeedSightingItem(props: {
  sighting: FeedSighting;
  /** Source labels by id; a removed source is said as such. */
  sourceLabels: ReadonlyMap<string, string>;
  busy: boolean;
  onFlag: () => void;
  onDismiss: () => void;
  onRestore?: () => void;
}) {
  const s = props.sighting;
  const sources = s.sources.map((id) => props.sourceLabels.get(id) ?? t('feedSourceRemoved'));
  return (
    <li class="sighting feed-sighting" data-testid="feed-sighting">
      <p class="sighting-head">
        {isOpenableUrl(s.url) ? (
          <a
            href={s.url}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="feed-sighting-title"
          >
            {s.title || s.url}
          </a>
        ) : (
          <strong data-testid="feed-sighting-title">{s.title}</strong>
        )}
        <span class={s.negative ? 'negativity negative' : 'negativity'}>
          {t(s.negative ? 'monitorNegativityNegative' : 'monitorNegativityNone')}
        </span>
      </p>
      <p class="quote clamp" title={s.sentence} data-testid="feed-sighting-sentence">
        {quoted(s.sentence)}
      </p>
      <p class="small muted">
        {tn('feedSightingSources', sources.length, [sources.join(', '), String(sources.length)])}
        {' · '}
        {t('feedSightingFound', formatDateTime(s.firstSeenAt))}
      </p>
      <div class="meta">
        {s.status === 'flagged' ? (
          <span class="small muted">{t('monitorSightingFlagged')}</span>
        ) : (
          <button
            type="button"
            class="button"
            data-testid="feed-sighting-flag"
            aria-label={t('feedFlagOf', s.title)}
            disabled={props.busy}
            onClick={props.onFlag}
          >
            {t('monitorFlagSighting')}
          </button>
        )}
        {s.status === 'new' && (
          <button
            type="button"
            class="button link"
            data-testid="feed-sighting-dismiss"
            aria-label={t('feedDismissOf', s.title)}
            disabled={props.busy}
            onClick={props.onDismiss}
          >
            {t('feedDismiss')}
          </button>
        )}
        {s.status === 'dismissed' && props.onRestore && (
          <button
            type="button"
            class="button link"
            data-testid="feed-sighting-restore"
            disabled={props.busy}
            onClick={props.onRestore}
          >
            {t('feedRestore')}
          </button>
        )}
      </div>
    </li>
  );
}
