/**
 * Text folding, the one place where Vigie decides when two spellings are the same word: lower
 * case, accents and ligatures taken away. Search and the negativity scorer compare folded
 * words; monitoring folds a page's text without changing its length, to keep its offsets.
 */

// Letters that Unicode decomposition leaves whole, spelled as French and English readers type them.
const SPELLED: Readonly<Record<string, string>> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  ı: 'i',
};

/** The text in lower case without accents or ligatures ("Élevé, cœur" → "eleve, coeur"). */
export function foldText(text: string): string {
  // Lower case first: some capitals lower to a letter plus a combining mark (İ → i̇).
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[œæßøđłı]/g, (c) => SPELLED[c] ?? c);
}

/**
 * A word as the negativity scorer looks it up: folded, typographic apostrophes made straight
 * ("don’t" is "don't"). Tweets and comments often drop accents ("decu", "genial"), so the
 * lexicons are stored folded too and a folded word finds its entry either way.
 */
export function foldWord(text: string): string {
  return foldText(text.replace(/[’‘ʼ`´]/g, "'"));
}

/**
 * The text in lower case without accents, of the very same length: each character becomes
 * its own base letter, so offsets in the folded text are offsets in the original (ligatures,
 * which would take two letters, stay as they are).
 */
export function foldSameLength(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Surrogate halves and plain ASCII stay as they are (ASCII only lowered).
    if (c < 128) out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : text[i];
    else if (c >= 0xd800 && c <= 0xdfff) out += text[i];
    else {
      const base = text[i]!.normalize('NFD')[0]!.toLowerCase();
      out += base.length === 1 ? base : text[i];
    }
  }
  return out;
}
