// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { useSelection } from '../../../../src/dashboard/log/use-selection';

function harness() {
  const seen: ReturnType<typeof useSelection>[] = [];
  const root = document.createElement('div');
  const Probe = ({ listKey }: { listKey: string }) => {
    seen.push(useSelection(listKey));
    return null;
  };
  const draw = (listKey: string) => act(() => render(<Probe listKey={listKey} />, root));
  return { seen, draw, last: () => seen[seen.length - 1]! };
}

describe('useSelection', () => {
  it('ticks and unticks one by one through the same callback', () => {
    const { draw, last, seen } = harness();
    draw('a');
    const { select } = last();
    act(() => select('m1', true));
    act(() => select('m2', true));
    act(() => last().select('m1', false));
    expect([...last().selected]).toEqual(['m2']);
    expect(seen.every((s) => s.select === select)).toBe(true);
  });

  it('ticks exactly those asked for, and none in another list', () => {
    const { draw, last } = harness();
    draw('a');
    act(() => last().selectOnly(['m1', 'm2']));
    expect([...last().selected]).toEqual(['m1', 'm2']);
    draw('b');
    expect(last().selected.size).toBe(0);
  });
});
