import { describe, expect, it } from 'vitest';
import { stagePages } from '../../../../src/dashboard/backup/stage-pages';
import { mention } from '../../helpers';

describe('staging pages', () => {
  it('stay under the size a message may carry', () => {
    const big = Array.from({ length: 30 }, (_, i) =>
      mention({ id: `b${i}`, quote: 'x'.repeat(300_000) }),
    );
    const pages = stagePages(big);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(JSON.stringify(page).length).toBeLessThan(8_000_000);
    expect(pages.flat()).toEqual(big);
  });
});
