/** The rows of a mention list, each naming the crisis its mention is in. */
import type { CrisisSummary, MentionPatch } from '../../core/messaging/protocol';
import type { Mention } from '../../core/model/types';
import { MentionRow } from './mention-row';

export function MentionRows(props: {
  items: readonly Mention[];
  selected: ReadonlySet<string>;
  /**
   * The open crises, by which a row names its crisis (by title when it is open, by a plain link
   * when it is closed); null names none (a crisis's own list, or until they are known).
   */
  crises: readonly CrisisSummary[] | null;
  onSelect: (id: string, selected: boolean) => void;
  onSave: (id: string, patch: MentionPatch) => Promise<boolean>;
}) {
  const { crises } = props;
  return (
    <ul class="rows">
      {props.items.map((m) => {
        const crisisId = (crises && m.crisisId) || null;
        const title = crisisId && crises?.find((c) => c.id === crisisId)?.title;
        return (
          <MentionRow
            key={m.id}
            mention={m}
            crisisId={crisisId}
            crisisTitle={title ?? null}
            selected={props.selected.has(m.id)}
            onSelect={props.onSelect}
            onSave={props.onSave}
          />
        );
      })}
    </ul>
  );
}
