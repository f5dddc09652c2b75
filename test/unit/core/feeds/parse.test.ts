/**
 * parseFeed on small feeds written here: the formats and their namespaces, links, bounds, and the
 * documents it must refuse (expansion bombs, oversized, HTML, truncated) without throwing or
 * hanging. The real captures are in parse-fixtures.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../../src/core/feeds/parse';
import type { FeedItem, ParseResult, ParsedFeed } from '../../../../src/core/feeds/types';
import { CUT_MARK, LIMITS } from '../../../../src/core/model/limits';

const URL_ = 'https://news.example/feed.xml';

function parse(text: string, contentType?: string): ParseResult {
  return parseFeed(new TextEncoder().encode(text), { url: URL_, contentType });
}

function feedOf(text: string): ParsedFeed {
  const result = parse(text);
  if (!result.ok) throw new Error(`${result.failure}: ${result.detail ?? ''}`);
  return result.feed;
}

function items(text: string): readonly FeedItem[] {
  return feedOf(text).items;
}

const rss = (body: string, attrs = '') =>
  `<?xml version="1.0"?><rss version="2.0"${attrs}><channel><title>News</title>` +
  `<link>https://news.example/</link>${body}</channel></rss>`;
const atom = (body: string) =>
  `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>${body}</feed>`;

describe('parseFeed: formats', () => {
  it('reads RSS 2.0: link, guid, pubDate, HTML description, dc:creator', () => {
    const feed = feedOf(
      rss(
        '<item><title>Bad &amp; worse</title><link>https://news.example/1</link>' +
          '<guid isPermaLink="false">id-1</guid><pubDate>Tue, 3 Dec 2026 10:00 EST</pubDate>' +
          '<description>&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two &amp;amp; three&lt;/p&gt;</description>' +
          '<dc:creator>Ann</dc:creator></item>',
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
      ),
    );
    expect(feed).toEqual({
      format: 'rss',
      title: 'News',
      siteUrl: 'https://news.example/',
      items: [
        {
          guid: 'id-1',
          url: 'https://news.example/1',
          title: 'Bad & worse',
          text: 'One\n\nTwo & three',
          published: '2026-12-03T15:00:00.000Z',
          author: 'Ann',
        },
      ],
    });
  });

  it('prefers content:encoded to description, and an RSS author address gives its name', () => {
    const [item] = items(
      rss(
        '<item><title>T</title><description>short</description>' +
          '<content:encoded><![CDATA[<p>The <b>full</b> text</p>]]></content:encoded>' +
          '<author>ann@news.example (Ann Lee)</author></item>',
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"',
      ),
    );
    expect(item).toMatchObject({ text: 'The full text', author: 'Ann Lee' });
  });

  it('reads elements in a default namespace and modules under any prefix', () => {
    const [item] = items(
      '<rss version="2.0" xmlns="http://backend.userland.com/rss2" xmlns:d="http://purl.org/dc/elements/1.1/">' +
        '<channel><item><title>Namespaced</title><link>https://news.example/n</link>' +
        '<d:date>2026-12-03T10:00:00+01:00</d:date></item></channel></rss>',
    );
    expect(item).toMatchObject({
      title: 'Namespaced',
      url: 'https://news.example/n',
      published: '2026-12-03T09:00:00.000Z',
    });
  });

  it('reads RSS 1.0: items beside the channel, rdf:about as the guid', () => {
    const feed = feedOf(
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">' +
        '<channel rdf:about="https://news.example/"><title>R</title><link>https://news.example/</link></channel>' +
        '<item rdf:about="https://news.example/r1"><title>One</title></item></rdf:RDF>',
    );
    expect(feed.format).toBe('rdf');
    expect(feed.items).toEqual([
      { guid: 'https://news.example/r1', url: 'https://news.example/r1', title: 'One', text: '' },
    ]);
  });

  it('reads Atom under a prefix, and the alternate link, not self or edit', () => {
    const feed = feedOf(
      '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title type="html">A &amp;lt;3</a:title>' +
        '<a:entry><a:id>urn:1</a:id><a:title>E</a:title>' +
        '<a:link rel="self" href="https://news.example/self"/>' +
        '<a:link rel="alternate" type="application/pdf" href="https://news.example/e.pdf"/>' +
        '<a:link href="https://news.example/e"/>' +
        '<a:updated>2026-12-03T10:00:00Z</a:updated><a:summary>S</a:summary></a:entry></a:feed>',
    );
    expect(feed.title).toBe('A <3');
    expect(feed.items[0]).toMatchObject({
      guid: 'urn:1',
      url: 'https://news.example/e',
      published: '2026-12-03T10:00:00.000Z',
      text: 'S',
    });
  });

  it('keeps type="text" Atom text as text, and resolves xml:base from feed to link', () => {
    const [item] = items(
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/a/">' +
        '<entry xml:base="posts/"><title type="text">if a &lt; b then</title>' +
        '<link href="one.html"/><content type="text">x &lt;b&gt; y</content></entry></feed>',
    );
    expect(item).toMatchObject({
      title: 'if a < b then',
      url: 'https://blog.example/a/posts/one.html',
      text: 'x <b> y',
    });
  });

  it('reads JSON Feed 1.1: external_url when no url, authors, content_text first', () => {
    const feed = feedOf(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'J',
        home_page_url: 'https://news.example/',
        authors: [{ name: 'Feed Author' }],
        items: [
          {
            id: 7,
            external_url: 'https://elsewhere.example/x',
            title: 'Linked &amp; quoted',
            content_text: 'Plain\n\n\n\ntext',
            content_html: '<p>HTML</p>',
            date_modified: '2026-12-03T10:00:00Z',
          },
          { id: 'no-fields' },
          'not an item',
          { id: 'h', content_html: '<p>Only <i>HTML</i></p>', authors: [{ name: 'Ann' }] },
        ],
      }),
    );
    expect(feed).toEqual({
      format: 'json',
      title: 'J',
      siteUrl: 'https://news.example/',
      items: [
        {
          guid: '7',
          url: 'https://elsewhere.example/x',
          title: 'Linked & quoted',
          text: 'Plain\n\ntext',
          published: '2026-12-03T10:00:00.000Z',
          author: 'Feed Author',
        },
        { guid: 'h', url: '', title: '', text: 'Only HTML', author: 'Ann' },
      ],
    });
  });

  it("gives the feed's language tag, and none for free text", () => {
    expect(feedOf(rss('<language>pt_PT</language>'))).toMatchObject({ lang: 'pt-PT' });
    expect(feedOf(rss('<language>Français</language>'))).not.toHaveProperty('lang');
    const rdf =
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" ' +
      'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><dc:language>en-us</dc:language></channel></rdf:RDF>';
    expect(feedOf(rdf)).toMatchObject({ lang: 'en-us' });
    const atomDe = '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de"/>';
    expect(feedOf(atomDe)).toMatchObject({ lang: 'de' });
    const json = { version: 'https://jsonfeed.org/version/1.1', language: 'fr', items: [] };
    expect(feedOf(JSON.stringify(json))).toMatchObject({ lang: 'fr' });
  });

  it('detects the format from the content, whatever the address says', () => {
    const result = parseFeed(new TextEncoder().encode(atom('<entry><title>x</title></entry>')), {
      url: 'https://news.example/feed.rss',
      contentType: 'application/rss+xml',
    });
    expect(result).toMatchObject({ ok: true, feed: { format: 'atom' } });
  });
});

describe('parseFeed: items and links', () => {
  it('takes the first of a duplicated guid, and a permalink guid as the URL', () => {
    const [item] = items(
      rss('<item><guid>https://news.example/g</guid><guid>https://news.example/h</guid></item>'),
    );
    expect(item).toMatchObject({ guid: 'https://news.example/g', url: 'https://news.example/g' });
  });

  it('never makes a URL of a guid that is not one', () => {
    const [item] = items(rss('<item><title>T</title><guid>12345</guid></item>'));
    expect(item).toMatchObject({ guid: '12345', url: '' });
  });

  it("unwraps Google's redirects, and keeps Google News' own links", () => {
    const alert =
      'https://www.google.com/url?rct=j&amp;sa=t&amp;url=https://press.example/story%3Fid%3D1&amp;ct=ga&amp;usg=AF';
    const news = 'https://news.google.com/rss/articles/CBMiK2h0dHBz?oc=5';
    const list = items(
      atom(
        `<entry><title>a</title><link href="${alert}"/></entry>` +
          `<entry><title>b</title><link href="${news}"/></entry>`,
      ),
    );
    expect(list.map((item) => item.url)).toEqual(['https://press.example/story?id=1', news]);
  });

  it('keeps only http(s) links no longer than LIMITS.url', () => {
    const long = `https://news.example/${'x'.repeat(LIMITS.url)}`;
    const list = items(
      rss(
        '<item><title>js</title><link>javascript:alert(1)</link></item>' +
          `<item><title>long</title><link>${long}</link></item>` +
          '<item><title>rel</title><link>/relative</link></item>',
      ),
    );
    expect(list.map((item) => item.url)).toEqual(['', '', 'https://news.example/relative']);
  });

  it('drops items with neither URL, title nor text, and reads 500 items at most', () => {
    expect(items(rss('<item><guid isPermaLink="false">x</guid></item>'))).toEqual([]);
    const many = '<item><title>t</title></item>'.repeat(600);
    expect(items(rss(many))).toHaveLength(500);
  });

  it('bounds titles to LIMITS.name and texts to LIMITS.message, marking the cut', () => {
    const [item] = items(
      rss(
        `<item><title>${'t'.repeat(2000)}</title><description>${'x '.repeat(120_000)}</description></item>`,
      ),
    );
    expect(item?.title).toHaveLength(LIMITS.name);
    expect(item?.title.endsWith(CUT_MARK)).toBe(true);
    expect(item?.text).toHaveLength(LIMITS.message);
  });

  it('omits a date it cannot read', () => {
    const [item] = items(rss('<item><title>t</title><pubDate>last Tuesday</pubDate></item>'));
    expect(item).not.toHaveProperty('published');
  });

  it('drops scripts and styles, even one never closed, from descriptions', () => {
    const list = items(
      rss(
        '<item><title>a</title><description><![CDATA[<style>p{}</style>Kept<script>x()</script> too]]></description></item>' +
          '<item><title>b</title><description><![CDATA[Before<script>while(1);]]></description></item>',
      ),
    );
    expect(list.map((item) => item.text)).toEqual(['Kept too', 'Before']);
  });
});

describe('parseFeed: refusals', () => {
  it("refuses more than 5 MB before reading it: 'too-large'", () => {
    const big = new Uint8Array(6 * 1024 * 1024).fill(0x20);
    expect(parseFeed(big, { url: URL_ })).toMatchObject({ ok: false, failure: 'too-large' });
  });

  it("refuses a DOCTYPE declaring entities (billion laughs): 'too-many-entities'", () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">' +
      Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`,
      ).join('') +
      ']>' +
      rss('<item><title>&lol9;</title></item>').replace('<?xml version="1.0"?>', '');
    expect(parse(laughs)).toMatchObject({ ok: false, failure: 'too-many-entities' });
  });

  it("reads a DOCTYPE without entities (RSS 0.91's), and HTML's entities it implied", () => {
    const [item] = items(
      '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" ' +
        '"http://my.netscape.com/publish/formats/rss-0.91.dtd"><rss version="0.91"><channel>' +
        '<item><title>Caf&eacute; cr&egrave;me</title></item></channel></rss>',
    );
    expect(item?.title).toBe('Café crème');
  });

  it("refuses HTML and anything not a feed: 'not-a-feed'", () => {
    for (const text of [
      '<!DOCTYPE html><html><head><title>x</title></head><body><p>Hello</p></body></html>',
      'plain text',
      '',
      '{"data": [1, 2]}',
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
    ]) {
      expect(parse(text), text).toMatchObject({ ok: false, failure: 'not-a-feed' });
    }
  });

  it("refuses JSON that does not parse: 'malformed'", () => {
    expect(parse('{"version": "https://jsonfeed.org/version/1", "items": [')).toMatchObject({
      ok: false,
      failure: 'malformed',
    });
  });

  it('keeps the items a truncated feed completed; with none it is malformed', () => {
    const whole = rss(
      '<item><title>One</title></item><item><title>Two</title></item><item><title>Three</title></item>',
    );
    const cut = whole.slice(0, whole.indexOf('Three'));
    expect(items(cut).map((item) => item.title)).toEqual(['One', 'Two']);
    expect(parse(whole.slice(0, whole.indexOf('One')))).toMatchObject({
      ok: false,
      failure: 'malformed',
    });
  });

  it('reads what a lenient reader would: stray & and <, unclosed and misnested tags', () => {
    const [item] = items(
      rss(
        '<item><title>Q&A: 1 < 2</title><link>https://news.example/?a=1&b=2</link>' +
          '<description><p>open <b>bold</i> text</description></item>',
      ),
    );
    expect(item).toMatchObject({
      title: 'Q&A: 1 < 2',
      url: 'https://news.example/?a=1&b=2',
      text: 'open bold text',
    });
  });

  it('returns, never throws nor hangs, on hostile markup', () => {
    const hostile = [
      rss(`<item><title>${'<'.repeat(200_000)}</title></item>`),
      rss(`<item><title>${'<a x="'.repeat(100_000)}</title></item>`),
      rss(`<item><description>${'&lt;a title="'.repeat(100_000)}</description></item>`),
      rss(`${'<div>'.repeat(10_000)}`),
      rss(`<item>${'<x/>'.repeat(400_001)}</item>`),
      // Stops inside its first tag: no element was read.
      `<rss${' a="b"'.repeat(100_000)}`,
    ];
    const start = performance.now();
    const failures = hostile.map((text) => {
      const result = parse(text);
      return result.ok ? 'ok' : result.failure;
    });
    expect(failures).toEqual(['ok', 'ok', 'ok', 'malformed', 'too-large', 'not-a-feed']);
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});

describe('parseFeed: charsets', () => {
  const cyrillic = rss('<item><title>Новости</title></item>');

  function encode1251(text: string): Uint8Array {
    // windows-1251: А–я are 0xC0–0xFF, Ё/ё 0xA8/0xB8; the rest here is ASCII.
    return Uint8Array.from(text, (c) => {
      const code = c.charCodeAt(0);
      return code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : code;
    });
  }

  it('reads the charset the XML declaration gives', () => {
    const bytes = encode1251(
      cyrillic.replace('version="1.0"', 'version="1.0" encoding="windows-1251"'),
    );
    expect(parseFeed(bytes, { url: URL_ })).toMatchObject({
      ok: true,
      feed: { items: [{ title: 'Новости' }] },
    });
  });

  it("lets the header's charset win over a wrong declaration", () => {
    const bytes = encode1251(cyrillic.replace('version="1.0"', 'version="1.0" encoding="utf-8"'));
    const result = parseFeed(bytes, { url: URL_, contentType: 'text/xml; charset=windows-1251' });
    expect(result).toMatchObject({ ok: true, feed: { items: [{ title: 'Новости' }] } });
  });

  it('reads UTF-16 with its byte order mark, either way round', () => {
    for (const littleEndian of [true, false]) {
      const text = `\uFEFF${cyrillic.replace('version="1.0"', 'version="1.0" encoding="UTF-16"')}`;
      const bytes = new Uint8Array(text.length * 2);
      const view = new DataView(bytes.buffer);
      for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), littleEndian);
      expect(parseFeed(bytes, { url: URL_ })).toMatchObject({
        ok: true,
        feed: { items: [{ title: 'Новости' }] },
      });
    }
  });

  it("refuses a charset it cannot read: 'unsupported-charset'", () => {
    const text = cyrillic.replace('version="1.0"', 'version="1.0" encoding="x-klingon"');
    expect(parse(text)).toMatchObject({
      ok: false,
      failure: 'unsupported-charset',
      detail: 'x-klingon',
    });
  });
});
