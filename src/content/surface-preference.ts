import type { Storage } from 'webextension-polyfill';
import { browser } from '../shared/extension-api';
import { DEFAULT_SURFACE, SURFACE_KEY, surfaceOf, type Surface } from '../shared/surface';

/**
 * Where the admin wants "Send message" to open the compose view, kept at hand: the click must name
 * it at once, since the browser opens a side panel only within the click. Read when the script starts
 * and followed as the admin changes it; the side panel until it is known.
 */
export function followSurface(signal: AbortSignal): () => Surface {
  let surface: Surface = DEFAULT_SURFACE;
  const take = (value: unknown) => (surface = surfaceOf(value));
  void browser.storage.local.get(SURFACE_KEY).then((stored) => take(stored[SURFACE_KEY]));
  const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'local' && SURFACE_KEY in changes) take(changes[SURFACE_KEY]!.newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onChanged), { once: true });
  return () => surface;
}
