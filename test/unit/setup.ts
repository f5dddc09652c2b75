// Gives every unit test a fresh in-memory IndexedDB.
import 'fake-indexeddb/auto';
