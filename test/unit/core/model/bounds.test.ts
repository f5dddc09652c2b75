import { describe, expect, it } from 'vitest';
import { fitRecord } from '../../../../src/core/model/bounds';
import { CUT_MARK, LIMITS, shorten, wasShortened } from '../../../../src/core/model/limits';
import { shortenedFields } from '../../../../src/core/model/mention';
import { CrisisSchema, EventSchema, MentionSchema } from '../../../../src/core/model/schemas';
import { mention } from '../../helpers';

describe('shortening a text to its limit', () => {
  it('cuts at the end, the mark where it was cut, within the limit', () => {
    expect(shorten('abcdefghij', 8)).toBe('abcde[…]');
    expect(shorten('abcdefghij', 8)).toHaveLength(8);
    expect(shorten('abcdefgh', 8)).toBe('abcdefgh');
  });

  it('cuts the text before a quote at its start, keeping what touches the quote', () => {
    expect(shorten('abcdefghij', 8, 'start')).toBe('[…]fghij');
  });

  it('never splits a character written with two code units', () => {
    // 😀 is two UTF-16 units: a cut between them would leave half a character.
    const end = shorten('abcd😀efg', 8);
    expect(end).toBe('abcd[…]');
    expect(wasShortened(end, 8)).toBe(true);
    const start = shorten('abc😀defg', 8, 'start');
    expect(start).toBe('[…]defg');
    expect(wasShortened(start, 8, 'start')).toBe(true);
  });

  it('tells a shortened text from one that merely ends with the mark', () => {
    expect(wasShortened(`short${CUT_MARK}`, 100)).toBe(false);
    expect(wasShortened(shorten('x'.repeat(200), 100), 100)).toBe(true);
  });
});

describe('fitting a record to its schema', () => {
  it('leaves a record within its limits as it is, the same object', () => {
    const m = mention();
    const fit = fitRecord(MentionSchema, m);
    expect(fit).toEqual({ ok: true, value: m, shortened: [] });
    expect(fit.ok && fit.value).toBe(m);
  });

  it('shortens every text a page made too long, names each place, and changes no input', () => {
    const huge = mention({
      url: `https://x.example/?q=${'u'.repeat(LIMITS.url)}`,
      pageTitle: 'T'.repeat(LIMITS.pageTitle + 1),
      site: 's'.repeat(LIMITS.site + 5),
      lang: 'x'.repeat(LIMITS.lang + 1),
      quote: 'Q'.repeat(LIMITS.quote + 1),
      linkUrl: 'l'.repeat(LIMITS.url + 1),
      tags: ['t'.repeat(LIMITS.tag + 1)],
      selectors: {
        quote: {
          type: 'TextQuoteSelector',
          exact: 'Q'.repeat(LIMITS.quote + 1),
          prefix: `${'p'.repeat(LIMITS.context)}<end>`,
          suffix: `<start>${'s'.repeat(LIMITS.context)}`,
        },
        position: { type: 'TextPositionSelector', start: 0, end: LIMITS.quote + 1 },
      },
    });
    const before = JSON.stringify(huge);
    const fit = fitRecord(MentionSchema, huge);
    expect(JSON.stringify(huge)).toBe(before);
    if (!fit.ok) throw new Error('refused');
    expect(fit.shortened.sort()).toEqual(
      [
        'url',
        'pageTitle',
        'site',
        'lang',
        'quote',
        'linkUrl',
        'tags',
        'selectors.quote.exact',
        'selectors.quote.prefix',
        'selectors.quote.suffix',
      ].sort(),
    );
    const m = fit.value;
    expect(m.lang).toBeNull();
    expect(m.pageTitle).toHaveLength(LIMITS.pageTitle);
    expect(m.selectors!.quote.prefix!.endsWith('<end>')).toBe(true);
    expect(m.selectors!.quote.suffix!.startsWith('<start>')).toBe(true);
    // What the evidence panel says was shortened: the capture's fields and the title.
    expect(shortenedFields(m).sort()).toEqual(
      [
        'url',
        'pageTitle',
        'quote',
        'linkUrl',
        'selectors.quote.exact',
        'selectors.quote.prefix',
        'selectors.quote.suffix',
      ].sort(),
    );
  });

  it('refuses what shortening cannot mend: an id, a date, a choice', () => {
    expect(fitRecord(MentionSchema, mention({ id: 'i'.repeat(101) })).ok).toBe(false);
    expect(
      fitRecord(MentionSchema, mention({ capturedAt: 'now', pageTitle: 'T'.repeat(20_000) })).ok,
    ).toBe(false);
    expect(fitRecord(MentionSchema, { ...mention(), tone: 'furious' }).ok).toBe(false);
  });

  it('reaches texts inside lists, and a journal event’s texts', () => {
    const event = {
      id: 'e1',
      crisisId: 'c1',
      at: '2026-11-20T09:00:00.000Z',
      type: 'renamed',
      actor: 'user',
      data: { title: 'T'.repeat(LIMITS.message + 1), count: 3 },
    };
    const fit = fitRecord(EventSchema, event);
    expect(fit.ok && fit.shortened).toEqual(['data.title']);
    expect(fit.ok && fit.value.data.count).toBe(3);
    expect(fitRecord(CrisisSchema, { title: 'x' }).ok).toBe(false);
  });
});
