/**
 * A kept HTML copy, made safe to open. The copy is the page's own document, and the page may be
 * the hostile one the crisis is about: opened as it is from a download, its scripts would run
 * and its images and styles would call its servers (telling them the evidence was opened). The
 * copy downloaded to be opened has its scripts, frames, plug-ins, base and http-equiv directives
 * and event handlers taken out, and a content security policy that lets nothing run or load
 * but what the file holds itself. Its bytes are no longer the fingerprinted ones: the exact
 * bytes download apart, as a text file (`.html.txt`), which no browser runs.
 */

/** Nothing runs, nothing is fetched: inline styles and data: images only. */
export const COPY_POLICY =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline' data:; font-src data:; " +
  "media-src data:; form-action 'none'; base-uri 'none'";

/** Elements that run code, load or prefetch other documents, or redirect: none stays. */
const REMOVED =
  'script, iframe, frame, frameset, object, embed, applet, base, link, meta[http-equiv]';
/** Attributes whose value may be a javascript: address. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data']);

/** The HTML of a kept copy, neutralised; `fingerprint` is the exact copy's SHA-256. */
export function neutralizedCopy(html: string, fingerprint: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const element of doc.querySelectorAll(REMOVED)) element.remove();
  for (const element of doc.querySelectorAll('*')) {
    for (const { name, value } of [...element.attributes]) {
      const lower = name.toLowerCase();
      if (lower.startsWith('on') || (URL_ATTRIBUTES.has(lower) && /^\s*javascript:/i.test(value))) {
        element.removeAttribute(name);
      }
    }
  }
  const charset = doc.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  const policy = doc.createElement('meta');
  policy.setAttribute('http-equiv', 'Content-Security-Policy');
  policy.setAttribute('content', COPY_POLICY);
  const note = doc.createComment(
    ` Copy kept by Vigie, made safe to open: scripts and remote content removed or blocked. ` +
      `The exact copy's SHA-256 is ${fingerprint}. `,
  );
  doc.head.prepend(charset, policy, note);
  const root = doc.documentElement;
  const attributes = [...root.attributes]
    .map((a) => ` ${a.name}="${a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('');
  return `<!DOCTYPE html>\n<html${attributes}>${root.getHTML()}</html>`;
}
