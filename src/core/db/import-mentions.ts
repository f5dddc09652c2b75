/**
 * The mentions step of an import: each mention placed (into the inbox when its crisis is
 * nowhere), repeats within the file merged, then each one written beside, over or into the
 * log's, with the search's posting lists following.
 */
import type { ImportSummary } from '../backup/format';
import {
  intoKnownCrisis,
  keptBeside,
  mergeRepeatsWithin,
  mergeSameQuote,
  outcomeOf,
  sameCapture,
  withLaterEdits,
} from '../backup/merge';
import { dedupeKeyOf } from '../model/mention';
import type { Mention } from '../model/types';
import { inChunks, quiet, writes, type ImportRun } from './import-tx';
import { fromStored, toStored } from './mentions';
import { PostingChanges } from './postings';
import type { StoredMention } from './schema';

/**
 * What to write of `chunk`, each with the log's record of its id (`byId`). A mention holding
 * another capture than the log's under its id gives two: the log's with the file's edits, and
 * the file's capture beside it (unless it is the log's quote again, which the log holds
 * already). `beside`: where those captures are, whose log record is still to be read.
 */
function pairWithLog(
  chunk: readonly Mention[],
  byId: readonly (StoredMention | undefined)[],
  summary: ImportSummary,
) {
  const incoming: Mention[] = [];
  const existing: (StoredMention | undefined)[] = [];
  const beside: number[] = [];
  chunk.forEach((m, i) => {
    const ours = byId[i];
    if (!ours || sameCapture(fromStored(ours), m)) {
      incoming.push(m);
      existing.push(ours);
      return;
    }
    summary.otherCapture++;
    incoming.push(withLaterEdits(fromStored(ours), m));
    existing.push(ours);
    const theirs = keptBeside(m);
    if (dedupeKeyOf(theirs) === ours.dedupeKey) return;
    beside.push(incoming.length);
    incoming.push(theirs);
    existing.push(undefined);
  });
  return { incoming, existing, beside };
}

/** One round of the mentions step: `chunk` read against the log, counted, and written. */
async function importChunk(
  run: ImportRun,
  chunk: Mention[],
  none: boolean,
  lists: PostingChanges,
): Promise<void> {
  const { tx, w, write, summary } = run;
  const store = tx.objectStore('mentions');
  // What a write changes beside the record: the search's lists and the kept counts.
  const replaced = (before: StoredMention | undefined, after: StoredMention) => {
    lists.replaced(before, after);
    run.counts.replaced(before, after);
  };
  const byId = none ? [] : await Promise.all(chunk.map((m) => store.get(m.id)));
  const { incoming, existing, beside } = pairWithLog(chunk, byId, summary);
  const stored = incoming.map(toStored);
  const [besideRecords, sameKey] = !none
    ? await Promise.all([
        Promise.all(beside.map((k) => store.get(incoming[k]!.id))),
        Promise.all(stored.map((s) => store.index('dedupeKey').get(s.dedupeKey))),
      ])
    : [[], []];
  beside.forEach((k, j) => (existing[k] = besideRecords[j]));
  const puts = incoming.flatMap((m, i) => {
    const twin = sameKey[i];
    if (twin && twin.id !== m.id) {
      // The same quote on the same page, flagged under another id (another browser).
      summary.sameQuote++;
      if (!write) return [];
      const merged = toStored(mergeSameQuote(fromStored(twin), m));
      replaced(twin, merged);
      return [quiet(w.objectStore('mentions').put(merged))];
    }
    const outcome = outcomeOf(existing[i], m);
    summary.mentions[outcome]++;
    if (!write || !writes(outcome)) return [];
    replaced(existing[i], stored[i]!);
    return [quiet(w.objectStore('mentions').put(stored[i]!))];
  });
  await Promise.all(puts);
}

/**
 * Imports the file's mentions. `known`: the crises a mention may keep (in the file or in the
 * log); an orphan's crisis is looked for there.
 */
export async function importMentions(
  run: ImportRun,
  mentions: readonly Mention[],
  orphans: ReadonlySet<string>,
  known: ReadonlySet<string>,
): Promise<void> {
  const { tx, merge, summary } = run;
  const placed = mentions.map((m) => (orphans.has(m.id) ? intoKnownCrisis(m, known) : m));
  summary.toInbox = placed.filter((m, i) => m.crisisId !== mentions[i]!.crisisId).length;
  const within = mergeRepeatsWithin(placed);
  summary.sameQuote = within.merged;
  // Into an empty log (a new browser, or after `replace` cleared it), nothing is there to read.
  const none = !merge || !(await tx.objectStore('mentions').openKeyCursor());
  // The search's posting lists of every mention written, saved once all are.
  const lists = new PostingChanges();
  await inChunks(within.mentions, run.tick, (chunk) => importChunk(run, chunk, none, lists));
  if (run.write) await lists.save(run.w.objectStore('postings'), run.tick, { fresh: none });
}
