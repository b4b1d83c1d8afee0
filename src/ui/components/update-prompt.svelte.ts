import { registerServiceWorker } from '../../pwa/service-worker';
import type { ServiceWorkerUpdates } from '../../pwa/service-worker';
import { reloadOnStaleChunk } from '../../pwa/stale-chunks';
import { logger } from '../app/logger';

/** The in-app prompt for a new version, and the service worker behind it. */
export class UpdatePromptState {
  /** True while a new version waits for the learner's consent. */
  ready = $state(false);
  applying = $state(false);
  private updates: ServiceWorkerUpdates | undefined;

  /** `beforeReload` resolves once no storage write is in flight. */
  constructor(private readonly beforeReload: () => Promise<void>) {}

  start(): void {
    reloadOnStaleChunk({ onGiveUp: (error) => logger.error('a lazy chunk failed to load again after a reload', error) });
    this.updates = registerServiceWorker({
      onUpdateReady: () => {
        this.ready = true;
      },
      onError: (message, error) => logger.warn(message, error),
    });
  }

  /** Applies the new version once pending writes are stored, with exactly one reload. */
  async accept(): Promise<void> {
    if (!this.updates || this.applying) return;
    this.applying = true;
    try {
      await this.updates.applyUpdate(this.beforeReload);
    } catch (error) {
      logger.error('applying the update failed', error);
      this.applying = false;
    }
  }

  /** Hides the prompt; the waiting version is offered again at the next start. */
  later(): void {
    this.ready = false;
  }
}
