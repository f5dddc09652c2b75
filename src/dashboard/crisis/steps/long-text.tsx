/** A field of a few lines across the form: a post-mortem's answer, a damage's or an apology's note. */
export function LongText(props: {
  label: string;
  rows: number;
  value: string;
  onInput: (value: string) => void;
}) {
  return (
    <label class="wide">
      {props.label}
      <textarea
        rows={props.rows}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </label>
  );
}
