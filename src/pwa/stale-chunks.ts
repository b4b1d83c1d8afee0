/**
 * Recovery from a lazy chunk that vanished after a deploy. A page of the old version asks for a
 * chunk by its old hashed name, the server no longer has it, and Vite's preload helper fires
 * `vite:preloadError`. One reload loads the new version, and a sessionStorage mark keeps a chunk
 * that stays missing from causing a reload loop.
 */

export const RELOAD_MARK_KEY = 'layerdeck:reloaded-for-missing-chunk';

export interface StaleChunkOptions {
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'>;
  readonly reload?: () => void;
  /** Called when a chunk failed again after the one reload; the import's own error follows. */
  readonly onGiveUp?: (error: unknown) => void;
}

/** Reloads the page once per tab session when a lazy chunk fails to load. */
export function reloadOnStaleChunk(options: StaleChunkOptions = {}): void {
  const storage = options.storage ?? sessionStorage;
  const reload = options.reload ?? (() => location.reload());

  addEventListener('vite:preloadError', (event) => {
    const payload = (event as Event & { payload?: unknown }).payload;
    if (storage.getItem(RELOAD_MARK_KEY) !== null) {
      // Already reloaded once in this tab: let the import fail, so the caller reports it.
      options.onGiveUp?.(payload);
      return;
    }
    storage.setItem(RELOAD_MARK_KEY, new Date().toISOString());
    // Keeps Vite from throwing the import error, because the page is about to reload.
    event.preventDefault();
    reload();
  });
}
