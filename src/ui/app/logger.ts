/** The app's one logger: technical detail goes to the console, never to the learner. */
export const logger = {
  error(message: string, detail?: unknown): void {
    console.error(`[layerdeck] ${message}`, detail ?? '');
  },
  warn(message: string, detail?: unknown): void {
    console.warn(`[layerdeck] ${message}`, detail ?? '');
  },
};
