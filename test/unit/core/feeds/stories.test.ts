import { describe, expect, it } from 'vitest';
import {
  assignStory,
  cleanUrl,
  foldTitle,
  storyKey,
  storyLookup,
  urlKey,
  type StoryRef,
} from '../../../../src/core/feeds/stories';
import type { FeedItem } from '../../../../src/core/feeds/types';

const item = (url: string, title: string, text = ''): FeedItem => ({ url, title, text });

describe('an item’s address, cleaned', () => {
  it('loses what tracks the reader and keeps what names the page', () => {
    expect(
      cleanUrl(
        'https://www.lemonde.fr/economie/article/2026/03/02/acme-rappelle_6123.html?utm_source=google&utm_medium=news&xtor=RSS-3208#xtor=RSS-3208',
      ),
    ).toBe('https://www.lemonde.fr/economie/article/2026/03/02/acme-rappelle_6123.html');
    expect(
      cleanUrl('https://example.com/watch?v=abc123&fbclid=IwAR2x&gclid=Cj0K&mc_cid=1&mc_eid=2'),
    ).toBe('https://example.com/watch?v=abc123');
    expect(
      cleanUrl(
        'https://www.theguardian.com/business/2026/mar/02/acme?CMP=share_btn_tw&at_medium=RSS&at_campaign=KARANGA',
      ),
    ).toBe('https://www.theguardian.com/business/2026/mar/02/acme');
    expect(cleanUrl('https://News.Example.COM/a?id=7&ref=rss')).toBe(
      'https://news.example.com/a?id=7',
    );
    expect(cleanUrl('mailto:press@acme.example')).toBeNull();
    expect(cleanUrl('not an address')).toBeNull();
  });

  it('is one key for http and https, www, AMP copies, slashes and parameter order', () => {
    const key = 'lemonde.fr/economie/acme.html';
    expect(urlKey('https://www.lemonde.fr/economie/acme.html')).toBe(key);
    expect(urlKey('http://lemonde.fr/economie/acme.html?utm_campaign=x')).toBe(key);
    expect(urlKey('https://www.lemonde.fr/economie/acme.html/amp')).toBe(key);
    expect(urlKey('https://www.google.com/amp/s/www.lemonde.fr/economie/acme.html')).toBe(key);
    expect(
      urlKey('https://www-lemonde-fr.cdn.ampproject.org/c/s/www.lemonde.fr/economie/acme.html'),
    ).toBe(key);
    expect(urlKey('https://amp.theguardian.com/business/acme')).toBe(
      urlKey('https://www.theguardian.com/business/acme/'),
    );
    expect(urlKey('https://example.com/news?b=2&a=1&amp=1')).toBe(
      urlKey('https://example.com/news/?a=1&b=2'),
    );
    // A two-label host keeps its first label: m.co is not co.
    expect(urlKey('https://m.co/x')).toBe('m.co/x');
  });

  it('keeps pages apart that differ in what names them', () => {
    expect(urlKey('https://example.com/a?id=1')).not.toBe(urlKey('https://example.com/a?id=2'));
    expect(urlKey('https://example.com/A')).not.toBe(urlKey('https://example.com/a'));
  });
});

describe('a title, folded', () => {
  it('loses the publisher Google News adds, its case, accents and punctuation', () => {
    expect(foldTitle('ACME rappelle 30 000 cafetières défectueuses - Le Monde')).toBe(
      'acme rappelle 30 000 cafetieres defectueuses',
    );
    expect(foldTitle('Acmé rappelle 30 000 cafetières « défectueuses » | Le Figaro')).toBe(
      'acme rappelle 30 000 cafetieres defectueuses',
    );
    expect(foldTitle('L’usine d’ACME  ferme… — France Info')).toBe('l usine d acme ferme');
  });

  it('keeps a suffix that is part of a short title', () => {
    expect(foldTitle('Review - ACME phone')).toBe('review acme phone');
    expect(foldTitle('ACME recalls coffee makers - a long story about what went wrong there')).toBe(
      'acme recalls coffee makers a long story about what went wrong there',
    );
  });
});

