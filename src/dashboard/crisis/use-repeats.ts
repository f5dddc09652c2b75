/**
 * The earlier crises this one repeats (same root cause), asked of the background: the
 * post-mortem warns of them, the report lists them.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Repeat } from '../../core/model/recurrence';
import { ask } from '../../ui/background';

/** Asked again when the crisis or `rootCause` (the post-mortem's, while it is edited) changes. */
export function useRepeats(crisisId: string, rootCause?: string): Repeat[] {
  const [repeats, setRepeats] = useState<Repeat[]>([]);
  useEffect(() => {
    void ask('getRepeats', { id: crisisId }).then((reply) => reply.ok && setRepeats(reply.value));
  }, [crisisId, rootCause]);
  return repeats;
}
