import { describe, expect, it } from 'vitest';
import { newCrisis } from '../../../../src/core/model/crisis';
import { messageLocale, messageValues } from '../../../../src/core/model/message-values';
import { draftFrom, NO_TEMPLATES, templateFor } from '../../../../src/core/model/templates';
import type { Crisis, DamageRow } from '../../../../src/core/model/types';

const damage = (over: Partial<DamageRow>): DamageRow => ({
  id: 'd',
  area: 'customers',
  customArea: '',
  degree: 3,
  cost: 0,
  currency: 'EUR',
  note: '',
  mentionIds: [],
  accepted: false,
  ...over,
});

function crisis(): Crisis {
  const c = newCrisis({
    title: 'Avis « arnaque » sur la Brasserie Lumen',
    level: 3,
    openedAt: '2026-12-04T13:33:00.000Z',
    checklist: [],
  });
  c.assess.damages = [
    damage({ id: 'a', area: 'press', degree: 4, cost: 1200 }),
    damage({ id: 'b', area: 'customers', degree: 3, cost: 300 }),
    damage({ id: 'c', area: 'search', degree: 2 }),
  ];
  return c;
}

const nextUpdate = Date.parse('2026-12-05T09:00:00.000Z');

describe('what a message’s placeholders say', () => {
  it('write a French letter wholly in French in an English browser', () => {
    const locale = messageLocale('fr', 'en-US');
    expect(locale).toBe('fr');
    const values = messageValues({
      crisis: crisis(),
      lang: 'fr',
      locale,
      nextUpdate,
      greetingName: 'Marie',
    });
    expect(values.areas).toBe('la presse, nos clients et les résultats de recherche');
    expect(values.cost).toMatch(/^1\s500\s€$/);
    expect(values.level).toBe('crise');
    expect(values.detected).toMatch(/^4 décembre 2026 à \d\d:33$/);
    expect(values.greeting).toBe('Bonjour Marie,');
    const draft = draftFrom(templateFor(NO_TEMPLATES, 'inform', 'holding', 'fr'), values);
    expect(draft.subject).toBe(
      'Avis « arnaque » sur la Brasserie Lumen : ce que nous savons à ce stade',
    );
    expect(draft.body).toMatch(/^Bonjour Marie,\n\nNous avons connaissance de « Avis/);
    expect(draft.body).toContain('au plus tard le 5 décembre 2026 à');
    // The subject goes in the mail's subject, not again at the top of the body.
    expect(draft.body).not.toContain(draft.subject);
    for (const english of ['Press', 'Customers', 'Search results', 'Dec', 'PM', 'Hello']) {
      expect(draft.body).not.toContain(english);
    }
  });

  it('write an English letter in English in a French browser, in the English of its place', () => {
    expect(messageLocale('en', 'fr-FR')).toBe('en');
    expect(messageLocale('en', 'en-GB')).toBe('en-GB');
    const values = messageValues({
      crisis: crisis(),
      lang: 'en',
      locale: messageLocale('en', 'fr-FR'),
      nextUpdate,
      greetingName: '',
    });
    expect(values.areas).toBe('the press, our customers, and search results');
    expect(values.cost).toBe('€1,500');
    expect(values.greeting).toBe('Hello,');
    expect(values.detected).toMatch(/^December 4, 2026 at \d\d?:33 [AP]M$/);
    const gb = messageValues({
      crisis: crisis(),
      lang: 'en',
      locale: 'en-GB',
      nextUpdate,
      greetingName: '',
    });
    expect(gb.detected).toMatch(/^4 December 2026 at \d\d:33$/);
  });

  it('say amounts in each currency, and “not estimated yet” when nothing is costed', () => {
    const c = crisis();
    c.assess.damages.push(damage({ id: 'x', cost: 50, currency: 'USD' }));
    const both = messageValues({
      crisis: c,
      lang: 'en',
      locale: 'en',
      nextUpdate,
      greetingName: '',
    });
    expect(both.cost).toBe('€1,500 + $50');
    c.assess.damages = [];
    const none = messageValues({
      crisis: c,
      lang: 'fr',
      locale: 'fr',
      nextUpdate,
      greetingName: '',
    });
    expect(none.cost).toBe('pas encore estimé');
    expect(none.summary).toBe('« Avis « arnaque » sur la Brasserie Lumen »');
  });
});
