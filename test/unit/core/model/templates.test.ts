import { describe, expect, it } from 'vitest';
import { newCrisis } from '../../../../src/core/model/crisis';
import { DEFAULT_TEMPLATES } from '../../../../src/core/model/default-templates';
import { DEFAULT_SETTINGS } from '../../../../src/core/model/settings';
import {
  fillTemplate,
  mailtoLink,
  suggestVariant,
  templateFor,
} from '../../../../src/core/model/templates';

describe('message templates', () => {
  it('suggest the kind a professional would send, from the person and the fault', () => {
    const c = newCrisis({
      title: 'T',
      level: 3,
      openedAt: '2026-12-04T13:33:00.000Z',
      checklist: [],
    });
    expect(suggestVariant(c)).toBe('holding');
    expect(suggestVariant({ ...c, inform: { ...c.inform, fault: 'ours' } })).toBe('apology');
    expect(suggestVariant({ ...c, inform: { ...c.inform, fault: 'not-ours' } })).toBe(
      'clarification',
    );
    expect(suggestVariant(c, 'press')).toBe('journalist');
    expect(suggestVariant(c, 'boss')).toBe('internal');
    expect(suggestVariant({ ...c, level: 1 }, 'client')).toBe('internal');
  });

  it('use the user’s own subject or body where written, the built-in one where not', () => {
    const templates = structuredClone(DEFAULT_SETTINGS.templates);
    templates.inform.apology.fr.body = '{greeting}\n\nPardon pour {crisis}.';
    const own = templateFor(templates, 'inform', 'apology', 'fr');
    expect(own.body).toBe('{greeting}\n\nPardon pour {crisis}.');
    expect(own.subject).toBe(DEFAULT_TEMPLATES.inform.apology.fr.subject);
    // A typo stays visible instead of vanishing.
    expect(fillTemplate('{crisis} {crsis}', { crisis: 'X' } as never)).toBe('X {crsis}');
  });

  it('open the mail client with the subject apart and only a real address', () => {
    expect(mailtoLink('marie@lumen.fr', 'Sujet : ça', 'Bonjour,\n\n1 & 2')).toBe(
      'mailto:marie@lumen.fr?subject=Sujet%20%3A%20%C3%A7a&body=Bonjour%2C%0A%0A1%20%26%202',
    );
    expect(mailtoLink('+33 6 12 34 56 78', 'S', 'B')).toBe('mailto:?subject=S&body=B');
  });
});
