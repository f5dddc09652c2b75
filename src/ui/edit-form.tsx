/**
 * The form every editor in the crisis log uses: its first field takes the focus when it opens,
 * Enter submits, Escape cancels, and Save and Cancel close it. Cancelling resets the form, so
 * that what holds it knows its edits were given up (no "unsaved edits" question after).
 */
import type { ComponentChildren } from 'preact';
import { t } from '../core/i18n';
import { useAutoFocus } from './use-auto-focus';

export function EditForm(props: {
  onSubmit: () => void;
  onCancel: () => void;
  submitLabel?: string;
  submitTestId?: string;
  children: ComponentChildren;
}) {
  const ref = useAutoFocus<HTMLFormElement>();
  const cancel = () => {
    ref.current?.reset();
    props.onCancel();
  };
  return (
    <form
      ref={ref}
      class="edit"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
      onKeyDown={(e) => e.key === 'Escape' && cancel()}
    >
      {props.children}
      <div class="buttons">
        <button type="submit" class="button primary" data-testid={props.submitTestId}>
          {props.submitLabel ?? t('save')}
        </button>
        <button type="button" class="button" onClick={cancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
