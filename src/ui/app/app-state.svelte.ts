import { Repository } from '../../storage/repository';
import { classifyStorageError } from '../../storage/errors';
import type { StorageFaultCode } from '../../storage/errors';
import { requestPersistentStorage } from '../../pwa/persistent-storage';
import type { Persistence } from '../../pwa/persistent-storage';
import { messages } from '../messages';
import { browserEnvironment } from './environment';
import type { Environment } from './environment';
import { logger } from './logger';

export interface Banner {
  readonly text: string;
  readonly code?: StorageFaultCode;
}

/** Startup and app-wide state: the repository, and the banners for faults. */
export class AppState {
  ready = $state(false);
  banners = $state<Banner[]>([]);
  /** The browser's decision on persistent storage, once the app has requested it. */
  persistence = $state<Persistence | undefined>();
  private persistenceRequested = false;

  constructor(
    readonly repository: Repository = new Repository(),
    readonly environment: Environment = browserEnvironment,
    private readonly requestPersistence: () => Promise<Persistence> = requestPersistentStorage,
  ) {
    // Another tab blocking or finishing a database upgrade is shown like any other storage fault.
    repository.onConnectionFault((fault) => this.report(fault));
    repository.onGraded(() => void this.protectStorage());
  }

  async start(): Promise<void> {
    try {
      await this.repository.open();
      // The open went through, so a blocking tab has closed since the banner was shown.
      this.banners = this.banners.filter((banner) => banner.code !== 'upgrade-blocked');
      await this.syncBundledDecks();
    } catch (error) {
      this.report(error);
    } finally {
      this.ready = true;
    }
  }

  /** Stores the bundled decks when the set shipped with this build differs from the stored one. */
  async syncBundledDecks(): Promise<void> {
    let invalid: string[] = [];
    let unavailable = false;
    try {
      // The deck parser and the decks load only when the bundled set changed since the last start.
      await this.repository.ensureBundledDecks(__BUNDLED_DECKS_HASH__, async () => {
        const { loadBundledDecks } = await import('./bundled-decks');
        const loaded = await loadBundledDecks().catch((error: unknown) => {
          unavailable = true;
          throw error;
        });
        invalid = loaded.invalid;
        return loaded.sources;
      });
    } catch (error) {
      // A deck chunk that failed to download is no storage fault, so it gets its own sentence.
      if (!unavailable) throw error;
      logger.error('bundled decks failed to load', error);
      this.show({ text: messages.bundledDecksUnavailable });
    }
    for (const file of invalid) this.show({ text: messages.bundledDeckInvalid(file) });
  }

  /**
   * Asks the browser, once per app start and after a grade is stored, to keep the data even when
   * space runs low. The deck list and Settings remind the learner to export a backup when it refuses.
   */
  private async protectStorage(): Promise<void> {
    if (this.persistenceRequested) return;
    this.persistenceRequested = true;
    try {
      this.persistence = await this.requestPersistence();
    } catch (error) {
      logger.warn('persistent storage request failed', error);
    }
  }

  /** Turns a storage error into a banner; the technical detail goes to the console. */
  report(error: unknown): void {
    const fault = classifyStorageError(error);
    logger.error(`storage fault: ${fault.code}`, fault.cause);
    this.show({ text: messages.storage[fault.code], code: fault.code });
  }

  show(banner: Banner): void {
    if (!this.banners.some((shown) => shown.text === banner.text)) this.banners = [...this.banners, banner];
  }

  dismiss(banner: Banner): void {
    this.banners = this.banners.filter((shown) => shown !== banner);
  }
}
