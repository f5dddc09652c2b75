/**
 * A feed's bytes as text, read in the charset they are in. The first that says wins: a byte
 * order mark (which no other charset's text starts with; browsers let it override the header
 * too), the Content-Type header's charset, UTF-16's own pattern (`<?` with a zero byte beside
 * each character), then the XML declaration's encoding; else UTF-8, which JSON always is.
 * TextDecoder reads every charset the Encoding Standard names (windows-1251, ISO-8859-1, …).
 */

/** The text of a feed's bytes, or why they cannot be read. */
export type DecodedFeed =
  | { readonly ok: true; readonly text: string; readonly charset: string }
  | { readonly ok: false; readonly failure: 'unsupported-charset'; readonly detail: string };

/** How far into the bytes the XML declaration is looked for: it must come first. */
const PROLOGUE = 1024;

function byteOrderMark(b: Uint8Array): string | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return undefined;
}

function utf16Pattern(b: Uint8Array): string | undefined {
  if (b[0] === 0x3c && b[1] === 0 && b[2] === 0x3f && b[3] === 0) return 'utf-16le';
  if (b[0] === 0 && b[1] === 0x3c && b[2] === 0 && b[3] === 0x3f) return 'utf-16be';
  return undefined;
}

function headerCharset(contentType: string | null | undefined): string | undefined {
  return /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '')?.[1];
}

function declaredEncoding(b: Uint8Array): string | undefined {
  const head = String.fromCharCode(...b.subarray(0, PROLOGUE));
  return /<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
}

/**
 * `bytes` as text, in the charset found as the module's comment says; `contentType` is the
 * response's Content-Type header, when there was one. A charset TextDecoder does not know is
 * 'unsupported-charset'. A label naming UTF-16 over bytes that are not (a declaration read as
 * ASCII cannot be UTF-16's) is read as UTF-8, as browsers do with a page's meta charset.
 */
export function decodeFeed(bytes: Uint8Array, contentType?: string | null): DecodedFeed {
  const bom = byteOrderMark(bytes);
  let label =
    bom ?? headerCharset(contentType) ?? utf16Pattern(bytes) ?? declaredEncoding(bytes) ?? 'utf-8';
  if (!bom && /^(utf-?16|ucs-?2)/i.test(label) && bytes[0] !== 0 && bytes[1] !== 0) {
    label = 'utf-8';
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return { ok: false, failure: 'unsupported-charset', detail: label };
  }
  return { ok: true, text: decoder.decode(bytes), charset: decoder.encoding };
}
