/**
 * Which of French and English a short text is written in, from its words, when the page does not
 * say.
 */
import { tokenize } from './tokenize';

export type Lang = 'fr' | 'en';

// Frequent words of one language that are rare in the other. Words both languages use
// ("a", "on", "me", "son", "plus") are left out: they would only add noise.
const FR = new Set(
  (
    'le la les un une des du de et est sont je tu il elle nous vous ils elles ce cet cette ces ' +
    "c' qu' l' d' j' n' s' m' t' pas que qui pour dans sur avec mais ou tres trop ca cela au aux " +
    'mon ma mes ton ta tes sa ses leur leurs par comme tout tous ete etre avoir fait bien aussi ' +
    'encore toujours jamais rien vraiment peu moi toi lui y ne sans chez entre vous alors donc'
  ).split(' '),
);
const EN = new Set(
  (
    'the an and is are was were be been being i you he she it we they this that these those of ' +
    'to in for with at but not no my your his her our their have has had do does did will would ' +
    "can could should just very so what which who there about from by as if or n't than then " +
    'were been any all some more most much really also only into out up down over after'
  ).split(' '),
);
// Letters French writes and English (almost) never does.
const FR_LETTERS = /[éèêëàâîïôûùüçœ]/i;

/**
 * The language of a text, from its frequent words and its letters; null when the text gives no
 * clue or as many of each (a short "OK !" or "Top 👍"). Only French and English are told apart:
 * any other language comes out as whichever it resembles, or null.
 */
export function detectLanguage(text: string): Lang | null {
  let fr = 0;
  let en = 0;
  for (const token of tokenize(text)) {
    if (token.kind !== 'word') continue;
    if (FR.has(token.norm)) fr += 1;
    if (EN.has(token.norm)) en += 1;
    if (FR_LETTERS.test(token.text)) fr += 1;
  }
  if (fr === en) return null;
  return fr > en ? 'fr' : 'en';
}
