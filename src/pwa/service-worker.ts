/**
 * Service worker registration and updates, through workbox-window. A new version is installed in
 * the background and waits. The app shows a prompt, and only when the learner accepts does the
 * new worker take over, followed by exactly one reload.
 */
import { Workbox } from 'workbox-window';

export interface ServiceWorkerOptions {
  /** Called when a new version is installed and waiting for the learner's consent. */
  onUpdateReady(): void;
  /** Called with registration and update-check failures, for the log. */
  onError(message: string, error: unknown): void;
  /** The script vite-plugin-pwa writes. */
  scriptUrl?: string;
  /** Milliseconds between update checks while the page stays visible. */
  checkIntervalMs?: number;
}

export interface ServiceWorkerUpdates {
  /**
   * Activates the waiting version and reloads once it controls the page. `beforeReload` runs first
   * and again right before the reload, so a grade started meanwhile is stored too.
   */
  applyUpdate(beforeReload: () => Promise<void>): Promise<void>;
  /** Asks the browser to fetch the service worker script and install it when it changed. */
  checkForUpdate(): Promise<void>;
}

const HOUR_MS = 60 * 60 * 1000;

/** Registers the service worker; returns undefined where the browser has none (an insecure origin, an old browser). */
export function registerServiceWorker(options: ServiceWorkerOptions): ServiceWorkerUpdates | undefined {
  if (!('serviceWorker' in navigator)) return undefined;
  const workbox = new Workbox(options.scriptUrl ?? '/sw.js', { scope: '/' });
  let applying = false;

  workbox.addEventListener('waiting', () => options.onUpdateReady());
  const registered = workbox.register().catch((error: unknown) => {
    options.onError('service worker registration failed', error);
    return undefined;
  });

  async function checkForUpdate(): Promise<void> {
    const registration = await registered;
    if (!registration) return;
    try {
      await registration.update();
    } catch (error) {
      // Offline, the check fails on every visit, which is expected and not worth a log line.
      if (navigator.onLine) options.onError('service worker update check failed', error);
    }
  }

  // A phone app is seldom reloaded, so check whenever the learner comes back to it.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void checkForUpdate();
  });
  setInterval(() => {
    if (document.visibilityState === 'visible') void checkForUpdate();
  }, options.checkIntervalMs ?? HOUR_MS);

  async function applyUpdate(beforeReload: () => Promise<void>): Promise<void> {
    if (applying) return;
    applying = true;
    await beforeReload();

    let reloading = false;
    const reloadOnce = async () => {
      if (reloading) return;
      reloading = true;
      await beforeReload();
      location.reload();
    };

    const registration = await registered;
    if (!registration?.waiting) {
      // Another tab activated the new version already, so this page only needs to load it.
      await reloadOnce();
      return;
    }
    navigator.serviceWorker.addEventListener('controllerchange', () => void reloadOnce(), { once: true });
    workbox.messageSkipWaiting();
  }

  return { applyUpdate, checkForUpdate };
}
