/**
 * Asks the browser never to evict the extension's data (the outreach log is the admin's memory of
 * every contact). `unlimitedStorage` in the manifest already exempts it from the quota; this also
 * marks it persistent where the browser distinguishes the two. Only windows may ask, not the worker.
 */
export async function keepStoragePersistent(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  return (await navigator.storage.persisted()) || navigator.storage.persist();
}
