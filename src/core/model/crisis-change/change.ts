/**
 * The changes a user makes to a crisis, as data, and the shape of what one handler of a kind of
 * change does with it: the crisis after it and the journal lines it writes.
 */
import type { EventDraft } from '../journal';
import type {
  Action,
  Apology,
  Crisis,
  CrisisStakeholder,
  DamageRow,
  Fault,
  Level,
  MessageLang,
  MessageVariant,
  PostMortem,
  SentMessage,
  StepId,
} from '../types';

export type CrisisChange =
  | { op: 'level'; level: Level }
  | { op: 'title'; title: string }
  | { op: 'checklist'; itemId: string; done: boolean }
  | { op: 'damage'; row: DamageRow }
  | { op: 'damage-remove'; rowId: string }
  | { op: 'stakeholder'; stakeholder: CrisisStakeholder }
  | { op: 'stakeholder-remove'; stakeholderId: string }
  /** Informed (with the message they were sent, when written in Vigie), or not after all. */
  | { op: 'informed'; stakeholderId: string; informed: boolean; message?: SentMessage | null }
  /** The draft of step 3's message: its subject and body. */
  | { op: 'message'; subject: string; text: string }
  /** The message language, kind and what is known of the fault, remembered for the crisis. */
  | { op: 'inform-options'; lang?: MessageLang; variant?: MessageVariant; fault?: Fault }
  | { op: 'action'; action: Action }
  | { op: 'action-remove'; actionId: string }
  | { op: 'accept-damage'; rowId: string; accepted: boolean }
  | { op: 'apology'; apology: Apology }
  | { op: 'apology-remove'; apologyId: string }
  /**
   * A status update sent. Its id is given with the change when the change may be applied again
   * (a shared crisis, see core/sync/ops.ts), so that the update keeps one id everywhere.
   */
  | { op: 'update-sent'; subject: string; text: string; updateId?: string }
  /**
   * A note of the user's in the journal ("called the journalist at 15:10"), at the time it
   * happened. The journal is append-only: an edit is a new line with the same noteId, and an
   * empty text removes the note from view.
   */
  | { op: 'note'; noteId: string; text: string; happenedAt: string }
  | { op: 'postmortem'; learn: PostMortem }
  /**
   * The user marks a step done (its work done, or, when not, saying why it counts as done) or
   * skips it (saying why): an explicit choice, journaled with its reason.
   */
  | { op: 'step-mark'; step: StepId; state: 'done' | 'skipped'; reason: string };

/**
 * The crisis after a change, and the journal lines it writes. A handler says only what its change
 * changes: the time of the change is stamped on the crisis once, for all, by applyCrisisChange.
 */
export interface ChangeResult {
  crisis: Crisis;
  events: EventDraft[];
}

/** What one kind of change does: its result, or null when nothing changes. */
export type ChangeHandler<Op extends CrisisChange['op']> = (
  crisis: Crisis,
  change: Extract<CrisisChange, { op: Op }>,
  now: string,
) => ChangeResult | null;

/** One handler per kind of change in `Op`: the type-checker says which one is missing. */
export type ChangeHandlers<Op extends CrisisChange['op']> = { [K in Op]: ChangeHandler<K> };
