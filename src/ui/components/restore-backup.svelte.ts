import { parseBackup, restoreBackup, tableNames } from '../../storage/backup';
import { mergeBackup } from '../../storage/import-backup';
import type { Backup, BackupSummary } from '../../storage/backup';
import type { LayerdeckDatabase } from '../../storage/db';
import { logger } from '../app/logger';

export type RestorePhase = 'idle' | 'checking' | 'confirm' | 'restoring' | 'done' | 'invalid' | 'failed';

/** The restore flow of a backup file: check it, show what it contains, and replace everything once confirmed. */
export class RestoreFlow {
  phase = $state<RestorePhase>('idle');
  fileName = $state('');
  problems = $state<string[]>([]);
  summary = $state<BackupSummary | undefined>();
  /** How the last confirmed restore treated the stored data. */
  mode = $state<'replace' | 'merge'>('replace');
  private backup: Backup | undefined;

  constructor(
    private readonly db: LayerdeckDatabase,
    private readonly onFault: (error: unknown) => void,
    private readonly onRestored: () => Promise<void> | void,
  ) {}

  /** Reads and checks a chosen file; nothing is written before `confirm()`. */
  async choose(file: File): Promise<void> {
    this.fileName = file.name;
    this.phase = 'checking';
    const result = parseBackup(await file.text(), tableNames(this.db));
    if (!result.ok) {
      logger.warn('backup file rejected', { file: file.name, problems: result.problems });
      this.problems = result.problems;
      this.phase = 'invalid';
      return;
    }
    this.backup = result.backup;
    this.summary = result.summary;
    this.phase = 'confirm';
  }

  /** Replaces everything with the backup, or merges it with what is stored; the learner picks. */
  async confirm(mode: 'replace' | 'merge' = 'replace'): Promise<void> {
    if (this.phase !== 'confirm' || !this.backup) return;
    this.phase = 'restoring';
    this.mode = mode;
    try {
      if (mode === 'merge') await mergeBackup(this.db, this.backup);
      else await restoreBackup(this.db, this.backup);
      this.backup = undefined;
      this.phase = 'done';
      await this.onRestored();
    } catch (error) {
      this.phase = 'failed';
      this.onFault(error);
    }
  }

  cancel(): void {
    this.backup = undefined;
    this.summary = undefined;
    this.problems = [];
    this.phase = 'idle';
  }
}
