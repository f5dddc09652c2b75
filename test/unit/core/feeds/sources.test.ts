import { describe, expect, it } from 'vitest';
import {
  buildFeedUrl,
  googleNewsEdition,
  originPattern,
  type SourceSpec,
} from '../../../../src/core/feeds/sources';

const url = (spec: SourceSpec) => {
  const built = buildFeedUrl(spec);
  if (!built.ok) throw new Error(`${built.problem} in ${built.field}`);
  return built.url;
};
const problem = (spec: SourceSpec) => {
  const built = buildFeedUrl(spec);
  return built.ok ? built.url : [built.problem, built.field];
};

describe('a feed address typed or pasted', () => {
  it('is read as given, trimmed, the fragment left out, https assumed without a scheme', () => {
    expect(url({ kind: 'url', url: '  https://www.lemonde.fr/rss/une.xml#top ' })).toBe(
      'https://www.lemonde.fr/rss/une.xml',
    );
    expect(url({ kind: 'url', url: 'blog.example.org/feed.json' })).toBe(
      'https://blog.example.org/feed.json',
    );
    expect(url({ kind: 'url', url: 'feed://example.org/rss' })).toBe('https://example.org/rss');
    expect(url({ kind: 'url', url: 'feed:https://example.org/atom' })).toBe(
      'https://example.org/atom',
    );
  });

  it('is refused over http except to this computer, with credentials, or not a web address', () => {
    expect(problem({ kind: 'url', url: 'http://www.lemonde.fr/rss/une.xml' })).toEqual([
      'not-https',
      'url',
    ]);
    expect(url({ kind: 'url', url: 'http://127.0.0.1:8123/feed.xml' })).toBe(
      'http://127.0.0.1:8123/feed.xml',
    );
    expect(url({ kind: 'url', url: 'http://localhost:3000/rss' })).toBe(
      'http://localhost:3000/rss',
    );
    expect(url({ kind: 'url', url: 'http://[::1]:8080/rss' })).toBe('http://[::1]:8080/rss');
    expect(problem({ kind: 'url', url: 'https://me:secret@example.org/rss' })).toEqual([
      'credentials',
      'url',
    ]);
    expect(problem({ kind: 'url', url: 'ftp://example.org/rss' })).toEqual(['bad-url', 'url']);
    expect(problem({ kind: 'url', url: 'javascript:alert(1)' })).toEqual(['bad-url', 'url']);
    expect(problem({ kind: 'url', url: '   ' })).toEqual(['empty', 'url']);
  });

  it('is labelled by its host and path', () => {
    expect(buildFeedUrl({ kind: 'url', url: 'https://www.lemonde.fr/rss/une.xml' })).toEqual({
      ok: true,
      url: 'https://www.lemonde.fr/rss/une.xml',
      label: 'www.lemonde.fr/rss/une.xml',
    });
  });
});

describe('a Google Alert', () => {
  it('takes the RSS address Google gives, always over https', () => {
    const alert = 'https://www.google.com/alerts/feeds/06848252116355813786/1283761837104753862';
    expect(url({ kind: 'google-alerts', url: alert })).toBe(alert);
    expect(url({ kind: 'google-alerts', url: alert.replace('https', 'http') })).toBe(alert);
    expect(url({ kind: 'google-alerts', url: alert.replace('www.', '') })).toBe(alert);
  });

  it('refuses what is not an alert feed: the alerts page, another site', () => {
    expect(problem({ kind: 'google-alerts', url: 'https://www.google.com/alerts' })).toEqual([
      'bad-alert-url',
      'url',
    ]);
    expect(
      problem({ kind: 'google-alerts', url: 'https://evil.example/alerts/feeds/1/2' }),
    ).toEqual(['bad-alert-url', 'url']);
    expect(
      problem({ kind: 'google-alerts', url: 'https://www.google.com/alerts/feeds/12/ab' }),
    ).toEqual(['bad-alert-url', 'url']);
  });
});

