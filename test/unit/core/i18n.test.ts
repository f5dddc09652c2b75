import { beforeEach, describe, expect, it, vi } from 'vitest';

const ui = { language: 'fr' };

vi.mock('../../../src/core/browser', async () => {
  const { readFileSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  const catalogue = (lang: string) =>
    JSON.parse(
      readFileSync(
        resolve(import.meta.dirname, `../../../src/_locales/${lang}/messages.json`),
        'utf8',
      ),
    ) as Record<string, { message: string }>;
  return {
    browser: {
      i18n: {
        getUILanguage: () => ui.language,
        getMessage: (key: string, subs: string | string[]) => {
          const list = [subs].flat();
          const message = catalogue(ui.language)[key]?.message ?? '';
          return message.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
        },
      },
    },
  };
});

beforeEach(() => vi.resetModules());

describe('counts in words', () => {
  it('take the form the language gives the number: French "0 mention", English "0 mentions"', async () => {
    ui.language = 'fr';
    const fr = await import('../../../src/core/i18n');
    expect(fr.tn('logMentionCount', 0, '0')).toBe('0 mention');
    expect(fr.tn('logMentionCount', 1, '1')).toBe('1 mention');
    expect(fr.tn('logMentionCount', 2, '2')).toBe('2 mentions');
    expect(fr.tn('logDeleted', 3, '3')).toBe('3 mentions supprimées.');
    ui.language = 'en';
    vi.resetModules();
    const en = await import('../../../src/core/i18n');
    expect(en.tn('logMentionCount', 0, '0')).toBe('0 mentions');
    expect(en.tn('logMentionCount', 1, '1')).toBe('1 mention');
    expect(en.tn('nextInform', 2, '2')).toBe('Inform 2 key stakeholders');
  });

  it('fall back to the other form where French has one more (many: a million)', async () => {
    ui.language = 'fr';
    const fr = await import('../../../src/core/i18n');
    expect(fr.tn('logMentionCount', 1_000_000, '1 000 000')).toBe('1 000 000 mentions');
  });
});
