/**
 * The popup's word on the watched feeds: the newest items that name watched terms and wait to
 * be looked at, negative ones first, each flagged in one click or let go, and the way to all of
 * them in the crisis log. Nothing shows while no feed has found anything.
 */
import { t, tn } from '../core/i18n';
import type { PopupFeeds } from '../core/messaging/protocol';
import { FeedSightingItem } from '../ui/feed-sighting-item';
import { openLog } from './open-log';

/** Items shown in the popup; the rest are a click away in the log. */
const SHOWN = 3;

export function FeedSightings(props: {
  feeds: PopupFeeds;
  busy: boolean;
  onFlag: (id: string) => void;
  onDismiss: (id: string) => void;
}) {
  const { items, total, labels } = props.feeds;
  // Negative ones first; newest first among equals (the order they came in).
  const shown = [...items].sort((a, b) => Number(b.negative) - Number(a.negative)).slice(0, SHOWN);
  const sourceLabels = new Map(Object.entries(labels));
  return (
    <section aria-labelledby="popup-feeds" data-testid="popup-feeds">
      <h2 id="popup-feeds">{t('popupFeedsTitle')}</h2>
      <ul class="list">
        {shown.map((s) => (
          <FeedSightingItem
            key={s.id}
            sighting={s}
            sourceLabels={sourceLabels}
            busy={props.busy}
            onFlag={() => props.onFlag(s.id)}
            onDismiss={() => props.onDismiss(s.id)}
          />
        ))}
      </ul>
      <button
        type="button"
        class="button link"
        data-testid="popup-feeds-all"
        onClick={() => openLog('feeds')}
      >
        {tn('popupFeedsAll', total, String(total))}
      </button>
    </section>
  );
}
