/**
 * One crisis as its page shows it: the crisis, its journal and the settings, read from the
 * background; each change or step move sent, then everything read again.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AppErrorData, Result } from '../../core/messaging/protocol';
import type { CrisisChange } from '../../core/model/crisis-change';
import type { Crisis, CrisisEvent, CrisisStep, Settings } from '../../core/model/types';
import { ask } from '../../ui/background';
import { CELL_PULLED } from '../use-cell-watch';

/** `onChanged` tells the rest of the log (its counts, its lists) after each change. */
export function useCrisis(id: string, onChanged: () => void) {
  const [crisis, setCrisis] = useState<Crisis | null>(null);
  const [events, setEvents] = useState<CrisisEvent[]>([]);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);

  const load = useCallback(async () => {
    const [reply, stored] = await Promise.all([ask('getCrisis', { id }), ask('getSettings', {})]);
    if (stored.ok) setSettings(stored.value);
    if (!reply.ok) return setError(reply.error);
    setCrisis(reply.value.crisis);
    setEvents(reply.value.events);
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);
  // Others' changes to this crisis came in from the team cell: shown at once.
  useEffect(() => {
    const reloaded = () => void load();
    window.addEventListener(CELL_PULLED, reloaded);
    return () => window.removeEventListener(CELL_PULLED, reloaded);
  }, [load]);

  // The crisis's mention list marks the page ready; a crisis that cannot be shown does it here.
  useEffect(() => {
    if (error && !crisis) document.body.dataset.ready = 'true';
  }, [error, crisis]);

  const reload = async (sent: Promise<Result<unknown>>) => {
    const reply = await sent;
    if (!reply.ok) return setError(reply.error);
    await load();
    onChanged();
  };
  return {
    crisis,
    events,
    error,
    settings,
    change: (change: CrisisChange) => void reload(ask('updateCrisis', { id, change })),
    moveTo: (step: CrisisStep) => void reload(ask('setCrisisStep', { id, step })),
  };
}
