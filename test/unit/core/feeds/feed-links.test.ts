/** feedLink: resolution, schemes, length, Google's redirects. */
import { describe, expect, it } from 'vitest';
import { feedLink } from '../../../../src/core/feeds/feed-links';
import { LIMITS } from '../../../../src/core/model/limits';

const base = 'https://news.example/feeds/all.xml';

describe('feedLink', () => {
  it('resolves against the base and keeps http(s) only', () => {
    expect(feedLink(' ../a?b=1 ', base)).toBe('https://news.example/a?b=1');
    expect(feedLink('//cdn.example/x', base)).toBe('https://cdn.example/x');
    for (const href of [
      'javascript:alert(1)',
      'mailto:a@b.example',
      'data:text/html,x',
      '',
      undefined,
    ]) {
      expect(feedLink(href, base), String(href)).toBe('');
    }
    expect(feedLink(`/${'x'.repeat(LIMITS.url)}`, base)).toBe('');
  });

  it('reads absolute links under a base that is no URL', () => {
    expect(feedLink('https://news.example/a', '')).toBe('https://news.example/a');
    expect(feedLink('/a', 'not a url')).toBe('');
  });

  it("unwraps Google's redirects (url= and q=), never into another scheme", () => {
    expect(
      feedLink(
        'https://www.google.com/url?rct=j&sa=t&url=https%3A%2F%2Fpress.example%2Fa&ct=ga',
        base,
      ),
    ).toBe('https://press.example/a');
    expect(feedLink('https://www.google.fr/url?q=http://press.example/b&sa=U', base)).toBe(
      'http://press.example/b',
    );
    expect(
      feedLink('https://news.google.com/news/url?sa=t&url=https://press.example/c', base),
    ).toBe('https://press.example/c');
    const unsafe = 'https://www.google.com/url?url=javascript:alert(1)';
    expect(feedLink(unsafe, base)).toBe(new URL(unsafe).href);
    const search = 'https://www.google.com/search?q=https://press.example/';
    expect(feedLink(search, base)).toBe(search);
  });
});
