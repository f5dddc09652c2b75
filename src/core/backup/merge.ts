/**
 * How an imported record meets the log, as pure decisions the background applies inside its
 * one import transaction (and the preview counts without writing).
 *
 * - Same id: the record changed last (`updatedAt`) wins; the same time keeps the log's record.
 * - Journal events are never changed: a missing one is added, a known one left alone.
 * - The same quote on the same page under another id (flagged in two browsers): the two are
 *   merged into the record already there, as undoing a delete does, so nothing is lost and the
 *   unique quote index never aborts the import.
 * - A mention whose crisis is not in the file (nor, when merging, in the log) goes to the inbox.
 * - A mention's capture (what the page gave, and its fingerprint) never changes: when the file
 *   holds another capture under a known id, the log's stays, the file's later edits (note,
 *   tags, tone, reach, crisis) join it, and the file's capture is kept beside it, as a mention
 *   of its own in the inbox. A crafted file cannot swap the evidence and its hash.
 */
import { SETTINGS_LISTS } from '../model/limits';
import { canonicalCapture, dedupeKeyOf, normalizeTags } from '../model/mention';
import type { Mention, Settings } from '../model/types';

export type RecordOutcome = 'added' | 'updated' | 'unchanged' | 'kept';

/** What happens to an incoming record given the log's record of the same id (if any). */
export function outcomeOf(
  existing: { updatedAt: string } | undefined,
  incoming: { updatedAt: string },
): RecordOutcome {
  if (!existing) return 'added';
  const ours = Date.parse(existing.updatedAt);
  const theirs = Date.parse(incoming.updatedAt);
  if (theirs > ours) return 'updated';
  return theirs === ours ? 'unchanged' : 'kept';
}

/** The earlier of two optional times. */
function earlier(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b;
  return Date.parse(b) < Date.parse(a) ? b : a;
}

const MAX_NOTE = 20_000;

/**
 * One mention from two flags of the same quote on the same page: `kept`'s id and capture (its
 * evidence hash covers the capture), the crisis of either, both notes and all tags, the tone a
 * user chose over a suggested one, and the later edit's reach.
 */
export function mergeSameQuote(kept: Mention, other: Mention): Mention {
  const otherNewer = Date.parse(other.updatedAt) > Date.parse(kept.updatedAt);
  const toneFromOther =
    (other.toneSource === 'user' && kept.toneSource !== 'user') ||
    (other.toneSource === kept.toneSource && otherNewer);
  const notes = [kept.note, other.note].filter(
    (note, i, all) => note.trim() !== '' && !(i === 1 && all[0]!.includes(note)),
  );
  return {
    ...kept,
    crisisId: kept.crisisId ?? other.crisisId,
    triagedAt: earlier(kept.triagedAt, other.triagedAt),
    note: notes.join('\n\n').slice(0, MAX_NOTE),
    tags: normalizeTags([...kept.tags, ...other.tags]),
    tone: toneFromOther ? other.tone : kept.tone,
    toneSource: toneFromOther ? other.toneSource : kept.toneSource,
    reach: otherNewer ? other.reach : kept.reach,
    updatedAt: otherNewer ? other.updatedAt : kept.updatedAt,
  };
}

/**
 * The file's mentions with same-quote repeats merged into the first of them (a backup Vigie
 * wrote has none: its database refuses them), and how many were merged.
 */
export function mergeRepeatsWithin(mentions: readonly Mention[]): {
  mentions: Mention[];
  merged: number;
} {
  const byKey = new Map<string, number>();
  const out: Mention[] = [];
  for (const m of mentions) {
    const key = dedupeKeyOf(m);
    const at = byKey.get(key);
    if (at === undefined) {
      byKey.set(key, out.length);
      out.push(m);
    } else {
      out[at] = mergeSameQuote(out[at]!, m);
    }
  }
  return { mentions: out, merged: mentions.length - out.length };
}

