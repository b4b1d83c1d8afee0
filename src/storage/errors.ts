/** Storage faults the app tells apart, each shown to the learner as one sentence. */
export type StorageFaultCode =
  | 'quota-exceeded'
  | 'upgrade-blocked'
  | 'newer-version-open'
  | 'database-unavailable'
  | 'connection-lost'
  | 'invalid-record'
  | 'unknown';

export class StorageFault extends Error {
  override readonly name = 'StorageFault';
  constructor(
    readonly code: StorageFaultCode,
    override readonly cause: unknown,
  ) {
    super(`${code}: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`);
  }
}

function namesIn(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    names.push(current.name);
    current = (current as { inner?: unknown }).inner ?? current.cause;
  }
  return names;
}

/** Classifies a Dexie or IndexedDB error by its name (never by its message, which browsers word differently). */
export function classifyStorageError(error: unknown): StorageFault {
  if (error instanceof StorageFault) return error;
  const names = namesIn(error);
  const has = (name: string) => names.includes(name);
  if (has('QuotaExceededError')) return new StorageFault('quota-exceeded', error);
  if (has('VersionError')) return new StorageFault('newer-version-open', error);
  if (has('BlockedError')) return new StorageFault('upgrade-blocked', error);
  if (has('MissingAPIError') || has('InvalidStateError') && has('OpenFailedError')) return new StorageFault('database-unavailable', error);
  if (has('DatabaseClosedError') || has('UnknownError') || has('InvalidStateError') || has('TransactionInactiveError')) {
    return new StorageFault('connection-lost', error);
  }
  if (has('OpenFailedError')) return new StorageFault('database-unavailable', error);
  return new StorageFault('unknown', error);
}
