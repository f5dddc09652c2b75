/**
 * Feed fields as plain text: HTML read the way a browser lays it out (tags removed, block
 * elements on lines of their own, whitespace collapsed, scripts and styles dropped), entities
 * decoded once. Strings only, no DOM: it runs in the service worker.
 */
import { decodeHtmlEntities } from './feed-entities';
import { tagEnd } from './feed-xml';

/**
 * Elements a browser lays out on lines of their own: 2 for those it sets apart with a margin
 * (a blank line in text), 1 for the others. Two blocks' boundaries meeting make one break.
 */
const BLOCKS = new Map<string, number>([
  ...'address article aside caption dd div dt figcaption footer header li main nav section tr'
    .split(' ')
    .map((name): [string, number] => [name, 1]),
  ...'blockquote dl figure h1 h2 h3 h4 h5 h6 hr ol p pre table ul'
    .split(' ')
    .map((name): [string, number] => [name, 2]),
]);
/** The end tags of the elements whose content is not text to read. */
const HIDDEN_END = { script: /<\/script\s*>/gi, style: /<\/style\s*>/gi };

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Lines trimmed, spaces collapsed, no more than one blank line in a row. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** `text`, a field that holds text, with its entities decoded once and its whitespace tidied. */
export function plainText(text: string): string {
  return tidy(decodeHtmlEntities(text));
}

/**
 * The language tag `text` gives (`pt-pt`, `en_US` as `en-US`), or undefined when it is none: a
 * feed's `language` is free text, and only a tag tells a reader which language it is.
 */
export function languageTag(text: string | undefined): string | undefined {
  const tag = text?.trim().replace(/_/g, '-');
  return tag && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : undefined;
}

/** `text` on one line: every run of whitespace, line breaks included, one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The text a browser shows for `html`: tags removed, block elements and `<br>` on lines of their
 * own, table cells apart, whitespace collapsed as HTML does (kept inside `<pre>`), comments and the
 * content of `<script>` and `<style>` dropped, entities decoded once. A `<` that opens no tag is
 * text; a tag cut off by the end of the field is dropped.
 */
export function htmlToText(html: string): string {
  let out = '';
  let pre = 0;
  /** The line breaks the blocks closed or opened since the last text ask for. */
  let breaks = 0;
  const write = (text: string) => {
    if (breaks && /\S/.test(text)) {
      out += '\n'.repeat(breaks);
      breaks = 0;
    }
    if (!breaks) out += text;
  };
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const chunk = decodeHtmlEntities(html.slice(i, lt < 0 ? n : lt));
    write(pre ? chunk : chunk.replace(/\s+/g, ' '));
    if (lt < 0) break;
    let end: number;
    const next = html.charCodeAt(lt + 1);
    const closing = next === 47;
    if (html.startsWith('<!--', lt)) {
      end = html.indexOf('-->', lt + 4);
      if (end >= 0) end += 2;
    } else if (html.startsWith('<![CDATA[', lt)) {
      // CDATA wrapped twice: the inner one arrives here as markup; its content is text.
      end = html.indexOf(']]>', lt + 9);
      if (end >= 0) write(html.slice(lt + 9, end));
      if (end >= 0) end += 2;
    } else if (next === 33 || next === 63) {
      end = html.indexOf('>', lt);
    } else if (isLetter(html.charCodeAt(closing ? lt + 2 : lt + 1))) {
      end = tagEnd(html, lt);
      if (end < 0) break;
      const name = /^<\/?([A-Za-z][A-Za-z0-9]*)/.exec(html.slice(lt, lt + 12))?.[1]?.toLowerCase();
      if (name === 'script' || name === 'style') {
        if (!closing) {
          const hiddenEnd = HIDDEN_END[name];
          hiddenEnd.lastIndex = end;
          if (!hiddenEnd.exec(html)) break;
          end = hiddenEnd.lastIndex - 1;
        }
      } else if (name === 'br') {
        // `<br></br>`, as XHTML content written back has it, is one break.
        if (!closing) out += '\n';
      } else if (name === 'td' || name === 'th') {
        write(' ');
      } else if (name) {
        breaks = Math.max(breaks, BLOCKS.get(name) ?? 0);
        if (name === 'pre') pre = Math.max(0, pre + (closing ? -1 : 1));
      }
    } else {
      write('<');
      end = lt;
    }
    if (end < 0) break;
    i = end + 1;
  }
  return tidy(out);
}
