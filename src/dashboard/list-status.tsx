/** What a list (of mentions, of crises) says of itself: how many it shows, or that it is empty. */
import { t, tn } from '../core/i18n';
import { formatCount } from '../ui/format';

/** "Showing n of total"; of n when the list is read to its end, "n and more" when it goes on. */
function shownText(count: number, total: number | null, more: boolean): string {
  if (total !== null) return tn('logShowing', count, [formatCount(count), formatCount(total)]);
  return more
    ? tn('filterShowingMore', count, formatCount(count))
    : tn('logShowing', count, [formatCount(count), formatCount(count)]);
}

export function ListStatus(props: {
  loaded: boolean;
  /** The records shown. */
  count: number;
  /** The list's size, when known. */
  total: number | null;
  /** Whether a further page may be read. */
  more: boolean;
  /** Said when the list is read and empty; null says nothing (an error is shown instead). */
  empty: string | null;
  /** For the tests: which list it is. */
  testId: string;
}) {
  const { loaded, count, more } = props;
  return (
    <>
      <p class="muted small" aria-live="polite" data-testid={props.testId}>
        {loaded ? shownText(count, props.total, more) : t('loading')}
      </p>
      {loaded && props.empty !== null && count === 0 && !more && (
        <p class="status">{props.empty}</p>
      )}
    </>
  );
}
