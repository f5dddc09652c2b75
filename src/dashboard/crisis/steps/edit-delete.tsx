/**
 * The Edit and Delete links of a listed item (a damage, an action, an apology, a person). Where
 * the row does not say which item they act on, `names` gives each an accessible name that does.
 */
import { t } from '../../../core/i18n';

export function EditDelete(props: {
  onEdit: () => void;
  onDelete: () => void;
  /** The buttons' text, when not "Edit" and "Delete". */
  labels?: [edit: string, remove: string];
  names?: [edit: string, remove: string];
}) {
  return (
    <>
      <button
        type="button"
        class="button link"
        aria-label={props.names?.[0]}
        onClick={props.onEdit}
      >
        {props.labels?.[0] ?? t('logEdit')}
      </button>
      <button
        type="button"
        class="button link"
        aria-label={props.names?.[1]}
        onClick={props.onDelete}
      >
        {props.labels?.[1] ?? t('logDelete')}
      </button>
    </>
  );
}
