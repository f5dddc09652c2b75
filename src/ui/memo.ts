/**
 * A component drawn again only when one of its props changed (each compared by identity), as
 * preact/compat's `memo` does, without bringing compat into the bundle for this alone. For a
 * long list: a row is redrawn when its own props change, not whenever the list is.
 */
import { h, type Component, type FunctionComponent } from 'preact';

function changed(before: Record<string, unknown>, after: Record<string, unknown>): boolean {
  for (const key in before) if (!(key in after)) return true;
  for (const key in after) if (before[key] !== after[key]) return true;
  return false;
}

export function memo<P extends object>(component: FunctionComponent<P>): FunctionComponent<P> {
  function shouldUpdate(this: Component<P>, next: P): boolean {
    return changed(this.props as Record<string, unknown>, next as Record<string, unknown>);
  }
  // Preact calls a function component with its component instance as `this`.
  function Memo(this: Component<P>, props: P) {
    this.shouldComponentUpdate = shouldUpdate;
    return h(component, props);
  }
  Memo.displayName = `Memo(${component.displayName ?? component.name})`;
  return Memo;
}