describe('a Google News search', () => {
  it('names the edition as Google News does', () => {
    expect(googleNewsEdition('fr-FR')).toEqual({ hl: 'fr', gl: 'FR', ceid: 'FR:fr' });
    expect(googleNewsEdition('en-US')).toEqual({ hl: 'en-US', gl: 'US', ceid: 'US:en' });
    expect(googleNewsEdition('en_GB')).toEqual({ hl: 'en-GB', gl: 'GB', ceid: 'GB:en' });
    expect(googleNewsEdition('fr-CA')).toEqual({ hl: 'fr-CA', gl: 'CA', ceid: 'CA:fr' });
    expect(googleNewsEdition('fr')).toEqual({ hl: 'fr', gl: 'FR', ceid: 'FR:fr' });
    expect(googleNewsEdition('en')).toEqual({ hl: 'en-US', gl: 'US', ceid: 'US:en' });
    expect(googleNewsEdition('klingon')).toBeNull();
  });

  it('escapes the query whole: quotes, &, # and accents stay in it', () => {
    expect(
      buildFeedUrl({ kind: 'google-news', query: '"Café Acmé" & co #rappel', locale: 'fr-FR' }),
    ).toEqual({
      ok: true,
      url: 'https://news.google.com/rss/search?q=%22Caf%C3%A9%20Acm%C3%A9%22%20%26%20co%20%23rappel&hl=fr&gl=FR&ceid=FR:fr',
      label: '"Café Acmé" & co #rappel (fr-FR)',
    });
    expect(url({ kind: 'google-news', query: 'ACME when:7d', locale: 'en-US' })).toBe(
      'https://news.google.com/rss/search?q=ACME%20when%3A7d&hl=en-US&gl=US&ceid=US:en',
    );
  });

  it('wants a query within bounds and a known locale', () => {
    expect(problem({ kind: 'google-news', query: ' ', locale: 'fr-FR' })).toEqual([
      'empty',
      'query',
    ]);
    expect(problem({ kind: 'google-news', query: 'a'.repeat(1_001), locale: 'fr' })).toEqual([
      'too-long',
      'query',
    ]);
    expect(problem({ kind: 'google-news', query: 'ACME', locale: 'xx' })).toEqual([
      'bad-locale',
      'locale',
    ]);
  });
});

describe('Mastodon', () => {
  it('reads a hashtag on an instance, with or without # and the scheme', () => {
    expect(
      buildFeedUrl({ kind: 'mastodon-tag', tag: '#Acme', instance: 'https://mastodon.social/' }),
    ).toEqual({
      ok: true,
      url: 'https://mastodon.social/tags/Acme.rss',
      label: '#Acme@mastodon.social',
    });
    expect(url({ kind: 'mastodon-tag', tag: 'café', instance: 'piaille.fr' })).toBe(
      'https://piaille.fr/tags/caf%C3%A9.rss',
    );
    expect(url({ kind: 'mastodon-tag', tag: 'https://mastodon.social/tags/acme' })).toBe(
      'https://mastodon.social/tags/acme.rss',
    );
  });

  it('refuses a tag that is not one, or no instance', () => {
    expect(
      problem({ kind: 'mastodon-tag', tag: 'two words', instance: 'mastodon.social' }),
    ).toEqual(['bad-hashtag', 'tag']);
    expect(problem({ kind: 'mastodon-tag', tag: '#2024', instance: 'mastodon.social' })).toEqual([
      'bad-hashtag',
      'tag',
    ]);
    expect(problem({ kind: 'mastodon-tag', tag: 'acme' })).toEqual(['empty', 'instance']);
    expect(problem({ kind: 'mastodon-tag', tag: 'acme', instance: 'not a host' })).toEqual([
      'bad-instance',
      'instance',
    ]);
  });

  it('reads an account from @user@instance, user@instance, its profile, or user and instance', () => {
    const feed = 'https://mastodon.social/@Gargron.rss';
    expect(buildFeedUrl({ kind: 'mastodon-account', account: '@Gargron@mastodon.social' })).toEqual(
      { ok: true, url: feed, label: '@Gargron@mastodon.social' },
    );
    expect(url({ kind: 'mastodon-account', account: 'Gargron@mastodon.social' })).toBe(feed);
    expect(url({ kind: 'mastodon-account', account: 'https://mastodon.social/@Gargron' })).toBe(
      feed,
    );
    expect(
      url({ kind: 'mastodon-account', account: '@Gargron', instance: 'mastodon.social' }),
    ).toBe(feed);
    // Seen from another server: the feed is on the user's own.
    expect(
      url({ kind: 'mastodon-account', account: 'https://piaille.fr/@Gargron@mastodon.social' }),
    ).toBe(feed);
    // The handle names its server, whatever the instance field says.
    expect(
      url({
        kind: 'mastodon-account',
        account: '@Gargron@mastodon.social',
        instance: 'piaille.fr',
      }),
    ).toBe(feed);
  });

  it('refuses a handle that is not one', () => {
    expect(problem({ kind: 'mastodon-account', account: '@a@b@c' })).toEqual([
      'bad-handle',
      'account',
    ]);
    expect(problem({ kind: 'mastodon-account', account: 'jean dupont@mastodon.social' })).toEqual([
      'bad-handle',
      'account',
    ]);
    expect(problem({ kind: 'mastodon-account', account: 'Gargron' })).toEqual([
      'empty',
      'instance',
    ]);
  });
});

