/**
 * Focus for a form that opens on a button press: `autofocus` is honoured only while nothing has
 * the focus, and the button that opened the form has it, so the form takes it on mount. On a
 * container, its first field takes the focus.
 */
import { useEffect, useRef } from 'preact/hooks';

export function useAutoFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    const field = element?.matches('input, select, textarea')
      ? element
      : element?.querySelector<HTMLElement>('input, select, textarea');
    field?.focus();
  }, []);
  return ref;
}
