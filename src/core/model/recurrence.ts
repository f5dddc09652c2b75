/**
 * Repetition is what costs a reputation: does this crisis repeat an earlier one, by its root
 * cause or by a site its mentions came from?
 */
import type { Crisis } from './types';

export interface Repeat {
  crisisId: string;
  title: string;
  openedAt: string;
  by: 'root-cause' | 'site';
  /** The root cause or the site they share. */
  shared: string;
}

const normalize = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();

/**
 * Earlier crises that this one repeats, most recent first. `sites` maps a crisis id to the sites
 * its mentions were flagged on.
 */
export function findRepeats(
  crisis: Crisis,
  earlier: readonly Crisis[],
  sites: ReadonlyMap<string, readonly string[]>,
): Repeat[] {
  const cause = normalize(crisis.learn.rootCause);
  const mine = new Set((sites.get(crisis.id) ?? []).map(normalize).filter(Boolean));
  const repeats: Repeat[] = [];
  for (const other of earlier) {
    if (other.id === crisis.id || other.openedAt >= crisis.openedAt) continue;
    const base = { crisisId: other.id, title: other.title, openedAt: other.openedAt };
    if (cause && normalize(other.learn.rootCause) === cause) {
      repeats.push({ ...base, by: 'root-cause', shared: other.learn.rootCause });
      continue;
    }
    const site = (sites.get(other.id) ?? []).find((s) => mine.has(normalize(s)));
    if (site) repeats.push({ ...base, by: 'site', shared: site });
  }
  return repeats.sort((a, b) => b.openedAt.localeCompare(a.openedAt));
}
