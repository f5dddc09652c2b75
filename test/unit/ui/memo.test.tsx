// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { memo } from '../../../src/ui/memo';

afterEach(() => document.body.replaceChildren());

describe('memo', () => {
  it('draws a row again only when one of its props changed, keeping its own state', async () => {
    const drawn: string[] = [];
    const Row = memo(function Row(props: { name: string; mark: boolean }) {
      const [clicks, setClicks] = useState(0);
      drawn.push(props.name);
      return (
        <li>
          <button onClick={() => setClicks(clicks + 1)}>{props.name}</button>
          {props.mark ? '*' : ''}
          {clicks}
        </li>
      );
    });
    const root = document.body.appendChild(document.createElement('ul'));
    const list = (marked: string) =>
      render(
        <>
          {['a', 'b', 'c'].map((name) => (
            <Row key={name} name={name} mark={name === marked} />
          ))}
        </>,
        root,
      );
    list('');
    expect(drawn).toEqual(['a', 'b', 'c']);
    list('b');
    expect(drawn).toEqual(['a', 'b', 'c', 'b']);
    expect(root.textContent).toBe('a0b*0c0');
    root.querySelector('button')!.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(root.textContent).toBe('a1b*0c0');
    list('');
    expect(drawn).toEqual(['a', 'b', 'c', 'b', 'a', 'b']);
    expect(root.textContent).toBe('a1b0c0');
  });
});
