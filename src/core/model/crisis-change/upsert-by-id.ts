/** Lists of a crisis kept by id: a row entered again replaces its old self, in its place. */

/** `list` with `item` in the place of the one of its id, or added at the end. */
export function upsertById<T extends { id: string }>(list: readonly T[], item: T): T[] {
  return list.some((x) => x.id === item.id)
    ? list.map((x) => (x.id === item.id ? item : x))
    : [...list, item];
}
