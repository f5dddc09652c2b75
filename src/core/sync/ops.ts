/**
 * What a cell member changed, kept as operations rather than as the record it produced, so
 * that it can be applied again on top of what others did meanwhile: a change to a crisis
 * (CrisisChange, or a move to a step), and the fields of a mention the member set. Applied
 * again on the server's copy, text fields end as the last writer left them, field by field,
 * and list items (actions, damages, stakeholders…) merge by their ids.
 */
import { moveToStep } from '../model/crisis';
import { applyCrisisChange, type CrisisChange } from '../model/crisis-change';
import type { Crisis, CrisisStep, Mention, PageCopyRef } from '../model/types';

/** One change to a shared crisis. */
export type CrisisOp =
  | { kind: 'change'; change: CrisisChange; at: string }
  | { kind: 'step'; step: CrisisStep; at: string }
  /** The detection time the crisis took from its earliest mention (db/crises.ts). */
  | { kind: 'detected'; openedAt: string }
  /** The whole crisis: its first sharing, or its creation in a shared cell. */
  | { kind: 'whole'; crisis: Crisis };

/** The fields of a mention a member may change; the capture itself never changes. */
export const MENTION_FIELDS = ['note', 'tags', 'tone', 'toneSource', 'reach', 'crisisId'] as const;
export type MentionField = (typeof MENTION_FIELDS)[number];

/** One change to a shared mention: the fields set, with the values the member gave them. */
export type MentionOp =
  | { kind: 'fields'; fields: Partial<Pick<Mention, MentionField>>; at: string }
  | { kind: 'whole'; mention: Mention }
  /** Deleted by a member: the cell keeps a mark in its place (only admins delete documents). */
  | { kind: 'removed'; at: string }
  /** The page copy `ref` names, sent along as the document's attachment (core/sync/docs.ts). */
  | { kind: 'copy'; ref: PageCopyRef };

/** What the cell holds for a mention: the mention, the mark of its deletion, or nothing. */
export type MentionState = Mention | 'removed' | null;

/**
 * The crisis after `ops`, applied in order on `base` (the server's copy, or null when the
 * server has none). The journal lines a change writes are not written again: they were
 * written once, when the member made the change, and travel as events of their own.
 */
export function rebaseCrisis(base: Crisis | null, ops: readonly CrisisOp[]): Crisis | null {
  let crisis = base;
  for (const op of ops) {
    if (op.kind === 'whole') {
      // A crisis shared a second time (or by two members at once) keeps what the cell has.
      crisis ??= op.crisis;
      continue;
    }
    if (!crisis) continue;
    if (op.kind === 'detected') crisis = { ...crisis, openedAt: op.openedAt };
    else if (op.kind === 'step') crisis = moveToStep(crisis, op.step, op.at);
    else crisis = applyCrisisChange(crisis, op.change, op.at)?.crisis ?? crisis;
  }
  return crisis;
}

/**
 * The mention after `ops`, applied in order on `base` (the server's copy, or null). A deleted
 * mention takes no edit; only its sharing again (an undone deletion) brings it back.
 */
export function rebaseMention(base: MentionState, ops: readonly MentionOp[]): MentionState {
  let mention = base;
  for (const op of ops) {
    if (op.kind === 'whole') {
      if (mention === null || mention === 'removed') mention = op.mention;
    } else if (op.kind === 'removed') {
      // Nothing to mark where the cell never had it.
      if (mention !== null) mention = 'removed';
    } else if (op.kind === 'fields' && mention !== null && mention !== 'removed') {
      const updatedAt = op.at > mention.updatedAt ? op.at : mention.updatedAt;
      mention = { ...mention, ...op.fields, updatedAt };
    }
  }
  return mention;
}
