/**
 * The popup's first section: flag the page in front (into the inbox, or as a new crisis), or
 * why it cannot be, then what the last call did or what went wrong.
 */
import type { Ref } from 'preact';
import { t } from '../core/i18n';
import type { AppErrorData, FlagInto, PopupState } from '../core/messaging/protocol';
import { ErrorMessage } from '../ui/components';

export function FlagSection(props: {
  state: PopupState | null;
  busy: boolean;
  status: string;
  error: AppErrorData | null;
  /** The first control, focused when the popup opens over a page. */
  flagButton: Ref<HTMLButtonElement>;
  /** The line that says what happened, focused when the control used is gone. */
  statusLine: Ref<HTMLParagraphElement>;
  onFlag: (into: FlagInto) => void;
}) {
  const { state, busy } = props;
  const page = state?.page ?? null;
  return (
    <div class="flag">
      <div class="actions">
        <button
          type="button"
          class="button primary"
          data-testid="popup-flag"
          ref={props.flagButton}
          disabled={busy || !page}
          onClick={() => props.onFlag({ to: 'inbox' })}
        >
          {t('popupFlag')}
        </button>
        <button
          type="button"
          class="button"
          data-testid="popup-flag-new-crisis"
          disabled={busy || !page}
          onClick={() => props.onFlag({ to: 'new-crisis' })}
        >
          {t('popupFlagNewCrisis')}
        </button>
      </div>
      {page && !page.canScript && <p class="muted small">{t('popupCannotRead')}</p>}
      {state && !page && <p class="muted small">{t('popupNoPage')}</p>}
      <p
        class="status"
        role="status"
        data-testid="popup-status"
        tabIndex={-1}
        ref={props.statusLine}
      >
        {props.status}
      </p>
      <ErrorMessage error={props.error} />
    </div>
  );
}
