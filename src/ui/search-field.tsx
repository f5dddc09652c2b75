/**
 * A labelled text field whose value is committed a moment after the user stops typing (or at
 * once on Enter); Escape empties it. A list searches as the user types without asking the
 * background at every key.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

/** How long typing pauses before the value counts. */
export const TYPING_PAUSE_MS = 200;

export function SearchField(props: {
  label: string;
  /** The committed value: a change from outside (a link, the back button) shows in the field. */
  value: string;
  onCommit: (value: string) => void;
  type?: 'search' | 'text';
  placeholder?: string;
  /** The id of a <datalist> of suggestions. */
  list?: string;
  class?: string;
  /** Only a screen reader reads the label (the placeholder says it on screen). */
  hiddenLabel?: boolean;
  testid?: string;
}) {
  const [text, setText] = useState(props.value);
  // The last value committed, from here or from outside: typing is never overwritten by the
  // echo of its own earlier commit.
  const committed = useRef(props.value);
  const onCommit = useRef(props.onCommit);
  onCommit.current = props.onCommit;

  useEffect(() => {
    if (props.value === committed.current) return;
    committed.current = props.value;
    setText(props.value);
  }, [props.value]);

  const commit = (value: string) => {
    if (value === committed.current) return;
    committed.current = value;
    onCommit.current(value);
  };

  useEffect(() => {
    if (text === committed.current) return;
    const timer = setTimeout(() => commit(text), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <label class={props.class}>
      <span class={props.hiddenLabel ? 'visually-hidden' : undefined}>{props.label}</span>
      <input
        type={props.type ?? 'text'}
        value={text}
        placeholder={props.placeholder}
        list={props.list}
        autocomplete="off"
        spellcheck={false}
        data-testid={props.testid}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit(text);
          } else if (e.key === 'Escape' && text !== '') {
            // Handled here: Escape also closes forms and dialogs around the field.
            e.preventDefault();
            e.stopPropagation();
            setText('');
            commit('');
          }
        }}
      />
    </label>
  );
}
