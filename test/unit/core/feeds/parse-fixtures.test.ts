/**
 * parseFeed on the real feeds of ../shared/fixtures/feeds (its README.md says what makes each
 * hard): every file's format and item count as the README gives them, its first item's exact
 * fields (read off the file), its language's letters decoded, and no markup or entity left in
 * any text. Skipped, with a message, when ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../../src/core/feeds/parse';
import type { FeedItem, ParsedFeed } from '../../../../src/core/feeds/types';

const dir = path.resolve(__dirname, '../../../../../shared/fixtures/feeds');
const exists = existsSync(dir);
if (!exists) console.warn(`${dir} not found: parser tests on the shared feeds skipped`);

function parsed(file: string, url = `https://feeds.example/${file}`): ParsedFeed {
  const result = parseFeed(new Uint8Array(readFileSync(path.join(dir, file))), { url });
  if (!result.ok) throw new Error(`${file}: ${result.failure} ${result.detail ?? ''}`);
  return result.feed;
}

interface Case {
  readonly file: string;
  /** Where the feed was fetched from, when its links are relative. */
  readonly url?: string;
  readonly format: ParsedFeed['format'];
  /** The language tag the feed declares, as the README gives it. */
  readonly lang?: string;
  readonly items: number;
  readonly first: Partial<FeedItem>;
  /** Words of the feed's language that only decode right from the right charset. */
  readonly words?: readonly string[];
}

const CASES: readonly Case[] = [
  {
    file: 'rss-parser--reddit-home.rss',
    format: 'atom',
    items: 24,
    first: {
      guid: 't3_42tizy',
      title: 'How the British as seen by Americans and Europeans',
      url: 'https://www.reddit.com/r/funny/comments/42tizy/how_the_british_as_seen_by_americans_and_europeans/',
      published: '2016-01-26T20:31:34.000Z',
      author: '/u/AngryRedditorsBelow',
      text: 'submitted by /u/AngryRedditorsBelow to /r/funny\n[link] [1143 comments]',
    },
  },
  {
    file: 'rss-parser--atom-customfields.atom',
    format: 'atom',
    items: 15,
    first: {
      guid: 'yt:video:lR-w1h5ONOY',
      title: 'Buy Now, Bitches*',
      url: 'https://www.youtube.com/watch?v=lR-w1h5ONOY',
      published: '2017-09-14T18:03:34.000Z',
      author: 'L2inc',
    },
  },
  {
    file: 'rss-parser--craigslist.rss',
    format: 'rdf',
    lang: 'en-us',
    items: 25,
    first: {
      // CDATA holding `&#x0024;` and `<sup>2</sup>`: HTML, read as such.
      title: 'Bright, Spacious Beautiful Victorian (oakland north / temescal) $4300 3bd 1930ft2',
      url: 'http://sfbay.craigslist.org/eby/apa/6186664607.html',
      guid: 'http://sfbay.craigslist.org/eby/apa/6186664607.html',
      published: '2017-06-21T17:33:10.000Z',
    },
  },
  {
    file: 'rss-parser--encoding.rss',
    format: 'rss',
    lang: 'pt-pt',
    items: 40,
    first: {
      title: 'Mãe de utente é a nova presidente da Raríssimas',
      // feedburner:origLink, the article itself, over FeedBurner's redirect in <link>.
      url: 'https://www.jn.pt/nacional/interior/sonia-laig-e-a-nova-presidente-da-rarissimas-9021600.html',
      published: '2018-01-03T13:47:00.000Z',
      text: 'Sónia Laygue, profissional na área da Recursos Humanos e mãe de uma criança de três anos, utente na Casa dos Marcos, é a nova presidente da direção da Raríssimas.',
    },
    words: ['Últimas Notícias', 'direção'],
  },
  {
    file: 'rss-parser--heise.atom',
    format: 'atom',
    items: 15,
    first: {
      guid: 'http://heise.de/-3088438',
      title: 'Java-Anwendungsserver: Red Hat gibt WildFly 10 frei',
      url: 'http://www.heise.de/developer/meldung/Java-Anwendungsserver-Red-Hat-gibt-WildFly-10-frei-3088438.html?wt_mc=rss.developer.beitrag.atom',
      published: '2016-02-01T16:22:00.000Z',
      author: 'heise online',
    },
    words: ['verfügbare', 'größere'],
  },
  {
    file: 'rss-parser--feedburner.atom',
    format: 'atom',
    items: 25,
    first: {
      title: 'AdWords and DFP Java client library will soon require Java 7+',
      url: 'http://googleadsdeveloper.blogspot.com/2016/06/adwords-and-dfp-java-client-library.html',
      published: '2016-06-03T14:38:00.000Z',
      author: 'Google Ads Developer Advisor',
    },
  },
  {
    file: 'node-feedparser--iconv.xml',
    format: 'rss',
    items: 10,
    first: {
      title: 'В Бузулуке главные стройплощадки – детсад и Ледовый дворец',
      url: 'http://www.oren.ru/news/2743422/',
      published: '2014-01-22T14:31:31.000Z',
      text: 'Работы по возведению детского сада идут с опережением графика, деньги, выделенные на эту стройку, осваиваются в два раза быстрее, чем планировалось.',
    },
    words: ['Оренбурге', 'видео'],
  },
  {
    file: 'node-feedparser--intertwingly.atom',
    url: 'http://intertwingly.net/blog/index.atom',
    format: 'atom',
    items: 20,
    first: {
      guid: 'tag:intertwingly.net,2004:3299',
      title: 'Inhibiting Suspend',
      // Relative in the feed: resolved against the feed's own URL.
      url: 'http://intertwingly.net/blog/2012/07/16/Inhibiting-Suspend',
      published: '2012-07-16T15:48:01.000Z',
      author: 'Sam Ruby',
    },
  },
  {
    file: 'node-feedparser--guid-dupes.xml',
    format: 'rss',
    lang: 'en-us',
    items: 1,
    first: {
      guid: 'http://www.braingle.com/50366.html',
      title: 'Huh?',
      // No <link>: the guid is a permalink.
      url: 'http://www.braingle.com/50366.html',
      published: '2014-06-19T06:00:00.000Z',
      text: "What's the Rebus?\n\nHow's that; how's that\n\nCheck Braingle.com for the answer.",
    },
  },
  {
    file: 'rsparser--bio.rdf',
    format: 'rdf',
    items: 30,
    first: {
      guid: 'http://biorxiv.org/cgi/content/short/743294v1?rss=1',
      title:
        'Wheat inositol pyrophosphate kinase (TaVIH2-3B) interacts with Fasciclin-like arabinogalactan (FLA6) protein and alters the plant cell-wall composition',
      url: 'http://biorxiv.org/cgi/content/short/743294v1?rss=1',
      published: '2019-08-27T00:00:00.000Z',
    },
  },
  {
    file: 'rsparser--DaringFireball.json',
    format: 'json',
    items: 48,
    first: {
      guid: 'https://daringfireball.net/linked/2017/06/26/the-talk-show-195',
      title: 'The Talk Show: ‘I Do Like Throwing a Baby’',
      url: 'https://daringfireball.net/linked/2017/06/26/the-talk-show-195',
      published: '2017-06-27T00:54:17.000Z',
      author: 'John Gruber',
    },
  },
];

