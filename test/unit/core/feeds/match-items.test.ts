/**
 * Watched terms in feed items: found as on pages (case, accents, whole words, elisions), with
 * the sentence to show scored as pages' sightings are, and selectors over the item's text.
 */
import { describe, expect, it } from 'vitest';
import { matchItem, matchItems } from '../../../../src/core/feeds/match-items';
import type { FeedItem } from '../../../../src/core/feeds/types';
import { reanchor } from '../../../../src/core/anchoring/reanchor';
import { sightingId } from '../../../../src/core/monitoring/report';
import { compileWatchlist } from '../../../../src/core/monitoring/watch';

const watchlist = compileWatchlist([
  { id: 'acme', term: 'ACME', aliases: ['Acmé Café'] },
  { id: 'dupont', term: 'Jean Dupont', aliases: [] },
]);
const options = { rules: [], lang: null };

const item = (title: string, text: string): FeedItem => ({
  url: 'https://www.lemonde.fr/economie/article/2026/03/02/acme_6123.html',
  title,
  text,
});

describe('matching a feed item', () => {
  it('finds the terms in the title and the text as pages do, elisions and accents included', () => {
    const match = matchItem(
      item(
        'Les cafetières d’ACMÉ rappelées - Le Monde',
        'Le patron de l’Acme Cafe, Jean Dupont, promet un remboursement.',
      ),
      watchlist,
      options,
    );
    expect(match?.terms).toEqual([
      { termId: 'acme', term: 'ACME' },
      { termId: 'dupont', term: 'Jean Dupont' },
    ]);
    expect(match?.sentenceCount).toBe(2);
  });

  it('finds nothing in words that only contain a term, or with an empty watchlist', () => {
    expect(matchItem(item('ACMEshop ouvre', 'Les acmés du marché.'), watchlist, options)).toBe(
      null,
    );
    expect(matchItem(item('ACME', 'ACME'), compileWatchlist([]), options)).toBeNull();
  });

  it('shows the most negative sentence holding a term, wherever it is', () => {
    const text =
      'ACME opened a new shop in Lyon last week. Customers say ACME is a scam and the staff rude. ' +
      'The shop is open every day.';
    const match = matchItem(item('ACME opens in Lyon', text), watchlist, {
      rules: [],
      lang: 'en',
    });
    expect(match).toMatchObject({
      field: 'text',
      termIds: ['acme'],
      exact: 'Customers say ACME is a scam and the staff rude.',
      sentence: 'Customers say ACME is a scam and the staff rude.',
      negative: true,
      sentenceCount: 3,
    });
    expect(match!.score).toBeGreaterThan(0);
    expect(match!.score).toBe(Math.round(match!.score * 1000) / 1000);
    expect(match!.id).toBe(sightingId('acme', match!.exact));
  });

  it('shows the title when nothing reads negative, and follows the user’s word rules', () => {
    const neutral = item('ACME opens in Lyon', 'ACME opened a shop.');
    expect(matchItem(neutral, watchlist, { rules: [], lang: 'en' })).toMatchObject({
      field: 'title',
      exact: 'ACME opens in Lyon',
      negative: false,
    });
    const ruled = matchItem(neutral, watchlist, {
      rules: [{ word: 'shop', rule: 'always-negative' }],
      lang: 'en',
    });
    expect(ruled).toMatchObject({ field: 'text', exact: 'ACME opened a shop.', negative: true });
  });

  it('reads the sentence in the feed’s language when it gives one', () => {
    // "pain" is negative in English only.
    const bakery = item('ACME, pain au chocolat', '');
    expect(matchItem(bakery, watchlist, { rules: [], lang: 'en-US' })?.negative).toBe(true);
    expect(matchItem(bakery, watchlist, { rules: [], lang: 'fr-FR' })?.negative).toBe(false);
  });

  it('describes the sentence with selectors that find it again in the item’s text', () => {
    const text =
      'Le marché du café est en pleine croissance cette année selon les analystes du secteur. ' +
      'Mais chez ACME, les clients sont furieux : cafetières en panne, service injoignable. ' +
      'Les ventes de la concurrence progressent.';
    const match = matchItem(item('Café : le marché', text), watchlist, {
      rules: [],
      lang: 'fr',
    })!;
    const quote = match.selectors.quote;
    expect(quote.exact).toBe(
      'Mais chez ACME, les clients sont furieux : cafetières en panne, service injoignable.',
    );
    // The same context a right-click capture keeps: 64 characters at least, whole words.
    expect((quote.prefix ?? '') + quote.exact + (quote.suffix ?? '')).toSatisfy(
      (all: string) => all.length >= 64 && text.includes(all),
    );
    expect(match.selectors.position).toEqual({
      type: 'TextPositionSelector',
      start: text.indexOf('Mais'),
      end: text.indexOf('Les ventes') - 1,
    });
    // The item's text, a little changed, still holds it: the quote is found where it went.
    const edited = `Mise à jour. ${text}`;
    expect(reanchor(edited, match.selectors)).toMatchObject({
      start: edited.indexOf('Mais'),
      end: edited.indexOf('Les ventes') - 1,
    });
  });

  it('keeps a long sentence whole to quote and clipped to show', () => {
    const long = `ACME ${'a très longtemps promis '.repeat(30)}sans rien livrer.`;
    const match = matchItem(item('Revue', long), watchlist, { rules: [], lang: 'fr' })!;
    expect(match.sentence.length).toBe(300);
    expect(match.sentence.endsWith('…')).toBe(true);
    expect(match.exact.length).toBeGreaterThan(300);
  });

  it('lists the matching items of a read, in the feed’s order', () => {
    const items = [
      item('Météo du jour', 'Soleil.'),
      item('ACME rappelle ses cafetières', ''),
      item('Jean Dupont quitte la direction', ''),
    ];
    expect(
      matchItems(items, watchlist, options).map(({ item: i, match }) => [i.title, match.termIds]),
    ).toEqual([
      ['ACME rappelle ses cafetières', ['acme']],
      ['Jean Dupont quitte la direction', ['dupont']],
    ]);
  });
});
