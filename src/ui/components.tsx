/**
 * Small Preact components shared by the popup and the crisis log.
 */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { t } from '../core/i18n';
import type { AppErrorData } from '../core/messaging/protocol';
import type { CrisisStep, Level, Mention } from '../core/model/types';
import { mentionLabel } from '../core/model/mention';
import { errorText, levelName, stepName } from './format';

export function LevelChip({ level }: { level: Level }) {
  return (
    <span class={`chip level-${level}`} title={t('levelLabel')}>
      {level} · {levelName(level)}
    </span>
  );
}

export function StepText({ step }: { step: CrisisStep }) {
  return <span class="step">{stepName(step)}</span>;
}

/** A mention's quote (or its link, image or page), always as text. */
export function MentionText({ mention, testid }: { mention: Mention; testid?: string }) {
  const label = mentionLabel(mention);
  return (
    <p class="quote" data-testid={testid}>
      {mention.quote ? `“${label}”` : label}
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

/** A message at the bottom of the page that goes away by itself, with one optional action. */
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
    <div class="toast" role="status">
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
