/**
 * Hostile pages, made by a seeded generator: what a page controls pushed past every limit a
 * record has (titles, languages, addresses, selections, the text around them), written in the
 * characters that trip text code (zero-width, right-to-left, surrogate pairs), put where text is
 * hard to reach (shadow DOM, SVG, frames), and markup in every field. Each page says how it is
 * flagged, as a user would: what to select, or the link or image to right-click.
 */
import { seededRandom } from '../../seeded-random';

/** How a page is flagged: a selection (of an element, of everything), a link, an image, the page. */
export type HostileFlag =
  | { how: 'select'; selector: string }
  | { how: 'select-all' }
  | { how: 'shadow' }
  | { how: 'svg' }
  | { how: 'frame'; frame: string }
  | { how: 'link'; linkUrl: string }
  | { how: 'image'; srcUrl: string }
  | { how: 'page' };

export interface HostilePage {
  /** The file name it is served as. */
  name: string;
  html: string;
  /** The query string the page is opened with (an address the page's link made huge). */
  query: string;
  flag: HostileFlag;
  /** What makes it hostile, for a failing test's message. */
  kind: string;
}

const MARKUP = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  '<b>bold</b> &lt;i&gt; &amp;amp;',
  "'; DROP TABLE mentions; --",
];
const ODD = ['\u200b', '\u200e', '\u202e', '\u2066', '\ufeff', '😀', '\u0301', '\u00a0', '\t'];

/** HTML text of `text`: the page shows it as written, markup included. */
const esc = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `n` characters of prose sprinkled with the characters that trip text code. */
function prose(r: ReturnType<typeof seededRandom>, n: number): string {
  const words = ['Lumen', 'scam', 'refund', 'never', 'again', 'arnaque', 'خدمة', 'שירות', 'café'];
  let out = '';
  while (out.length < n) out += `${r.pick(words)}${r.int(5) === 0 ? r.pick(ODD) : ''} `;
  return out.slice(0, n);
}

function page(parts: { title: string; lang?: string; body: string; dir?: string }): string {
  const lang = parts.lang === undefined ? '' : ` lang="${esc(parts.lang)}"`;
  const dir = parts.dir ? ` dir="${parts.dir}"` : '';
  return `<!doctype html><html${lang}${dir}><head><meta charset="utf-8"><title>${esc(parts.title)}</title></head><body>${parts.body}</body></html>`;
}

/** `count` hostile pages (and the frames some of them hold), the same ones for the same seed. */
export function hostilePages(count: number, seed = 0x4057): HostilePage[] {
  const r = seededRandom(seed);
  const pages: HostilePage[] = [];
  const kinds = [
    'huge-title',
    'huge-lang',
    'repeated-blocks',
    'huge-selection',
    'odd-characters',
    'shadow-dom',
    'svg-text',
    'iframe',
    'markup-everywhere',
    'huge-link',
    'huge-image',
    'huge-address',
    'huge-attributes',
  ] as const;
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length]!;
    const name = `hostile-${String(i).padStart(3, '0')}.html`;
    const tag = `page ${i}`;
    const mark = r.pick(MARKUP);
    let title = `${tag} ${mark} ${prose(r, 40)}`;
    let lang: string | undefined = r.pick(['en', 'fr', 'ar', undefined]);
    let body = `<p id="q">${esc(`${tag}: ${prose(r, 200)}`)}</p>`;
    let query = `?n=${i}`;
    let flag: HostileFlag = { how: 'select', selector: '#q' };
    const frames: HostilePage[] = [];
    switch (kind) {
      case 'huge-title':
        title = `${tag} ${prose(r, 10_001 + r.int(40_000))}`;
        break;
      case 'huge-lang':
        lang = `fr-${'x'.repeat(98 + r.int(400))}${mark}`;
        break;
      case 'repeated-blocks': {
        // The same block again and again: the text that tells one from the others is long.
        const text = esc(prose(r, 60));
        const n = 300 + r.int(300);
        const at = r.int(2 * n);
        const blocks = Array.from(
          { length: 2 * n },
          (_, k) => `<p class="b"${k === at ? ' id="rep"' : ''}>${text}</p>`,
        );
        const middle = `<p id="q">${esc(`${tag} ${prose(r, 40)}`)}</p>`;
        body = `${blocks.slice(0, n).join('')}${middle}${blocks.slice(n).join('')}`;
        flag = { how: 'select', selector: r.int(2) ? '#rep' : '#q' };
        break;
      }
      case 'huge-selection':
        body = `<article>${Array.from({ length: 40 }, () => `<p>${esc(prose(r, 3_000))}</p>`).join('')}</article>`;
        flag = { how: 'select-all' };
        break;
      case 'odd-characters':
        title = `${ODD.join('')}${tag}\u202e${prose(r, 30)}`;
        body = `<p id="q" dir="rtl">${esc(`${ODD.join('')}${tag} ${prose(r, 300)}${ODD.join('')}`)}</p>`;
        break;
      case 'shadow-dom':
        body = `<div id="host"></div><script>
          const root = document.getElementById('host').attachShadow({ mode: 'open' });
          root.innerHTML = '<p id="inner">' + ${JSON.stringify(esc(`${tag} in a shadow root: ${prose(r, 120)}`))} + '</p>';
        </script>`;
        flag = { how: 'shadow' };
        break;
      case 'svg-text':
        body = `<svg width="600" height="80"><text x="0" y="40">${esc(`${tag} ${prose(r, 80)}`)}</text></svg>`;
        flag = { how: 'svg' };
        break;
      case 'iframe': {
        const frame = `frame-${String(i).padStart(3, '0')}.html`;
        frames.push({
          name: frame,
          html: page({
            title: `${'F'.repeat(12_000)}`,
            lang: 'x'.repeat(150),
            body: `<p id="q">${esc(`${tag} in a frame: ${prose(r, 30_000)}`)}</p>`,
          }),
          query: '',
          flag: { how: 'page' },
          kind: 'frame',
        });
        body = `<p>${esc(tag)}</p><iframe src="${frame}" width="600" height="200"></iframe>`;
        flag = { how: 'frame', frame };
        break;
      }
      case 'markup-everywhere':
        title = `${mark}${mark}${tag}`;
        lang = mark.slice(0, 90);
        body = `<p id="q">${esc(`${mark} ${tag} ${mark}`)}</p><a id="l" href="javascript:window.__pwned=1">${esc(mark)}</a>`;
        flag = r.int(2)
          ? { how: 'select', selector: '#q' }
          : { how: 'link', linkUrl: `javascript:window.__pwned=1//${esc(mark)}` };
        break;
      case 'huge-link':
        flag = {
          how: 'link',
          linkUrl: `https://evil.example/${'l'.repeat(100_001 + r.int(50_000))}`,
        };
        break;
      case 'huge-image':
        flag = {
          how: 'image',
          srcUrl: `data:image/png;base64,${'A'.repeat(100_001 + r.int(200_000))}`,
        };
        break;
      case 'huge-address':
        query = `?n=${i}&q=${'u'.repeat(100_001 + r.int(20_000))}`;
        flag = r.int(2) ? { how: 'page' } : { how: 'select', selector: '#q' };
        break;
      case 'huge-attributes':
        body = `<p id="q" data-x="${'a'.repeat(200_000)}" title="${esc(prose(r, 50_000))}">${esc(`${tag} ${prose(r, 150)}`)}</p>`;
        break;
    }
    pages.push({ name, html: page({ title, lang, body }), query, flag, kind }, ...frames);
  }
  return pages;
}
