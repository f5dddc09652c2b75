/**
 * Focus for a form that opens on a button press: `autofocus` is honoured only while nothing has
 * the focus, and the button that opened the form has it, so the form takes it on mount. On a
 * container, its first field takes the focus. A layout effect moves it as the form is put in
 * the page, before the next key press: with a plain effect, which waits for a frame, keys typed
 * at once still went to the button.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';

export function useAutoFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    const field = element?.matches('input, select, textarea')
      ? element
      : element?.querySelector<HTMLElement>('input, select, textarea');
    field?.focus();
  }, []);
  return ref;
}
