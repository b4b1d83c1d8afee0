import { describe, expect, it } from 'vitest';
import { classifyStorageError, StorageFault } from '../../src/storage/errors';

const named = (name: string, inner?: Error) => Object.assign(new Error(`${name} happened`), { name, ...(inner && { inner }) });

describe('classifyStorageError', () => {
  it.each([
    ['QuotaExceededError', 'quota-exceeded'],
    ['VersionError', 'newer-version-open'],
    ['BlockedError', 'upgrade-blocked'],
    ['MissingAPIError', 'database-unavailable'],
    ['DatabaseClosedError', 'connection-lost'],
    ['UnknownError', 'connection-lost'],
    ['TypeError', 'unknown'],
  ])('maps %s to %s', (name, code) => {
    expect(classifyStorageError(named(name)).code).toBe(code);
  });

  it('looks through a Dexie wrapper to the inner error', () => {
    expect(classifyStorageError(named('AbortError', named('QuotaExceededError'))).code).toBe('quota-exceeded');
  });

  it('keeps a fault that is already classified', () => {
    const fault = new StorageFault('upgrade-blocked', new Error('x'));
    expect(classifyStorageError(fault)).toBe(fault);
  });
});
