/** A new random record id (UUID v4). */
export function newId(): string {
  return crypto.randomUUID();
}
