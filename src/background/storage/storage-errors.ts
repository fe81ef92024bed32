import { RequestError } from '../request';

/**
 * Translates what IndexedDB throws into a refusal the admin can act on. Every caller fails closed:
 * a request whose record could not be written is answered with the error and sends nothing.
 */
export function storageFailure(error: unknown): RequestError | null {
  if (error instanceof RequestError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'QuotaExceededError':
      return new RequestError('storage', 'errorStorageQuota');
    // The database was upgraded by a newer version of the extension (an update, then a downgrade).
    case 'VersionError':
      return new RequestError('storage', 'errorStorageNewerVersion');
    // Thrown where IndexedDB exists but may not be used: Firefox's private windows before version
    // 115, or a profile whose storage is disabled or corrupted.
    case 'InvalidStateError':
    case 'SecurityError':
    case 'UnknownError':
      return new RequestError('storage', 'errorStorageUnavailable');
    default:
      return null;
  }
}

/** Thrown when a newer version's upgrade waits for an old connection that does not let go. */
export function upgradeBlocked(): RequestError {
  return new RequestError('storage', 'errorStorageBlocked');
}

/** Thrown where IndexedDB does not exist at all. */
export function storageMissing(): RequestError {
  return new RequestError('storage', 'errorStorageUnavailable');
}
