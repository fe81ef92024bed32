import { afterEach, beforeEach } from 'vitest';
import { startGraphStub } from '../fixtures/graph-stub.mjs';
import { fakeBrowser } from './fake-browser';
import { freshIndexedDB } from './indexeddb';

/**
 * Every test of the file starts from an empty database and browser, with the background pointed at a
 * Graph API stub on loopback (answering yes to everything until a test says otherwise), closed after.
 */
export function useGraphStub(): { stub: Awaited<ReturnType<typeof startGraphStub>> } {
  const graph = {} as { stub: Awaited<ReturnType<typeof startGraphStub>> };
  beforeEach(async () => {
    freshIndexedDB();
    fakeBrowser.reset();
    graph.stub = await startGraphStub();
    await fakeBrowser.storage.local.set({ 'test:graphBaseUrl': graph.stub.url });
  });
  afterEach(() => graph.stub.close());
  return graph;
}
