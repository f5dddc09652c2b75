/** The crisis's name, as its page's heading, and its renaming. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../core/i18n';
import type { Crisis } from '../../core/model/types';
import { EditForm } from '../../ui/edit-form';
import { CrisisNameField } from '../crisis-name-field';

/**
 * The crisis's name, its heading, renamed at any time (journaled): names go into the messages
 * sent about it. The name offered in the field is selected, so that typing replaces it.
 */
export function CrisisName(props: { crisis: Crisis; onRename: (title: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(props.crisis.title);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened (from the list, a new crisis, a notification): the reader starts at its name.
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  const close = () => {
    setEditing(false);
    heading.current?.focus();
  };
  if (editing) {
    return (
      <EditForm
        onSubmit={() => {
          if (title.trim()) props.onRename(title);
          close();
        }}
        onCancel={close}
        submitTestId="crisis-rename-save"
      >
        <CrisisNameField label={t('crisisName')} value={title} onInput={setTitle} />
      </EditForm>
    );
  }
  return (
    <div class="crisis-name no-print">
      <h1 class="quote" ref={heading} tabIndex={-1}>
        {props.crisis.title}
      </h1>
      <button
        type="button"
        class="button link small"
        data-testid="crisis-rename"
        onClick={() => {
          setTitle(props.crisis.title);
          setEditing(true);
        }}
      >
        {t('crisisRename')}
      </button>
    </div>
  );
}