/** The mention, moved to the inbox when its crisis is unknown. */
export function intoKnownCrisis(m: Mention, known: ReadonlySet<string>): Mention {
  return m.crisisId === null || known.has(m.crisisId) ? m : { ...m, crisisId: null };
}

export type SettingsOutcome = 'taken' | 'kept' | 'merged';

/**
 * The settings after an import. Replacing, or merging into a log whose settings were never
 * saved (a new install), takes the file's. Merging otherwise keeps the user's settings and adds
 * the file's directory entries, watched terms and word rules it lacks, as many as the settings
 * can hold.
 */
export function settingsAfterImport(
  current: Settings | null,
  file: Settings,
): { settings: Settings; outcome: SettingsOutcome; added: number } {
  if (current === null) return { settings: file, outcome: 'taken', added: 0 };
  const people = new Set(current.stakeholders.map((s) => s.id));
  const terms = new Set(current.watchlist.flatMap((w) => [w.id, w.term.toLowerCase()]));
  const words = new Set(current.wordRules.map((r) => r.word.toLowerCase()));
  const stakeholders = file.stakeholders.filter((s) => !people.has(s.id));
  const watchlist = file.watchlist.filter(
    (w) => !terms.has(w.id) && !terms.has(w.term.toLowerCase()),
  );
  const wordRules = file.wordRules.filter((r) => !words.has(r.word.toLowerCase()));
  // What the settings can hold: the user's own entries first, then the file's that fit.
  const room = (list: string & keyof typeof SETTINGS_LISTS, have: number) =>
    Math.max(0, SETTINGS_LISTS[list] - have);
  const merged = {
    stakeholders: stakeholders.slice(0, room('stakeholders', current.stakeholders.length)),
    watchlist: watchlist.slice(0, room('watchlist', current.watchlist.length)),
    wordRules: wordRules.slice(0, room('wordRules', current.wordRules.length)),
  };
  const added = merged.stakeholders.length + merged.watchlist.length + merged.wordRules.length;
  if (added === 0) return { settings: current, outcome: 'kept', added };
  return {
    settings: {
      ...current,
      stakeholders: [...current.stakeholders, ...merged.stakeholders],
      watchlist: [...current.watchlist, ...merged.watchlist],
      wordRules: [...current.wordRules, ...merged.wordRules],
    },
    outcome: 'merged',
    added,
  };
}

/** Whether two records of a mention hold the same capture: what the page gave, and its hash. */
export function sameCapture(a: Mention, b: Mention): boolean {
  return (
    a.evidence.captureSha256 === b.evidence.captureSha256 &&
    canonicalCapture(a) === canonicalCapture(b) &&
    a.pageTitle === b.pageTitle &&
    a.site === b.site &&
    a.lang === b.lang &&
    a.kind === b.kind &&
    a.captureLimit === b.captureLimit
  );
}

/**
 * The log's mention with the edits of the file's later record of it: its capture and its
 * evidence stay (a kept page copy is never given up for a file that has none).
 */
export function withLaterEdits(ours: Mention, theirs: Mention): Mention {
  return {
    ...ours,
    note: theirs.note,
    tags: theirs.tags,
    tone: theirs.tone,
    toneSource: theirs.toneSource,
    reach: theirs.reach,
    crisisId: theirs.crisisId,
    triagedAt: theirs.triagedAt,
    updatedAt: theirs.updatedAt,
    evidence: { ...ours.evidence, pageCopy: ours.evidence.pageCopy ?? theirs.evidence.pageCopy },
  };
}

/**
 * The file's capture that differs from the log's under the same id, as a mention of its own: an
 * id made from both (importing the same file again finds it), in the inbox to be triaged,
 * without the page copy reference (the copy it names is the log's, or not in this browser).
 */
export function keptBeside(theirs: Mention): Mention {
  return {
    ...theirs,
    id: `${theirs.id.slice(0, 60)}~${theirs.evidence.captureSha256.slice(0, 16)}`,
    crisisId: null,
    triagedAt: null,
    evidence: { ...theirs.evidence, pageCopy: null },
  };
}