describe('stories', () => {
  const lemonde = item(
    'https://www.lemonde.fr/economie/article/2026/03/02/acme-rappelle_6123.html?xtor=RSS-3208',
    'ACME rappelle 30 000 cafetières défectueuses',
  );
  const viaGoogleNews = item(
    'https://news.google.com/rss/articles/CBMiWkFVX3lxTE1fZ0c?oc=5',
    'ACME rappelle 30 000 cafetières défectueuses - Le Monde',
  );
  const day0 = '2026-03-02T08:00:00.000Z';
  let n = 0;
  const ids = () => `story-${++n}`;

  it('starts a new story from an item never seen', () => {
    n = 0;
    expect(assignStory([], lemonde, 'lemonde-rss', day0, ids)).toEqual({
      story: {
        id: 'story-1',
        urlKeys: ['lemonde.fr/economie/article/2026/03/02/acme-rappelle_6123.html'],
        titleKey: 'acme rappelle 30 000 cafetieres defectueuses',
        firstSeenAt: day0,
        sources: ['lemonde-rss'],
      },
      isNew: true,
    });
  });

  it('counts one story with two sources for the same article from Google News and Le Monde', () => {
    const first = assignStory([], lemonde, 'lemonde-rss', day0, ids).story;
    const second = assignStory([first], viaGoogleNews, 'gnews-acme', '2026-03-02T20:00:00Z', ids);
    expect(second.isNew).toBe(false);
    expect(second.story.id).toBe(first.id);
    expect(second.story.sources).toEqual(['lemonde-rss', 'gnews-acme']);
    expect(second.story.urlKeys).toEqual([
      ...first.urlKeys,
      'news.google.com/rss/articles/CBMiWkFVX3lxTE1fZ0c?oc=5',
    ]);
    // A third source with Google News's address joins by address, whenever it comes.
    const third = assignStory([second.story], viaGoogleNews, 'alert-acme', '2026-03-09T00:00:00Z');
    expect(third.story.id).toBe(first.id);
    expect(third.story.sources).toEqual(['lemonde-rss', 'gnews-acme', 'alert-acme']);
  });

  it('groups by title only within 48 hours of the story', () => {
    const first = assignStory([], lemonde, 'lemonde-rss', day0, ids).story;
    const late = assignStory([first], viaGoogleNews, 'gnews-acme', '2026-03-04T08:00:01Z', ids);
    expect(late.isNew).toBe(true);
    expect(late.story.id).not.toBe(first.id);
  });

  it('keeps apart two items of one feed with the same title, and short titles', () => {
    const live1 = item('https://example.com/live/1', 'ACME : suivez notre direct de la journée');
    const live2 = item('https://example.com/live/2', 'ACME : suivez notre direct de la journée');
    const first = assignStory([], live1, 'example', day0, ids).story;
    expect(assignStory([first], live2, 'example', day0, ids).isNew).toBe(true);
    expect(assignStory([first], live2, 'other-feed', day0, ids).isNew).toBe(false);

    const video1 = assignStory([], item('https://youtu.be/a', 'Video'), 'yt-1', day0, ids).story;
    expect(video1.titleKey).toBe('');
    expect(assignStory([video1], item('https://youtu.be/b', 'Video'), 'yt-2', day0).isNew).toBe(
      true,
    );
  });

  it('gives the keys to look candidates up by, and a key for items without an address', () => {
    expect(storyLookup(viaGoogleNews)).toEqual({
      urlKey: 'news.google.com/rss/articles/CBMiWkFVX3lxTE1fZ0c?oc=5',
      titleKey: 'acme rappelle 30 000 cafetieres defectueuses',
    });
    expect(storyKey(lemonde, 'lemonde-rss')).toBe(
      'url:lemonde.fr/economie/article/2026/03/02/acme-rappelle_6123.html',
    );
    const noLink = item('', '', 'ACME a encore frappé : livraison en retard.');
    expect(storyKey(noLink, 'mastodon')).toBe(
      'text:mastodon\nacme a encore frappe livraison en retard',
    );
    expect(storyKey(noLink, 'other')).not.toBe(storyKey(noLink, 'mastodon'));
  });

  it('bounds the sources a viral story keeps', () => {
    let story: StoryRef = assignStory([], lemonde, 'source-0', day0, ids).story;
    for (let i = 1; i < 150; i++) story = assignStory([story], lemonde, `source-${i}`, day0).story;
    expect(story.sources).toHaveLength(100);
    expect(story.sources[0]).toBe('source-0');
  });
});
