/** A crisis made of a list's ticked mentions: the form that names it open, then the crisis. */
import { useState } from 'preact/hooks';
import type { AppErrorData } from '../../core/messaging/protocol';
import type { Level } from '../../core/model/types';
import { ask } from '../../ui/background';
import { replyValue } from './reply-value';

export function useCreateCrisis(
  ids: string[],
  onError: (error: AppErrorData) => void,
  onChanged: () => void,
) {
  const [creating, setCreating] = useState(false);
  const create = async (title: string, level: Level) => {
    const crisis = await replyValue(
      ask('createCrisis', { title, level, mentionIds: ids }),
      onError,
    );
    if (!crisis) return;
    setCreating(false);
    onChanged();
    // The new crisis is where the work goes on: the log opens it, its heading focused.
    location.hash = `#crisis/${crisis.id}`;
  };
  return { creating, setCreating, create };
}
