/**
 * The background's connection to the database, opened on first use and opened again if the
 * browser closes it (another context upgrading the schema, storage pressure).
 */
import { openVigieDB, type VigieDatabase } from '../core/db/open';

let connection: Promise<VigieDatabase> | null = null;

export function database(): Promise<VigieDatabase> {
  if (!connection) {
    connection = openVigieDB().then((db) => {
      db.addEventListener('close', () => {
        connection = null;
      });
      return db;
    });
    connection.catch(() => {
      connection = null;
    });
  }
  return connection;
}
