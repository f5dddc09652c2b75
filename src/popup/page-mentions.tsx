/**
 * The popup's "On this page": what is flagged on the page in front, newest first, each with
 * its capture time, whether monitoring still finds it there, and its page copy (kept, or one
 * click to keep).
 */
import { t } from '../core/i18n';
import type { PopupState } from '../core/messaging/protocol';
import { MentionText } from '../ui/components';
import { FoldedList } from '../ui/folded-list';
import { formatCount, formatDateTime, formatSize } from '../ui/format';

export function PageMentions(props: {
  state: PopupState;
  busy: boolean;
  onKeepCopy: (mentionId: string) => void;
}) {
  const { state, busy } = props;
  const page = state.page;
  const notFound = new Set(state.monitor?.notFound.map((m) => m.id));
  const listed = new Set(state.pageMentions.map((m) => m.id));
  // Every flagged mention that is not on the page any more is listed, even past the newest 20.
  const onPage = [
    ...state.pageMentions,
    ...(state.monitor?.notFound.filter((m) => !listed.has(m.id)) ?? []),
  ];
  return (
    <section aria-labelledby="on-page">
      <h2 id="on-page">{t('popupOnThisPage', formatCount(state.pageMentionCount))}</h2>
      {onPage.length === 0 ? (
        <p class="muted small">{t('popupNothingOnPage')}</p>
      ) : (
        <FoldedList
          items={onPage}
          shown={3}
          testid="popup-page-mentions"
          render={(m) => (
            <li key={m.id} data-testid="popup-page-mention">
              <MentionText mention={m} clamp />
              <span class="muted small">{formatDateTime(m.capturedAt)}</span>
              {notFound.has(m.id) && (
                <p class="not-found small" data-testid="popup-not-found">
                  {t('monitorNotFound')}
                </p>
              )}
              {m.evidence.pageCopy ? (
                <p class="evidence muted small" data-testid="popup-copy-kept">
                  {t('popupCopyKept', formatSize(m.evidence.pageCopy.bytes))}
                </p>
              ) : (
                page?.canScript && (
                  <button
                    type="button"
                    class="button link small evidence"
                    data-testid="popup-keep-copy"
                    aria-label={t('popupKeepCopyFor', (m.quote || m.pageTitle).slice(0, 80))}
                    disabled={busy}
                    onClick={() => props.onKeepCopy(m.id)}
                  >
                    {t('popupKeepCopy')}
                  </button>
                )
              )}
            </li>
          )}
        />
      )}
    </section>
  );
}
