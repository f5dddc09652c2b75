/**
 * Small Preact components shared by the popup and the crisis log.
 */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { t } from '../core/i18n';
import type { AppErrorData } from '../core/messaging/protocol';
import { mentionLabel } from '../core/model/mention';
import { LEVELS, type CrisisStep, type Level, type Mention } from '../core/model/types';
import { errorText, levelText, quoted, stepName } from './format';

export function LevelChip({ level }: { level: Level }) {
  return (
    <span class={`chip level-${level}`} title={t('levelLabel')}>
      {levelText(level)}
    </span>
  );
}

/** The options of a select of levels, each with its number and name. */
export function LevelOptions() {
  return (
    <>
      {LEVELS.map((level) => (
        <option key={level} value={level}>
          {levelText(level)}
        </option>
      ))}
    </>
  );
}

export function StepText({ step }: { step: CrisisStep }) {
  return <span class="step">{stepName(step)}</span>;
}

/**
 * A mention's quote (or its link, image or page), always as text. `clamp` cuts it to a few
 * lines, the whole text staying in the tooltip.
 */
export function MentionText(props: { mention: Mention; testid?: string; clamp?: boolean }) {
  const { mention, testid, clamp } = props;
  const label = mentionLabel(mention);
  return (
    <p
      class={clamp ? 'quote clamp' : 'quote'}
      data-testid={testid}
      title={clamp ? (label.length > 300 ? `${label.slice(0, 299)}…` : label) : undefined}
    >
      {mention.quote ? quoted(label) : label}
    </p>
  );
}

export function ErrorMessage({ error }: { error: AppErrorData | null }) {
  if (!error) return null;
  return (
    <p class="error" role="alert">
      {errorText(error)}
    </p>
  );
}

/**
 * A live region that is in the page before anything is said in it: screen readers announce
 * what changes inside a region they already know, not a region that appears with its text.
 */
export function LiveRegion(props: { children?: ComponentChildren; class?: string }) {
  return (
    <div role="status" aria-live="polite" class={props.class}>
      {props.children}
    </div>
  );
}

/**
 * A message at the bottom of the page that goes away by itself, with one optional action.
 * Render it inside a `LiveRegion` so that it is announced.
 */
export function Toast(props: {
  children: ComponentChildren;
  action?: { label: string; run: () => void; testid?: string };
  onClose: () => void;
  seconds?: number;
}) {
  const { onClose, seconds = 10 } = props;
  useEffect(() => {
    const timer = setTimeout(onClose, seconds * 1000);
    return () => clearTimeout(timer);
  }, [onClose, seconds]);
  return (
    <div class="toast">
      <span>{props.children}</span>
      {props.action && (
        <button
          type="button"
          class="button link"
          data-testid={props.action.testid}
          onClick={props.action.run}
        >
          {props.action.label}
        </button>
      )}
      <button type="button" class="button link" aria-label={t('close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}

/** The button under a paged list that fetches its next page. */
export function LoadMore({ onClick }: { onClick: () => void }) {
  return (
    <p>
      <button type="button" class="button" onClick={onClick}>
        {t('logLoadMore')}
      </button>
    </p>
  );
}

/** A message under a field the user must correct, read with the field (aria-describedby). */
export function FieldError({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p id={id} class="field-error">
      {text}
    </p>
  ) : null;
}

/** A labelled choice among a fixed list (each option's value and the words it is shown in). */
export function Choice<T extends string>(props: {
  label: string;
  testid?: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (value: T) => void;
}) {
  return (
    <label>
      {props.label}{' '}
      <select
        value={props.value}
        data-testid={props.testid}
        onChange={(e) => props.onChange(e.currentTarget.value as T)}
      >
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
