import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { thirdPartyNotices } from '../../../scripts/lib/third-party-notices.mjs';

const root = resolve(import.meta.dirname, '../../..');

describe('the third-party notices shipped with the extension', () => {
  const text = thirdPartyNotices(root);

  it('hold the licence of every library the bundles hold', () => {
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const name of Object.keys(pkg.dependencies)) {
      expect(text).toMatch(new RegExp(`^== ${name} \\d+\\.\\d+\\.\\d+ \\(`, 'm'));
    }
    expect(text).toContain('Mozilla Public License Version 2.0');
    expect(text).toContain('Copyright (c) 2015-present Jason Miller');
  });

  it('hold the notice of the English word list, as its licence asks', () => {
    expect(text).toContain('== src/core/sentiment/lexicon-en.ts ==');
    expect(text).toContain('Copyright (c) 2016 C.J. Hutto');
    expect(text).toContain('The above copyright notice and this permission notice shall be');
    // The comment's frame is gone: the notice reads as plain text.
    expect(text).not.toMatch(/^ \*/m);
  });
});
