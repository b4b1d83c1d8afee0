import { readStorageStatus, requestPersistentStorage } from '../../../pwa/persistent-storage';
import type { Persistence, StorageStatus } from '../../../pwa/persistent-storage';
import { backupFileName, exportBackup, serializeBackup } from '../../../storage/backup';
import type { LayerdeckDatabase } from '../../../storage/db';
import type { Environment } from '../../app/environment';

export type OfflineReadiness = 'ready' | 'pending' | 'unsupported';

/** The Settings screen: storage status, backup export, and what build is running. */
export class SettingsState {
  status = $state<StorageStatus | undefined>();
  offline = $state<OfflineReadiness>('pending');
  exportedFile = $state('');
  exporting = $state(false);

  constructor(
    private readonly db: LayerdeckDatabase,
    private readonly environment: Environment,
    private readonly onFault: (error: unknown) => void,
    /** Called with the browser's decision after the learner requested persistent storage. */
    private readonly onPersistence: (persistence: Persistence) => void = () => {},
  ) {}

  async load(): Promise<void> {
    this.status = await readStorageStatus();
    if (!('serviceWorker' in navigator)) {
      this.offline = 'unsupported';
      return;
    }
    // A page is served offline once a service worker controls it, which on a first visit happens
    // when the worker has precached everything and claims the page.
    this.offline = navigator.serviceWorker.controller ? 'ready' : 'pending';
    navigator.serviceWorker.addEventListener('controllerchange', () => (this.offline = 'ready'), { once: true });
  }

  async askPersistence(): Promise<void> {
    this.onPersistence(await requestPersistentStorage());
    this.status = await readStorageStatus();
  }

  /** Writes every table to a JSON file and hands it to the browser as a download. */
  async exportBackup(): Promise<void> {
    if (this.exporting) return;
    this.exporting = true;
    try {
      const now = this.environment.now();
      const backup = await exportBackup(this.db, now);
      const file = backupFileName(now, this.environment.timeZone());
      download(file, serializeBackup(backup));
      this.exportedFile = file;
      this.status = await readStorageStatus();
    } catch (error) {
      this.onFault(error);
    } finally {
      this.exporting = false;
    }
  }
}

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download from the click; the URL is not needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Formats a byte count in kB, MB or GB (powers of 1000, as storage sizes are usually shown). */
export function formatBytes(bytes: number): string {
  const units = [
    { unit: 'gigabyte', size: 1e9 },
    { unit: 'megabyte', size: 1e6 },
    { unit: 'kilobyte', size: 1e3 },
  ];
  const chosen = units.find((candidate) => bytes >= candidate.size) ?? { unit: 'kilobyte', size: 1e3 };
  return new Intl.NumberFormat(undefined, { style: 'unit', unit: chosen.unit, maximumFractionDigits: 1 }).format(bytes / chosen.size);
}
