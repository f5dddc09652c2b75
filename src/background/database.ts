/**
 * The background's connection to the database, opened on first use and opened again if the
 * browser closes it (another context upgrading the schema, storage pressure).
 */
import { openVigieDB, type VigieDatabase } from '../core/db/open';

let connection: Promise<VigieDatabase> | null = null;

export function database(): Promise<VigieDatabase> {
  if (!connection) {
    connection = openVigieDB().then((db) => {
      // Closed by the browser ('close'), or by this connection itself to let another context
      // upgrade or delete the database ('versionchange', see open.ts): the next use reopens.
      const forget = () => {
        connection = null;
      };
      db.addEventListener('close', forget);
      db.addEventListener('versionchange', forget);
      return db;
    });
    connection.catch(() => {
      connection = null;
    });
  }
  return connection;
}