describe('Hacker News, YouTube, Bluesky', () => {
  it('searches Hacker News newest items, as RSS or JSON Feed', () => {
    expect(url({ kind: 'hacker-news', query: 'ACME "data leak"' })).toBe(
      'https://hnrss.org/newest?q=ACME%20%22data%20leak%22',
    );
    expect(url({ kind: 'hacker-news', query: 'ACME', format: 'json' })).toBe(
      'https://hnrss.org/newest.jsonfeed?q=ACME',
    );
  });

  it('finds a YouTube channel id alone or in any address holding it', () => {
    const feed = 'https://www.youtube.com/feeds/videos.xml?channel_id=UC_x5XG1OV2P6uZZ5FSM9Ttw';
    expect(url({ kind: 'youtube', channel: 'UC_x5XG1OV2P6uZZ5FSM9Ttw' })).toBe(feed);
    expect(
      url({
        kind: 'youtube',
        channel: 'https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw/videos',
      }),
    ).toBe(feed);
    expect(url({ kind: 'youtube', channel: feed })).toBe(feed);
  });

  it('says a YouTube @name address holds no channel id', () => {
    expect(
      problem({ kind: 'youtube', channel: 'https://www.youtube.com/@GoogleDevelopers' }),
    ).toEqual(['bad-channel-id', 'channel']);
    expect(problem({ kind: 'youtube', channel: 'UC_x5XG1OV2P6uZZ5FSM9Ttwx' })).toEqual([
      'bad-channel-id',
      'channel',
    ]);
  });

  it('reads a Bluesky handle with or without @, a DID, or a profile address', () => {
    expect(buildFeedUrl({ kind: 'bluesky', handle: '@Jay.bsky.team' })).toEqual({
      ok: true,
      url: 'https://bsky.app/profile/jay.bsky.team/rss',
      label: '@jay.bsky.team',
    });
    expect(url({ kind: 'bluesky', handle: 'https://bsky.app/profile/jay.bsky.team/post/3l' })).toBe(
      'https://bsky.app/profile/jay.bsky.team/rss',
    );
    expect(url({ kind: 'bluesky', handle: 'did:plc:oky5czdrnfjpqslsw2a5iclo' })).toBe(
      'https://bsky.app/profile/did:plc:oky5czdrnfjpqslsw2a5iclo/rss',
    );
    expect(problem({ kind: 'bluesky', handle: 'jay' })).toEqual(['bad-handle', 'handle']);
    expect(problem({ kind: 'bluesky', handle: 'jay/../x.com' })).toEqual(['bad-handle', 'handle']);
  });
});

