/**
 * What a change to a crisis writes in its journal, computed by comparing the crisis before and
 * after; and the metrics every report shows, computed from the journal alone.
 */
import type { Crisis, CrisisEvent, EventType, Settings, StepId } from './types';
import { STEPS } from './types';
import { reactionDueAt } from './deadlines';

/** A journal line before it gets its id and time. */
export interface EventDraft {
  type: EventType;
  data: CrisisEvent['data'];
}

/** The journal lines a step move writes: steps marked done or skipped, then the move itself. */
export function stepMoveEvents(before: Crisis, after: Crisis): EventDraft[] {
  const drafts: EventDraft[] = [];
  for (const step of STEPS) {
    if (before.steps[step] === after.steps[step]) continue;
    if (after.steps[step] === 'done') drafts.push({ type: 'step-done', data: { step } });
    if (after.steps[step] === 'skipped') drafts.push({ type: 'step-skipped', data: { step } });
  }
  if (before.step !== after.step) {
    const type: EventType =
      after.state === 'closed' ? 'closed' : before.state === 'closed' ? 'reopened' : 'step-changed';
    drafts.push({ type, data: { from: before.step, to: after.step } });
  }
  return drafts;
}

export interface CrisisMetrics {
  /** Detection (the crisis's earliest mention, or its opening) → its first containment action. */
  timeToReactMs: number | null;
  /** Detection → every key stakeholder informed, in ms; null while one is not. */
  timeToInformMs: number | null;
  /** Detection → closed, in ms; null while open. */
  timeToResolveMs: number | null;
  /**
   * Reaction within the level's target: true or false once reacted, false once the target
   * passed without a reaction, null while it may still be met.
   */
  reactTargetMet: boolean | null;
  /** Whether the crisis has reacted at all (a first containment action). */
  reacted: boolean;
}

/**
 * The metrics of a crisis, from what happened. Detection is the crisis's `openedAt`, kept at
 * its earliest mention's flag (days a mention waited in the inbox count). The reaction is the
 * first containment action: the first checklist item ticked, or the react step marked done by
 * the user with a reason; leaving the step is no reaction. The first time an event happened
 * counts; a reopened crisis counts its last close.
 */
export function crisisMetrics(
  crisis: Crisis,
  events: readonly CrisisEvent[],
  settings: Settings,
  now: number,
): CrisisMetrics {
  const opened = Date.parse(crisis.openedAt);
  const first = (match: (e: CrisisEvent) => boolean) => {
    const found = events.filter(match).map((e) => Date.parse(e.at));
    return found.length ? Math.min(...found) : null;
  };
  const reacted = first(
    (e) =>
      e.type === 'checklist-done' ||
      (e.type === 'step-done' &&
        e.data.step === ('react' satisfies StepId) &&
        typeof e.data.reason === 'string'),
  );

  const keyIds = crisis.inform.stakeholders.filter((s) => s.key).map((s) => s.id);
  const informedAt = keyIds.map((id) =>
    first((e) => e.type === 'stakeholder-informed' && e.data.stakeholderId === id),
  );
  const informed =
    keyIds.length > 0 && informedAt.every((t) => t !== null)
      ? Math.max(...(informedAt as number[]))
      : null;

  const closes = events.filter((e) => e.type === 'closed').map((e) => Date.parse(e.at));
  const closed = crisis.state === 'closed' && closes.length ? Math.max(...closes) : null;

  const target = reactionDueAt(crisis, settings);
  const reactTargetMet = reacted !== null ? reacted <= target : now > target ? false : null;
  return {
    timeToReactMs: reacted === null ? null : Math.max(0, reacted - opened),
    timeToInformMs: informed === null ? null : Math.max(0, informed - opened),
    timeToResolveMs: closed === null ? null : Math.max(0, closed - opened),
    reactTargetMet,
    reacted: reacted !== null,
  };
}

/** A line of the journal as shown: an event, or the latest version of one of the user's notes. */
export interface JournalLine {
  event: CrisisEvent;
  /** When it happened: the event's time, or the time the user gave their note. */
  at: string;
  /** The note's current text and whether it was edited since first written. */
  note?: { noteId: string; text: string; edited: boolean };
}

/**
 * The journal in the order things happened. The records stay append-only; here each note is
 * shown once, as last written, at the time the user said it happened (a removed note, whose
 * last version is empty, is not shown).
 */
export function journalLines(events: readonly CrisisEvent[]): JournalLine[] {
  const versions = new Map<string, CrisisEvent[]>();
  for (const e of events) {
    if (e.type !== 'note' || typeof e.data.noteId !== 'string') continue;
    versions.set(e.data.noteId, [...(versions.get(e.data.noteId) ?? []), e]);
  }
  const lines: JournalLine[] = [];
  for (const e of events) {
    if (e.type !== 'note') {
      lines.push({ event: e, at: e.at });
      continue;
    }
    const all = versions.get(String(e.data.noteId)) ?? [e];
    const last = all[all.length - 1]!;
    // Shown once, where its last version is.
    if (last !== e) continue;
    const text = typeof last.data.text === 'string' ? last.data.text : '';
    if (!text) continue;
    const happened = typeof last.data.happenedAt === 'string' ? last.data.happenedAt : last.at;
    lines.push({
      event: last,
      at: happened,
      note: { noteId: String(last.data.noteId), text, edited: all.length > 1 },
    });
  }
  // Stable: events of the same time keep the order they were written in.
  return lines
    .map((line, i) => ({ line, i, t: Date.parse(line.at) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ line }) => line);
}
