// Gives every unit test a fresh in-memory IndexedDB.
import 'fake-indexeddb/auto';
// The scorer's published word lists, which the worker loads from its package.
import '../../src/core/sentiment/bundled-lists';
