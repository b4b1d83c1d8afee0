/**
 * Persistent storage: a browser may evict a site's IndexedDB data when the device runs low on
 * space unless the site was granted persistence. Each browser decides a request by its own rules
 * (MDN, StorageManager.persist()), and Firefox shows the user a permission prompt.
 */

export type Persistence = 'granted' | 'not-granted' | 'unsupported';

export interface StorageStatus {
  readonly persistence: Persistence;
  /** Bytes this origin uses, as the browser estimates them, or undefined when it gives no estimate. */
  readonly usageBytes?: number;
  /** Bytes this origin may use, as the browser estimates them. */
  readonly quotaBytes?: number;
}

function storageManager(): StorageManager | undefined {
  return typeof navigator !== 'undefined' && navigator.storage && typeof navigator.storage.persist === 'function' ? navigator.storage : undefined;
}

/** Asks the browser to keep this origin's data; resolves with whether it will. */
export async function requestPersistentStorage(): Promise<Persistence> {
  const storage = storageManager();
  if (!storage) return 'unsupported';
  if (await storage.persisted()) return 'granted';
  return (await storage.persist()) ? 'granted' : 'not-granted';
}

/** Reads whether the data is persistent and how much space it uses, without asking for anything. */
export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = storageManager();
  if (!storage) return { persistence: 'unsupported' };
  const [persisted, estimate] = await Promise.all([storage.persisted(), storage.estimate().catch(() => undefined)]);
  return {
    persistence: persisted ? 'granted' : 'not-granted',
    ...(estimate?.usage !== undefined && { usageBytes: estimate.usage }),
    ...(estimate?.quota !== undefined && { quotaBytes: estimate.quota }),
  };
}
