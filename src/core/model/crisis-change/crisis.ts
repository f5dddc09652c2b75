/**
 * Changes to the crisis as a whole: its level, its title, a step marked done or skipped, and the
 * user's notes in its journal.
 */
import { CRISIS_TITLE_MAX } from '../crisis';
import { LIMITS } from '../limits';
import { stepCriteriaMet } from '../steps';
import { LEVELS, STEPS } from '../types';
import type { ChangeHandlers, ChangeResult } from './change';

export const crisisChanges: ChangeHandlers<'level' | 'title' | 'note' | 'step-mark'> = {
  level(crisis, change) {
    if (!LEVELS.includes(change.level) || change.level === crisis.level) return null;
    return {
      crisis: { ...crisis, level: change.level },
      events: [
        {
          type: 'level-changed',
          data: { from: crisis.level, to: change.level, level: change.level },
        },
      ],
    };
  },

  title(crisis, change) {
    const title = change.title.trim().slice(0, CRISIS_TITLE_MAX);
    if (!title || title === crisis.title) return null;
    return {
      crisis: { ...crisis, title },
      events: [{ type: 'renamed', data: { from: crisis.title, to: title } }],
    };
  },

  note(crisis, change) {
    const happened = Date.parse(change.happenedAt);
    if (!/^[\w-]{1,100}$/.test(change.noteId) || Number.isNaN(happened)) return null;
    const text = change.text.trim().slice(0, LIMITS.note);
    return {
      crisis,
      events: [
        {
          type: 'note',
          data: {
            noteId: change.noteId,
            text,
            happenedAt: new Date(happened).toISOString(),
          },
        },
      ],
    };
  },

  'step-mark'(crisis, change): ChangeResult | null {
    const { step, state } = change;
    if (!STEPS.includes(step) || (state !== 'done' && state !== 'skipped')) return null;
    if (crisis.steps[step] === state) return null;
    const reason = change.reason.trim().slice(0, 2_000);
    // A step whose work is not done is done only with the user's reason; a skip always has one.
    if (!reason && (state === 'skipped' || !stepCriteriaMet(crisis, step))) return null;
    return {
      crisis: { ...crisis, steps: { ...crisis.steps, [step]: state } },
      events: [
        {
          type: state === 'done' ? 'step-done' : 'step-skipped',
          data: reason ? { step, reason } : { step },
        },
      ],
    };
  },
};
