/** A one-line text field under its label, in a step's forms; `wide` spans the form's width. */
export function TextField(props: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  required?: boolean;
  wide?: boolean;
}) {
  return (
    <label class={props.wide ? 'wide' : undefined}>
      {props.label}
      <input
        type="text"
        required={props.required}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </label>
  );
}
