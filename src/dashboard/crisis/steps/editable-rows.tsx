/**
 * A list edited in place (apologies, people to inform): the item being edited shows its form in
 * its own row; a new one, not in the list yet, shows it under the list, where the add button is
 * otherwise.
 */
import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';

export function EditableRows<T extends { id: string }>(props: {
  testid: string;
  items: readonly T[];
  /** The item the add button starts from. */
  blank: () => T;
  addLabel: string;
  /** An item's row, an `<li>` with its key; `edit` opens its form. */
  row: (item: T, edit: () => void) => ComponentChild;
  /** The form of `item`, with the handlers that close it once saved or cancelled. */
  form: (item: T, handlers: { onSave: (item: T) => void; onCancel: () => void }) => ComponentChild;
  onSave: (item: T) => void;
}) {
  const { items } = props;
  const [editing, setEditing] = useState<T | null>(null);
  const handlers = {
    onSave: (item: T) => {
      props.onSave(item);
      setEditing(null);
    },
    onCancel: () => setEditing(null),
  };
  return (
    <>
      <ul class="rows" data-testid={props.testid}>
        {items.map((item) =>
          editing?.id === item.id ? (
            <li key={item.id}>{props.form(editing, handlers)}</li>
          ) : (
            props.row(item, () => setEditing(item))
          ),
        )}
      </ul>
      {editing && !items.some((i) => i.id === editing.id) ? (
        props.form(editing, handlers)
      ) : (
        <p>
          <button type="button" class="button" onClick={() => setEditing(props.blank())}>
            {props.addLabel}
          </button>
        </p>
      )}
    </>
  );
}
