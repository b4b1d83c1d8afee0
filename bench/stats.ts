/** Summaries of timing samples and a small clock helper, shared by the Node and browser benches. */

/** A summary of timing samples, in the samples' unit (milliseconds in every bench). */
export interface Summary {
  readonly count: number;
  readonly median: number;
  /** The 95th percentile, by the nearest-rank method. */
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}

/** Returns the sample at percentile `percent` (0-100) by the nearest-rank method. */
export function percentile(samples: readonly number[], percent: number): number {
  if (samples.length === 0) throw new RangeError('percentile needs at least one sample, got none');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new RangeError('median needs at least one sample, got none');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, median: median(sorted), p95: percentile(sorted, 95), min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** Milliseconds since an arbitrary origin, from the monotonic high-resolution clock. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Rounds for display and JSON: three significant digits below 100, whole numbers above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  if (Math.abs(value) >= 100) return Math.round(value);
  return Number(value.toPrecision(3));
}
