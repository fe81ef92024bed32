import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';

/** Gives the test an empty IndexedDB, as a fresh browser profile would have. */
export function freshIndexedDB(): void {
  globalThis.indexedDB = new IDBFactory();
}
