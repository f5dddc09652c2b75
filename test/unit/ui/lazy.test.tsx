// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazy } from '../../../src/ui/lazy';

vi.mock('../../../src/core/browser', async () => ({
  browser: (await import('../fake-browser')).fakeBrowser({}).browser,
}));

const app = () => document.body.appendChild(document.createElement('div'));

afterEach(() => document.body.replaceChildren());

describe('screens loaded on first view', () => {
  it('shows the screen once its code is loaded, and at once on the next visit', async () => {
    const load = vi.fn(async () => (props: { name: string }) => <h1>Hello {props.name}</h1>);
    const Screen = lazy(load);
    const first = app();
    render(<Screen name="Ada" />, first);
    await vi.waitFor(() => expect(first.textContent).toBe('Hello Ada'));
    const second = app();
    render(<Screen name="Grace" />, second);
    expect(second.textContent).toBe('Hello Grace');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says in words when the code cannot be loaded, and tries again on the next visit', async () => {
    const load = vi
      .fn<() => Promise<() => preact.JSX.Element>>()
      .mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
      .mockResolvedValue(() => <h1>Back</h1>);
    const Screen = lazy(load);
    const first = app();
    render(<Screen />, first);
    await vi.waitFor(() => expect(first.querySelector('[role="alert"]')).not.toBeNull());
    expect(first.textContent).toContain('Failed to fetch dynamically imported module');
    const second = app();
    render(<Screen />, second);
    await vi.waitFor(() => expect(second.textContent).toBe('Back'));
  });
});
