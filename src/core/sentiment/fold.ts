/**
 * The one form every word is compared in: lower case, accents and ligatures folded, typographic
 * apostrophes made straight. Tweets and comments often drop accents ("decu", "genial"), so the
 * lexicons are stored folded too and a folded word finds its entry either way.
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}
