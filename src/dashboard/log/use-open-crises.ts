/**
 * The open crises a mention list names on its rows, offers to move into and to filter by. Read
 * once the list's first page is shown (the database answers one request at a time: the page
 * comes first), and again after an action, not at every search.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CrisisSummary } from '../../core/messaging/protocol';
import { ask } from '../../ui/background';

export function useOpenCrises(loaded: boolean) {
  const [crises, setCrises] = useState<CrisisSummary[]>([]);
  const [known, setKnown] = useState(false);
  const asked = useRef(false);

  const reload = useCallback(async () => {
    const reply = await ask('listCrises', { state: 'open', limit: 50, after: null });
    if (reply.ok) setCrises(reply.value.items);
    setKnown(true);
  }, []);

  useEffect(() => {
    if (loaded && !asked.current) {
      asked.current = true;
      void reload();
    }
  }, [loaded, reload]);

  return { crises, known, reload };
}
