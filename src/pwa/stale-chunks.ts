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
  const reload = options.reload ?? (() => location.reload());

  addEventListener('vite:preloadError', (event) => {
    const payload = (event as Event & { payload?: unknown }).payload;
    if (!markFirstReload(options.storage)) {
      // Already reloaded once in this tab, or no mark can be kept: let the import fail, so the
      // caller reports it, because a reload without the mark could repeat forever.
      options.onGiveUp?.(payload);
      return;
    }
    // Keeps Vite from throwing the import error, because the page is about to reload.
    event.preventDefault();
    reload();
  });
}

/** Sets the reload mark; returns false when it was set already or storage is blocked. */
function markFirstReload(given: StaleChunkOptions['storage']): boolean {
  try {
    const storage = given ?? sessionStorage;
    if (storage.getItem(RELOAD_MARK_KEY) !== null) return false;
    storage.setItem(RELOAD_MARK_KEY, new Date().toISOString());
    return true;
  } catch {
    // Reading sessionStorage throws a SecurityError where the browser blocks site storage.
    return false;
  }
}
