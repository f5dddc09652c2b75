/**
 * Edits not saved yet are not lost without a word: while a form holds some, leaving the page
 * (closing the tab, reloading) asks the browser's own "leave the page?" question, and following
 * a link to another screen of the page asks first. A form says it holds edits with
 * `useUnsavedGuard(true)`, and false once they are saved or given up.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

const holding = new Set<object>();

export const hasUnsavedEdits = () => holding.size > 0;

export function useUnsavedGuard(dirty: boolean): void {
  const token = useRef({}).current;
  // At render, not after paint: a click on a link may come before the next frame.
  useLayoutEffect(() => {
    if (dirty) holding.add(token);
    else holding.delete(token);
    return () => void holding.delete(token);
  }, [dirty, token]);
}

/** Installs the page's two checks; `question` is asked before a link leaves unsaved edits. */
export function guardUnsavedEdits(question: () => string): void {
  window.addEventListener('beforeunload', (e) => {
    if (!hasUnsavedEdits()) return;
    e.preventDefault();
    // Older Chromium asks only when returnValue is set.
    e.returnValue = '';
  });
  document.addEventListener(
    'click',
    (e) => {
      const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (!link || !hasUnsavedEdits() || link.getAttribute('target') === '_blank') return;
      if (window.confirm(question())) holding.clear();
      else e.preventDefault();
    },
    true,
  );
}
