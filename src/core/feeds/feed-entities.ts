/**
 * Character references, in the two layers a feed stacks them: XML's (the five predefined
 * entities and numeric references, decoded by the XML reader) and HTML's (named entities, decoded
 * once more in the text of fields that hold HTML). Entities a DOCTYPE declares are never expanded:
 * the reader refuses such documents (feed-xml.ts).
 */

/**
 * Windows-1252's characters for bytes 0x80–0x9F: HTML reads `&#150;` as an en dash rather than
 * a C1 control, and so do feeds' authors. NUL where 1252 has none: that code stays as it is.
 */
const WINDOWS_1252 = '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ';

/**
 * The named entities feeds use: Latin-1's (U+00A0–U+00FF in order, which covers the accented
 * letters of the languages Vigie watches) and HTML 4's punctuation. An entity outside this list
 * stays as written.
 */
const LATIN_1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn ' +
  'sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave ' +
  'Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
  'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN ' +
  'szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave ' +
  'iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ' +
  'ucirc uuml yacute thorn yuml';

const NAMED = new Map<string, string>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ...LATIN_1.split(' ').map((name, i): [string, string] => [name, String.fromCharCode(160 + i)]),
  ...(
    [
      ['OElig', 338],
      ['oelig', 339],
      ['Scaron', 352],
      ['scaron', 353],
      ['Yuml', 376],
      ['fnof', 402],
      ['circ', 710],
      ['tilde', 732],
      ['ensp', 8194],
      ['emsp', 8195],
      ['thinsp', 8201],
      ['zwnj', 8204],
      ['zwj', 8205],
      ['lrm', 8206],
      ['rlm', 8207],
      ['ndash', 8211],
      ['mdash', 8212],
      ['lsquo', 8216],
      ['rsquo', 8217],
      ['sbquo', 8218],
      ['ldquo', 8220],
      ['rdquo', 8221],
      ['bdquo', 8222],
      ['dagger', 8224],
      ['Dagger', 8225],
      ['bull', 8226],
      ['hellip', 8230],
      ['permil', 8240],
      ['prime', 8242],
      ['Prime', 8243],
      ['lsaquo', 8249],
      ['rsaquo', 8250],
      ['euro', 8364],
      ['trade', 8482],
      ['larr', 8592],
      ['rarr', 8594],
    ] as const
  ).map(([name, code]): [string, string] => [name, String.fromCharCode(code)]),
]);

/** The character of a numeric reference; U+FFFD for one no text may hold (as HTML does). */
function charOf(code: number): string {
  if (code >= 0x80 && code <= 0x9f) {
    const c = WINDOWS_1252[code - 0x80];
    return c && c !== '\0' ? c : String.fromCharCode(code);
  }
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(code);
}

function numeric(ref: string): string {
  return charOf(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : +ref.slice(1));
}

const XML_REF = /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,8}|amp|lt|gt|quot|apos);/g;
const HTML_REF = /&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,8}|[A-Za-z][A-Za-z0-9]{1,7});/g;

/**
 * `text` with XML's references decoded: the five predefined entities and numeric references.
 * Any other `&name;` stays as written, for the HTML layer to read (feeds write `&nbsp;` in XML).
 */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(XML_REF, (_, ref: string) =>
    ref[0] === '#' ? numeric(ref) : (NAMED.get(ref) ?? ref),
  );
}

/** `text` with HTML's references decoded once; an unknown name stays as written. */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(HTML_REF, (whole, ref: string) =>
    ref[0] === '#' ? numeric(ref) : (NAMED.get(ref) ?? whole),
  );
}
