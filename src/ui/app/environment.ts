/** The only place the UI reads the clock and the device time zone, so tests can pin both. */
export interface Environment {
  now(): number;
  timeZone(): string;
}

export const browserEnvironment: Environment = {
  now: () => Date.now(),
  timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
};
