/**
 * Repetition is what costs a reputation: does this crisis repeat an earlier one? It does when
 * they share a root cause, a watched term the post-mortems named, or the same story (their
 * names tell it with the same words). Two articles on the same site are no repetition: a big
 * news site carries every story.
 */
import { wordsOf } from './search';
import type { Crisis } from './types';

export interface Repeat {
  crisisId: string;
  title: string;
  openedAt: string;
  by: 'root-cause' | 'watch-term' | 'story';
  /** The root cause, the watched term, or the words of the story they share. */
  shared: string;
}

const normalize = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .trim()
    .toLowerCase();

/** Words too short to tell a story by (articles, "de", "the", numbers of one or two digits). */
const MIN_STORY_WORD = 4;

/** The words a crisis's name tells its story by. */
const storyWords = (title: string) => wordsOf(title).filter((w) => w.length >= MIN_STORY_WORD);

/**
 * The words two names share when they tell the same story: at least two, and at least half of
 * the shorter name's words; null otherwise.
 */
function sameStory(a: readonly string[], b: readonly string[]): string[] | null {
  const other = new Set(b);
  const shared = a.filter((w) => other.has(w));
  const shorter = Math.min(a.length, b.length);
  return shared.length >= 2 && shared.length * 2 >= shorter ? shared : null;
}

/** Earlier crises that this one repeats, most recent first. */
export function findRepeats(crisis: Crisis, earlier: readonly Crisis[]): Repeat[] {
  const cause = normalize(crisis.learn.rootCause);
  const terms = new Set(crisis.learn.watchTerms.map(normalize).filter(Boolean));
  const story = storyWords(crisis.title);
  const name = normalize(crisis.title);
  const repeats: Repeat[] = [];
  for (const other of earlier) {
    if (other.id === crisis.id || other.openedAt >= crisis.openedAt) continue;
    const base = { crisisId: other.id, title: other.title, openedAt: other.openedAt };
    if (cause && normalize(other.learn.rootCause) === cause) {
      repeats.push({ ...base, by: 'root-cause', shared: other.learn.rootCause });
      continue;
    }
    // A term an earlier post-mortem said to watch is back: named again here, or in this name.
    const term = other.learn.watchTerms.find(
      (w) => normalize(w) && (terms.has(normalize(w)) || name.includes(normalize(w))),
    );
    if (term) {
      repeats.push({ ...base, by: 'watch-term', shared: term });
      continue;
    }
    const words = sameStory(story, storyWords(other.title));
    if (words) repeats.push({ ...base, by: 'story', shared: words.join(', ') });
  }
  return repeats.sort((a, b) => b.openedAt.localeCompare(a.openedAt));
}
