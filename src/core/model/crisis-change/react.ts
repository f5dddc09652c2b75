/** Changes to step 1, react: a containment item ticked or unticked, with its time. */
import type { ChangeHandlers } from './change';

export const reactChanges: ChangeHandlers<'checklist'> = {
  checklist(crisis, change, now) {
    const item = crisis.react.checklist.find((i) => i.id === change.itemId);
    if (!item || item.done === change.done) return null;
    const checklist = crisis.react.checklist.map((i) =>
      i.id === item.id ? { ...i, done: change.done, doneAt: change.done ? now : null } : i,
    );
    return {
      crisis: { ...crisis, react: { ...crisis.react, checklist } },
      events: [
        {
          type: change.done ? 'checklist-done' : 'checklist-undone',
          data: { itemId: item.id, label: item.label, temporary: item.temporary },
        },
      ],
    };
  },
};