/** Markup an HTML field leaves when it is not read as HTML (code samples quote other tags). */
const HTML_TAG = /<\/?(a|p|div|br|img|span|table|tr|td|b|i|em|strong|ul|li|font|svg|path|pre)\b/i;
/**
 * An entity left undecoded. Not `&lt;` and `&gt;`: the Google Ads blog shows its readers
 * `&lt;a href=…&gt;` (an API's escaped answer, escaped three times in the feed).
 */
const ENTITY = /&(amp|quot|apos|nbsp|#\d+|#x[0-9a-f]+);/i;

describe.skipIf(!exists)('parseFeed on the shared feeds', () => {
  it.each(CASES)('$file: $format, $items items, the first one exact', (c) => {
    const feed = parsed(c.file, c.url);
    expect(feed.format).toBe(c.format);
    if (c.lang) expect(feed).toMatchObject({ lang: c.lang });
    else expect(feed).not.toHaveProperty('lang');
    expect(feed.items).toHaveLength(c.items);
    expect(feed.items[0]).toMatchObject(c.first);
    const all = [feed.title, ...feed.items.map((item) => `${item.title}\n${item.text}`)].join('\n');
    for (const word of c.words ?? []) expect(all).toContain(word);
  });

  it('gives every item a URL and a date, and leaves no markup nor entity in any text', () => {
    for (const c of CASES) {
      for (const item of parsed(c.file, c.url).items) {
        expect(item.url, c.file).toMatch(/^https?:\/\//);
        expect(item.published, c.file).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        for (const text of [item.title, item.text, item.author ?? '']) {
          expect(text, c.file).not.toMatch(HTML_TAG);
          expect(text, c.file).not.toMatch(ENTITY);
          expect(text, c.file).not.toContain('\uFFFD');
        }
      }
    }
  });

  it("reads YouTube's bodies from media:description", () => {
    const items = parsed('rss-parser--atom-customfields.atom').items;
    expect(items[0]?.text).toMatch(/^Scott's Book "The Four" http:\/\/amzn\.to\/2x4ScEM\n\n\*We/);
    expect(items.every((item) => item.text.length > 50)).toBe(true);
  });

  it("turns intertwingly's XHTML content into text", () => {
    const items = parsed('node-feedparser--intertwingly.atom').items;
    expect(items[0]?.text).toMatch(/^The interface is a bit low level, but workable:\n\nrequire/);
    expect(items[0]?.text).toContain('Hat tip to JanuZ.');
    expect(items[1]?.text).toBe(
      'Jacques Distler: Remarkably, even after a decade of such pain, Unicode is, in 2012, still “cutting edge.”\n\nOuch.',
    );
  });

  it('decodes entities escaped twice once more, in the HTML layer', () => {
    // heise: `&amp;quot;Klasse&amp;quot;` in a type="html" summary.
    const heise = parsed('rss-parser--heise.atom').items.map((item) => item.text);
    expect(heise.join('\n')).toContain('mehreren Versionen der gleichen "Klasse" arbeitet');
    // oren.ru: `&amp;#40;видео&amp;#41;` in an escaped-HTML description.
    expect(parsed('node-feedparser--iconv.xml').items[1]?.text).toBe(
      'Из-за чего теперь на них возбуждено уголовное дело (видео)',
    );
    // The Google Ads blog quotes XML in <pre>: `&amp;lt;` is a `<` shown to its readers.
    const ads = parsed('rss-parser--feedburner.atom').items.map((item) => item.text);
    expect(ads.join('\n')).toContain('<isExemptable>true</isExemptable>');
  });

  it('refuses the truncated rss_incomplete_cdata.xml: it stops inside its only item', () => {
    const bytes = new Uint8Array(
      readFileSync(path.join(dir, 'feedparser--rss_incomplete_cdata.xml')),
    );
    expect(parseFeed(bytes, { url: 'https://feeds.example/' })).toMatchObject({
      ok: false,
      failure: 'malformed',
    });
  });
});
