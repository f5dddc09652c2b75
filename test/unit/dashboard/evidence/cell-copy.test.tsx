// @vitest-environment happy-dom
/**
 * The evidence panel's word on the cell: a page copy of a shared crisis's mention is offered
 * for sharing, said to be shared once sent, and its size limit is said before any attempt.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CopySharing } from '../../../../src/core/model/evidence';
import type { PageCopyRef } from '../../../../src/core/model/types';
import { mention } from '../../helpers';
import { fakeBrowser } from '../../fake-browser';

const fake = vi.hoisted(() => ({ current: null as ReturnType<typeof fakeBrowser> | null }));
vi.mock('../../../../src/core/browser', () => ({
  get browser() {
    return fake.current!.browser;
  },
}));

const ok = <T,>(value: T) => ({ ok: true as const, value });
const copy: PageCopyRef = {
  id: 'c1',
  format: 'html',
  sha256: 'a'.repeat(64),
  savedAt: '2026-12-01T10:00:00.000Z',
  bytes: 2048,
};

async function show(sharing: CopySharing, withCopy = true) {
  fake.current = fakeBrowser({
    getCopySharing: () => ok({ sharing }),
    sharePageCopy: () => ok({ sharing: 'shared' as const }),
  });
  const { CellCopy } = await import('../../../../src/dashboard/evidence/cell-copy');
  const m = mention({
    evidence: { captureSha256: 'b'.repeat(64), pageCopy: withCopy ? copy : null },
  });
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<CellCopy mention={m} />, root);
  await vi.waitFor(() => expect(fake.current!.calls.length).toBeGreaterThan(0));
  await new Promise((r) => setTimeout(r, 0));
  return root;
}

afterEach(() => {
  render(null, document.body.firstElementChild!);
  fake.current = null;
});

describe('a page copy and the cell', () => {
  it('offers to share a copy only this browser has, then says the cell has it', async () => {
    const root = await show('can-share');
    expect(root.textContent).toContain('stays in this browser until you share it');
    root.querySelector<HTMLButtonElement>('[data-testid="log-evidence-share-copy"]')!.click();
    await vi.waitFor(() => expect(root.textContent).toContain('The cell has this page copy'));
    expect(fake.current!.calls.map((c) => c.call)).toContain('sharePageCopy');
    expect(root.querySelector('[data-testid="log-evidence-share-copy"]')).toBeNull();
  });

  it('says a copy another member shared is on its way', async () => {
    const root = await show('shared', false);
    expect(root.textContent).toContain('arrives with the next sync');
  });

  it('says the limit for a copy too large to share, with no button', async () => {
    const root = await show('too-large');
    expect(root.textContent).toContain('over 5 MB');
    expect(root.querySelector('button')).toBeNull();
  });

  it('shows nothing with no cell, or for a mention no shared crisis holds', async () => {
    expect((await show('no-cell')).textContent).toBe('');
    expect((await show('not-shared')).textContent).toBe('');
  });
});
