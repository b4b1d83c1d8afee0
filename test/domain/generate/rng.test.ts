import { describe, expect, it } from 'vitest';
import { createRng, hashSeed } from '../../../src/domain/generate/rng';

describe('hashSeed', () => {
  it('is stable', () => {
    expect(hashSeed('deck/card#0')).toBe(hashSeed('deck/card#0'));
  });

  it('differs for neighbouring reviews', () => {
    expect(hashSeed('deck/card#0')).not.toBe(hashSeed('deck/card#1'));
  });

  it('returns an unsigned 32-bit integer', () => {
    const seed = hashSeed('anything');
    expect(Number.isInteger(seed)).toBe(true);
    expect(seed).toBeGreaterThanOrEqual(0);
    expect(seed).toBeLessThan(2 ** 32);
  });
});

describe('createRng', () => {
  it('repeats a sequence for a seed', () => {
    const first = createRng(42);
    const second = createRng(42);
    const a = Array.from({ length: 5 }, () => first.next());
    const b = Array.from({ length: 5 }, () => second.next());
    expect(a).toEqual(b);
  });

  it('stays in [0, 1)', () => {
    const rng = createRng(7);
    for (let index = 0; index < 10_000; index++) {
      const value = rng.next();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });

  it('spreads int evenly', () => {
    const rng = createRng(hashSeed('spread'));
    const counts = [0, 0, 0, 0];
    for (let index = 0; index < 40_000; index++) counts[rng.int(4)]! += 1;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('shuffle keeps every item', () => {
    const rng = createRng(3);
    const items = ['a', 'b', 'c', 'd', 'e'];
    const shuffled = rng.shuffle(items);
    expect([...shuffled].sort()).toEqual(items);
    expect(items).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('pick rejects an empty list', () => {
    expect(() => createRng(1).pick([])).toThrow(RangeError);
  });
});