describe('Reddit', () => {
  it('reads the new posts of a subreddit however it is named', () => {
    const feed = 'https://www.reddit.com/r/france/new/.rss';
    expect(buildFeedUrl({ kind: 'reddit', subreddit: 'r/france' })).toEqual({
      ok: true,
      url: feed,
      label: 'r/france',
    });
    expect(url({ kind: 'reddit', subreddit: 'france' })).toBe(feed);
    expect(url({ kind: 'reddit', subreddit: 'https://old.reddit.com/r/france/comments/x' })).toBe(
      feed,
    );
    expect(url({ kind: 'reddit', subreddit: 'france+paris' })).toBe(
      'https://www.reddit.com/r/france+paris/new/.rss',
    );
    expect(problem({ kind: 'reddit', subreddit: 'not a sub' })).toEqual([
      'bad-subreddit',
      'subreddit',
    ]);
    expect(problem({ kind: 'reddit' })).toEqual(['empty', 'subreddit']);
  });

  it('searches all of Reddit or one subreddit, newest first', () => {
    expect(url({ kind: 'reddit', query: 'ACME "refund"' })).toBe(
      'https://www.reddit.com/search.rss?q=ACME%20%22refund%22&sort=new',
    );
    expect(buildFeedUrl({ kind: 'reddit', subreddit: 'france', query: 'ACME' })).toEqual({
      ok: true,
      url: 'https://www.reddit.com/r/france/search.rss?q=ACME&sort=new&restrict_sr=1',
      label: 'r/france: ACME',
    });
  });

  it('adds the private feed token, pasted alone or as the whole address, never in the label', () => {
    const token = '4f2a9c0b7d1e3f5a6b8c9d0e1f2a3b4c5d6e7f80';
    expect(
      buildFeedUrl({ kind: 'reddit', subreddit: 'france', feedToken: token, user: 'u/jdupont' }),
    ).toEqual({
      ok: true,
      url: `https://www.reddit.com/r/france/new/.rss?feed=${token}&user=jdupont`,
      label: 'r/france',
    });
    expect(
      url({
        kind: 'reddit',
        query: 'ACME',
        feedToken: `https://www.reddit.com/.rss?feed=${token}&user=jdupont`,
      }),
    ).toBe(`https://www.reddit.com/search.rss?q=ACME&sort=new&feed=${token}&user=jdupont`);
    expect(problem({ kind: 'reddit', subreddit: 'france', feedToken: token })).toEqual([
      'empty',
      'user',
    ]);
    expect(
      problem({ kind: 'reddit', subreddit: 'france', feedToken: 'a&b=c', user: 'jdupont' }),
    ).toEqual(['bad-reddit-token', 'feedToken']);
  });
});

describe('the permission asked for a feed', () => {
  it('is its host over https, any port, or http for this computer only', () => {
    expect(originPattern('https://news.google.com/rss/search?q=ACME')).toBe(
      'https://news.google.com/*',
    );
    expect(originPattern('https://feeds.example.org:8443/rss')).toBe('https://feeds.example.org/*');
    expect(originPattern('http://127.0.0.1:8123/feed.xml')).toBe('http://127.0.0.1/*');
    expect(originPattern('http://[::1]:8123/feed.xml')).toBe('http://[::1]/*');
    expect(originPattern('http://example.org/rss')).toBeNull();
    expect(originPattern('https://me:pw@example.org/rss')).toBeNull();
    expect(originPattern('not a url')).toBeNull();
  });

  it('is asked for every address a source builds', () => {
    const specs: SourceSpec[] = [
      { kind: 'google-news', query: 'ACME', locale: 'fr-FR' },
      { kind: 'mastodon-account', account: '@Gargron@mastodon.social' },
      { kind: 'hacker-news', query: 'ACME' },
      { kind: 'youtube', channel: 'UC_x5XG1OV2P6uZZ5FSM9Ttw' },
      { kind: 'bluesky', handle: 'jay.bsky.team' },
      { kind: 'reddit', subreddit: 'france' },
    ];
    expect(specs.map((spec) => originPattern(url(spec)))).toEqual([
      'https://news.google.com/*',
      'https://mastodon.social/*',
      'https://hnrss.org/*',
      'https://www.youtube.com/*',
      'https://bsky.app/*',
      'https://www.reddit.com/*',
    ]);
  });
});
