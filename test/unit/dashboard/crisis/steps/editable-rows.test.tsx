// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, expect, it } from 'vitest';
import { EditableRows } from '../../../../../src/dashboard/crisis/steps/editable-rows';

interface Item {
  id: string;
  name: string;
}

const saved: Item[] = [];
const settled = () => new Promise((done) => setTimeout(done, 0));
const rows = () => [...document.querySelectorAll('[data-testid="things"] > li')];
const click = (selector: string) => document.querySelector<HTMLElement>(selector)!.click();

function show(items: Item[]) {
  render(
    <EditableRows<Item>
      testid="things"
      items={items}
      blank={() => ({ id: 'new', name: '' })}
      addLabel="Add"
      row={(item, edit) => (
        <li key={item.id} class="row">
          {item.name}
          <button type="button" class="edit" onClick={edit}>
            Edit
          </button>
        </li>
      )}
      form={(item, { onSave, onCancel }) => (
        <form>
          <button type="button" class="save" onClick={() => onSave({ ...item, name: 'saved' })}>
            Save
          </button>
          <button type="button" class="cancel" onClick={onCancel}>
            Cancel
          </button>
        </form>
      )}
      onSave={(item) => saved.push(item)}
    />,
    document.body,
  );
}

afterEach(() => {
  render(null, document.body);
  saved.length = 0;
});

it('edits a listed item in its own row, and closes its form once saved', async () => {
  show([
    { id: 'a', name: 'Ann' },
    { id: 'b', name: 'Bob' },
  ]);
  expect(rows().map((li) => li.className)).toEqual(['row', 'row']);
  expect(document.querySelector('ul + p .button')?.textContent).toBe('Add');
  document.querySelectorAll<HTMLElement>('.edit')[1]!.click();
  await settled();
  expect(rows().map((li) => li.querySelector('form') !== null)).toEqual([false, true]);
  click('.save');
  await settled();
  expect(saved).toEqual([{ id: 'b', name: 'saved' }]);
  expect(document.querySelector('form')).toBeNull();
});

it('opens a new item’s form under the list, in place of the add button, until cancelled', async () => {
  show([{ id: 'a', name: 'Ann' }]);
  click('p .button');
  await settled();
  expect(document.querySelector('ul + form')).not.toBeNull();
  expect(document.querySelector('p .button')).toBeNull();
  click('.cancel');
  await settled();
  expect(saved).toEqual([]);
  expect(document.querySelector('p .button')?.textContent).toBe('Add');
});
