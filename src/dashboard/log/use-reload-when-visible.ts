/**
 * A flag made elsewhere (the menu, the popup in another tab) is listed when the log comes back
 * into view: the list's first page is read again, unless the user is in the middle of something
 * here (`quiet` false: a selection, a crisis being named, further pages read).
 */
import { useEffect, useRef } from 'preact/hooks';
import type { TimeCursor } from '../../core/messaging/protocol';

export function useReloadWhenVisible(
  load: (after: TimeCursor | null) => Promise<void>,
  quiet: boolean,
): void {
  const quietNow = useRef(quiet);
  quietNow.current = quiet;
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible' && quietNow.current) void load(null);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [load]);
}
