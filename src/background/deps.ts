/** What the background's call handlers are given: the database, the clock, and what follows a change. */
import type { FlagOutcome } from '../core/messaging/protocol';
import type { FlagDeps } from './flag';

export interface HandlerDeps extends FlagDeps {
  /** Called after any change the badge or the menus show. */
  changed: (what: { crises: boolean }) => void;
  notifyFlagged: (outcome: FlagOutcome) => Promise<void>;
}
