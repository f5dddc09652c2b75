/**
 * A list that shows its first few items and folds the rest under "Show N more": the toolbar
 * popup is at most 600 px high, and what matters most comes first.
 */
import type { ComponentChildren } from 'preact';
import { tn } from '../core/i18n';
import { formatCount } from './format';

export function FoldedList<T>(props: {
  items: readonly T[];
  /** How many show before the fold. */
  shown: number;
  render: (item: T) => ComponentChildren;
  testid?: string;
}) {
  const { items, shown, render } = props;
  const rest = items.slice(shown);
  return (
    <>
      <ul class="list" data-testid={props.testid}>
        {items.slice(0, shown).map(render)}
      </ul>
      {rest.length > 0 && (
        <details class="more">
          <summary class="small">{tn('showMore', rest.length, formatCount(rest.length))}</summary>
          <ul class="list">{rest.map(render)}</ul>
        </details>
      )}
    </>
  );
}
