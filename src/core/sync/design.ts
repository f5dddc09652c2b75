/**
 * The design document a cell's database holds, `_design/vigie`: its `validate_doc_update` is
 * the server's own check of every write, whatever client made it. Only members and admins of
 * the database write; a document is a crisis, a mention or an event under the matching id and
 * signed by its writer; an event of the journal, once written, is never changed nor deleted;
 * only admins delete. The function is a string of plain ES5, as CouchDB's JavaScript engines
 * take it. `node scripts/design-doc.mjs` prints the document as JSON, for an upload with curl
 * (docs/team-server.md).
 */
import type { CouchDoc } from './couch';

/**
 * Called by the server before each write of a document that is not a design or local one:
 * throwing `{ forbidden }` refuses it with 403, `{ unauthorized }` with 401. Admins (server
 * admins, `_admin` role; database admins, by `secObj.admins`) may write under another name
 * and delete, but change no event either: a journal entry is only ever removed by `_purge`.
 *
 * A write without `_rev` over an existing event is a second push of the same event: CouchDB
 * answers it 409 without asking this function; PouchDB's validation asks first, so it is let
 * through here and PouchDB then answers 409 too.
 */
const VALIDATE = `function (newDoc, oldDoc, userCtx, secObj) {
  function contains(list, item) {
    if (!list) return false;
    for (var i = 0; i < list.length; i++) {
      if (list[i] === item) return true;
    }
    return false;
  }
  function inGroup(group) {
    if (!group) return false;
    if (userCtx.name !== null && contains(group.names, userCtx.name)) return true;
    var roles = userCtx.roles || [];
    for (var i = 0; i < roles.length; i++) {
      if (contains(group.roles, roles[i])) return true;
    }
    return false;
  }
  var security = secObj || {};
  var isAdmin = contains(userCtx.roles, '_admin') || inGroup(security.admins);
  if (!isAdmin && !inGroup(security.members)) {
    if (userCtx.name === null) throw { unauthorized: 'Sign in to write to this cell.' };
    throw { forbidden: 'Only the members of this cell write to it.' };
  }
  var colon = newDoc._id.indexOf(':');
  var kind = colon > 0 ? newDoc._id.substring(0, colon) : '';
  if (kind !== 'crisis' && kind !== 'mention' && kind !== 'event') kind = '';
  if (newDoc._deleted) {
    if (kind === 'event') throw { forbidden: 'An event of the journal is never deleted.' };
    if (!isAdmin) throw { forbidden: 'Only an admin of the cell deletes a document.' };
    return;
  }
  if (kind === '' || colon === newDoc._id.length - 1) {
    throw { forbidden: 'A document id is crisis:<id>, mention:<id> or event:<id>.' };
  }
  if (newDoc.type !== kind) throw { forbidden: 'The type of ' + newDoc._id + ' is ' + kind + '.' };
  if (typeof newDoc[kind] !== 'object' || newDoc[kind] === null) {
    throw { forbidden: newDoc._id + ' carries no ' + kind + '.' };
  }
  if (typeof newDoc.author !== 'string' || newDoc.author === '') {
    throw { forbidden: 'Every document names its author.' };
  }
  if (!isAdmin && newDoc.author !== userCtx.name) {
    throw { forbidden: 'The author of a document is the member who writes it.' };
  }
  if (kind === 'event' && oldDoc && !oldDoc._deleted && newDoc._rev) {
    throw { forbidden: 'An event of the journal is never changed.' };
  }
}`;

/** `_design/vigie`, as uploaded to each cell's database. */
export const vigieDesign: CouchDoc = {
  _id: '_design/vigie',
  language: 'javascript',
  validate_doc_update: VALIDATE,
};
