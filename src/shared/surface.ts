/** Where "Send message" shows the compose view: the side panel (sidebar in Firefox), or the popup. */
export const SURFACES = ['panel', 'popup'] as const;
export type Surface = (typeof SURFACES)[number];

/** The side panel stays open while the admin works through a thread: the default where there is one. */
export const DEFAULT_SURFACE: Surface = 'panel';

/**
 * Where the choice is kept: `storage.local`, which the content script reads, since the click that
 * opens the side panel must name it (the browser opens a panel only within the admin's click). A
 * preference of this browser's, not the Page's data; only the background writes it.
 */
export const SURFACE_KEY = 'surface';

/** The stored choice, or the default when nothing (or anything else) is stored. No zod: the content script reads it. */
export const surfaceOf = (stored: unknown): Surface =>
  SURFACES.find((surface) => surface === stored) ?? DEFAULT_SURFACE;
