import browser from 'webextension-polyfill';
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { z } from 'zod';
import { withDatabase } from './database';
import type { KeyFamily } from './keys';
import type { OutreachSchema } from './schema';

/**
 * Reading and writing the keys of the table in keys.ts: every value read back is checked against its
 * family's schema, and one that fails it (an older shape, a hand-edited profile) reads as absent.
 */
type Family<Args extends unknown[], Schema extends z.ZodType> = KeyFamily<Args, Schema>;
type MetaStore<Mode extends IDBTransactionMode> = IDBPObjectStore<
  OutreachSchema,
  ArrayLike<StoreNames<OutreachSchema>>,
  'meta',
  Mode
>;

function decode<Schema extends z.ZodType>(
  family: { schema: Schema; json?: true },
  raw: unknown,
): z.infer<Schema> | null {
  if (raw === undefined) return null;
  let value = raw;
  if (family.json) {
    try {
      value = JSON.parse(String(raw));
    } catch {
      return null;
    }
  }
  const parsed = family.schema.safeParse(value);
  return parsed.success ? (parsed.data as z.infer<Schema>) : null;
}

const encode = (family: { area: string; json?: true }, value: unknown) =>
  family.area === 'meta' && family.json ? JSON.stringify(value) : value;

const area = (family: { area: 'session' | 'local' | 'meta' }) =>
  family.area === 'session' ? browser.storage.session : browser.storage.local;

/** The family's value under `args`, or null when there is none (or it fails its schema). */
export async function readStored<Args extends unknown[], Schema extends z.ZodType>(
  family: Family<Args, Schema>,
  ...args: Args
): Promise<z.infer<Schema> | null> {
  const key = family.key(...args);
  const raw =
    family.area === 'meta'
      ? await withDatabase((db) => db.get('meta', key))
      : (await area(family).get(key))[key];
  return decode(family, raw);
}

export async function writeStored<Args extends unknown[], Schema extends z.ZodType>(
  family: Family<Args, Schema>,
  value: z.infer<Schema>,
  ...args: Args
): Promise<void> {
  const key = family.key(...args);
  if (family.area === 'meta')
    await withDatabase((db) => db.put('meta', encode(family, value) as string, key));
  else await area(family).set({ [key]: value });
}

export async function removeStored<Args extends unknown[], Schema extends z.ZodType>(
  family: Family<Args, Schema>,
  ...args: Args
): Promise<void> {
  const key = family.key(...args);
  if (family.area === 'meta') await withDatabase((db) => db.delete('meta', key));
  else await area(family).remove(key);
}

/** Every value of a family with a prefix, by the rest of its key (session and local only). */
export async function readAllStored<Args extends unknown[], Schema extends z.ZodType>(
  family: Family<Args, Schema> & { prefix: string },
): Promise<Map<string, z.infer<Schema>>> {
  const all = await area(family).get(null);
  const found = new Map<string, z.infer<Schema>>();
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(family.prefix)) continue;
    const value = decode(family, raw);
    if (value !== null) found.set(key.slice(family.prefix.length), value as z.infer<Schema>);
  }
  return found;
}

/** The family's value in `meta`, read in the caller's transaction. */
export async function readMetaIn<Args extends unknown[], Schema extends z.ZodType>(
  store: MetaStore<IDBTransactionMode>,
  family: Family<Args, Schema>,
  ...args: Args
): Promise<z.infer<Schema> | null> {
  return decode(family, await store.get(family.key(...args)));
}

/** Writes the family's value in `meta`, in the caller's transaction. */
export async function writeMetaIn<Args extends unknown[], Schema extends z.ZodType>(
  store: MetaStore<'readwrite'>,
  family: Family<Args, Schema>,
  value: z.infer<Schema>,
  ...args: Args
): Promise<void> {
  await store.put(encode(family, value) as string, family.key(...args));
}
