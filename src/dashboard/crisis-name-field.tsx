/**
 * The field where a crisis is named, at its creation and when it is renamed: the name offered
 * is selected on focus, so that typing replaces it and a click keeps it.
 */
import { CRISIS_TITLE_MAX } from '../core/model/crisis';

export function CrisisNameField(props: {
  label: string;
  value: string;
  onInput: (value: string) => void;
}) {
  return (
    <label class="wide">
      {props.label}
      <input
        type="text"
        value={props.value}
        required
        maxLength={CRISIS_TITLE_MAX}
        onFocus={(e) => e.currentTarget.select()}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </label>
  );
}
