import { signal } from '@preact/signals';

/** Counts successful imports, so every section of the page reloads what an import changed. */
export const importsDone = signal(0);
