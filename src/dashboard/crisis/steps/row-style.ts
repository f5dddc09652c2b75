/** The grid of a row in a step's lists: what the item is, then its buttons at the end. */
export const ROW_STYLE = { gridTemplateColumns: '1fr auto' };
