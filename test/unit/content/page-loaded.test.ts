/**
 * Monitoring waits for the page's own load: the watch starts after the load event and its
 * handlers, or after LOAD_WAIT_MS for a page whose load never ends.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOAD_WAIT_MS, pageLoaded } from '../../../src/content/page-loaded';

/** A window as far as pageLoaded sees it: its document's state and its load event. */
function fakeWindow(readyState: DocumentReadyState) {
  const target = new EventTarget();
  return {
    win: Object.assign(target, { document: { readyState } }) as unknown as Window,
    load: () => target.dispatchEvent(new Event('load')),
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('waiting for the page to load', () => {
  it('goes on at once on a page already loaded', async () => {
    await expect(pageLoaded(fakeWindow('complete').win)).resolves.toBeUndefined();
  });

  it('goes on after the load event and its own handlers, not before', async () => {
    const { win, load } = fakeWindow('interactive');
    const order: string[] = [];
    void pageLoaded(win).then(() => order.push('watch'));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(order).toEqual([]);
    win.addEventListener('load', () => order.push('page handler'));
    load();
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual(['page handler', 'watch']);
  });

  it('goes on after LOAD_WAIT_MS on a page whose load never ends', async () => {
    const { win } = fakeWindow('loading');
    let done = false;
    void pageLoaded(win).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(LOAD_WAIT_MS - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
  });
});
