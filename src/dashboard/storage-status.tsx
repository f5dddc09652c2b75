/**
 * Persistent storage: Vigie asks the browser never to evict its database (besides the
 * `unlimitedStorage` permission), and says how much room the log takes and what is left.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../core/i18n';
import { megabytes } from '../ui/format';

/** Asks once per page for persistent storage; true when the browser keeps the data for good. */
export async function askPersistence(): Promise<boolean> {
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage?.persist) return false;
  return (await storage.persisted()) || storage.persist();
}

export function StorageStatus() {
  const [state, setState] = useState<{ persisted: boolean; usage: number; quota: number } | null>(
    null,
  );
  useEffect(() => {
    void (async () => {
      const persisted = await askPersistence().catch(() => false);
      const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
      setState({ persisted, usage: estimate?.usage ?? 0, quota: estimate?.quota ?? 0 });
    })();
  }, []);
  if (!state) return null;
  return (
    <p class="muted small" data-testid="storage-status">
      {state.persisted ? t('storagePersisted') : t('storageNotPersisted')}{' '}
      {state.quota > 0 &&
        t('storageUsage', [
          megabytes(state.usage),
          megabytes(Math.max(0, state.quota - state.usage)),
        ])}
    </p>
  );
}
