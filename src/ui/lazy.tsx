/**
 * A screen whose code is loaded the first time it is shown, so that a page opens with the code
 * of its first screen only (the crisis log opens on its list, not on the charts, the backup
 * tools and the report). Once loaded, the screen stays: later visits render it at once.
 */
import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage } from './components';

export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function Lazy(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState<string | null>(null);
    useEffect(() => {
      if (component) return;
      let live = true;
      loading ??= load().then((c) => (loaded = c));
      loading.then(
        (c) => live && setComponent(() => c),
        (error: unknown) => {
          // A failed load may succeed later (an extension updated under the page): try again.
          loading = null;
          if (live) setFailed(error instanceof Error ? error.message : String(error));
        },
      );
      return () => {
        live = false;
      };
    }, []);
    if (failed) return <ErrorMessage error={{ code: 'internal', message: failed }} />;
    return component ? h(component, props) : null;
  };
}
