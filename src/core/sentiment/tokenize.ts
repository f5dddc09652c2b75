/** Cuts a text into the words, emoji and emoticons the scorer reads, each with its folded form. */
import { foldWord as fold } from '../text/fold';

/**
 * A piece of text the scorer looks at. `stop` ends a sentence (. ! ? …), `pause` ends a clause
 * (comma, semicolon, colon, dash, brackets, quotes): negation and intensifiers never reach across
 * either.
 */
export interface Token {
  /** As written, for emphasis (all caps) and for showing a hit. */
  text: string;
  /** Folded (see fold.ts): the form every lookup uses. */
  norm: string;
  kind: 'word' | 'emoji' | 'emoticon' | 'stop' | 'pause';
}

// Links and @handles say nothing about tone, and a link's ":/" would read as a frown.
const NOISE = /\bhttps?:\/\/\S*|\bwww\.\S+|@[\p{L}\p{N}_]+/giu;

const PIECE = new RegExp(
  [
    // Emoticons, only when they stand apart from letters and digits (not "10:30", not "re:)").
    String.raw`(?<emoticon>(?<![\p{L}\p{N}])(?:[:;=][-']?[()\[\]DPpOo3/\\|*]+|[xX]-?[D)]+|<\/?3|[()][-']?[:;=])(?![\p{L}\p{N}]))`,
    String.raw`(?<emoji>\p{Extended_Pictographic}(?:\u{FE0F}|\u{200D}\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*)`,
    // A word keeps its inner apostrophes (split below) and a trailing one: "n' est" in
    // pre-tokenised text is still the negation "n'".
    // Written as escapes (’ ʼ … « » “ ” — –): the build escapes every other non-ASCII character,
    // not a raw template's, and one left makes the worker's whole script a two-byte string.
    String.raw`(?<word>[\p{L}\p{N}]+(?:['\u2019\u02BC][\p{L}\p{N}]+)*['\u2019\u02BC]?)`,
    String.raw`(?<stop>[.!?\u2026]+)`,
    String.raw`(?<pause>[,;:()[\]"\u00AB\u00BB\u201C\u201D\u2014\u2013]|\s-\s)`,
  ].join('|'),
  'gu',
);

// French elided words: l'arnaque, d'escroquerie, qu'il, n'est, jusqu'au…
const ELISION = /^(l|d|j|m|t|s|c|n|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’ʼ](.+)$/i;
// English contractions: the "n't" is a negation and stays; 's, 're, 've, 'll, 'm, 'd go.
const NOT = /^(.+)(n['’ʼ]t)$/i;
const CLITIC = /^(.+)['’ʼ](?:s|re|ve|ll|m|d)$/i;

/** Splits one written word into the words the scorer looks up. */
function splitWord(text: string): string[] {
  if (/^n['’ʼ]t$/i.test(text)) return [text];
  const elided = ELISION.exec(text);
  if (elided) return [`${elided[1]}'`, ...splitWord(elided[2] ?? '')];
  const not = NOT.exec(text);
  if (not) return [not[1] ?? '', not[2] ?? ''];
  const clitic = CLITIC.exec(text);
  if (clitic) return [clitic[1] ?? ''];
  return [text];
}

/** Cuts a text into words, emoji, emoticons and boundaries, in order. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.replace(NOISE, ' ').matchAll(PIECE)) {
    const groups = match.groups ?? {};
    if (groups.word) {
      for (const part of splitWord(groups.word)) {
        if (part) tokens.push({ text: part, norm: fold(part), kind: 'word' });
      }
    } else if (groups.emoji) {
      // Variation selectors and skin tones don't change what an emoji says.
      const norm = groups.emoji.replace(/\u{FE0F}|[\u{1F3FB}-\u{1F3FF}]/gu, '');
      tokens.push({ text: groups.emoji, norm, kind: 'emoji' });
    } else if (groups.emoticon) {
      tokens.push({ text: groups.emoticon, norm: groups.emoticon.toLowerCase(), kind: 'emoticon' });
    } else if (groups.stop) {
      tokens.push({ text: groups.stop, norm: groups.stop, kind: 'stop' });
    } else if (groups.pause) {
      tokens.push({ text: groups.pause.trim(), norm: groups.pause.trim(), kind: 'pause' });
    }
  }
  return tokens;
}

/** Whether a token ends a sentence or clause (or is past either end of the text). */
export function isBoundary(token: Token | undefined): boolean {
  return !token || token.kind === 'stop' || token.kind === 'pause';
}

/** How many words, from token i, make the longest phrase of `phrases` (0 if none). */
export function phraseAt(
  tokens: readonly Token[],
  i: number,
  phrases: ReadonlySet<string>,
  longest = 3,
): number {
  for (let n = longest; n >= 1; n--) {
    const words = tokens.slice(i, i + n);
    if (words.length < n || words.some((t) => t.kind !== 'word')) continue;
    if (phrases.has(words.map((t) => t.norm).join(' '))) return n;
  }
  return 0;
}
