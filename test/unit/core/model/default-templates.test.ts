import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../../../src/core/model/default-templates';
import { fillTemplate } from '../../../../src/core/model/templates';
import { MESSAGE_LANGS, MESSAGE_VARIANTS } from '../../../../src/core/model/types';

describe('the built-in message templates', () => {
  it('have a subject and a body in both languages for every kind, and only apologies admit fault', () => {
    for (const kind of ['inform', 'update'] as const) {
      for (const variant of MESSAGE_VARIANTS) {
        for (const lang of MESSAGE_LANGS) {
          const { subject, body } = DEFAULT_TEMPLATES[kind][variant][lang];
          expect(subject, `${kind}.${variant}.${lang}`).toContain('{crisis}');
          expect(body, `${kind}.${variant}.${lang}`).toMatch(/^\{greeting\}\n\n/);
          // Every placeholder a built-in text uses is one Vigie fills.
          expect(fillTemplate(body, {} as never)).not.toMatch(/\{\w+\}/);
          const admits =
            /made a mistake|commis une erreur|apolog|excuses|rectifying|rectifions/i.test(body);
          expect(admits, `${kind}.${variant}.${lang}`).toBe(variant === 'apology');
        }
      }
    }
  });
});
