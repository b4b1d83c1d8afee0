/**
 * The import screen's state: which file is being imported, the preview and choices for it, and
 * the outcome. Nothing is written before the learner confirms, and the write is one transaction.
 * Parsers and storage code are loaded only when an import starts, so they stay out of the
 * initial bundle.
 */
import type { ImportStage } from '../../../domain/import/apkg/import-package';
import type { ImportedDeck, ImportOutcome, ImportProblem } from '../../../domain/import/problems';
import type { TextEncodingName } from '../../../domain/import/encoding';
import type { ColumnRole, TextFilePreview } from '../../../domain/import/text-file';
import type { Preset } from '../../../domain/schedule/preset';
// The backup modules are in the main bundle already, for Settings, so they are imported statically.
import { parseBackup, restoreBackup, tableNames } from '../../../storage/backup';
import type { Backup, BackupSummary } from '../../../storage/backup';
import { mergeBackup } from '../../../storage/import-backup';
import type { MergeReport } from '../../../storage/import-backup';
import type { LayerdeckDatabase } from '../../../storage/db';
import type { DeckImportPlan, DeckImportReport, RemovedCards } from '../../../storage/import';
import type { Environment } from '../../app/environment';
import { logger } from '../../app/logger';
import { messages } from '../../messages';
import { parsePackageInWorker } from './worker-messages';

export type ImportPhase = 'idle' | 'reading' | 'text' | 'parsing' | 'confirm' | 'backup' | 'saving' | 'done' | 'failed';

export type FileKind = 'package' | 'text' | 'json' | 'unknown';

export interface ImportDependencies {
  readonly db: LayerdeckDatabase;
  readonly environment: Environment;
  /** The options a deck studies with, for replaying imported history. */
  preset(deckId: string): Promise<Preset>;
  /** Storage faults become the app's banner. */
  onFault(error: unknown): void;
  /** Called after a backup replaced or merged the stored data. */
  onRestored?(): Promise<void> | void;
  /** Parses a package; the browser runs it in a worker, tests may pass a direct call. */
  parsePackage?: typeof parsePackageInWorker;
}

export type QuizletTermSeparator = 'tab' | 'comma' | 'custom';
export type QuizletRowSeparator = 'newline' | 'semicolon' | 'custom';

const TERM_SEPARATORS = { tab: '\t', comma: ',' } as const;
const ROW_SEPARATORS = { newline: '\n', semicolon: ';' } as const;

export function fileKind(name: string, firstBytes: Uint8Array): FileKind {
  const extension = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  if (extension === 'apkg' || extension === 'colpkg') return 'package';
  if (extension === 'json' || extension === 'backup') return 'json';
  if (extension === 'csv' || extension === 'tsv' || extension === 'txt') return 'text';
  // Files opened without a known extension are recognized by their content.
  if (firstBytes[0] === 0x50 && firstBytes[1] === 0x4b) return 'package';
  if (firstBytes[0] === 0x7b || (firstBytes[0] === 0xef && firstBytes[3] === 0x7b)) return 'json';
  return 'unknown';
}

export class ImportScreenState {
  phase = $state<ImportPhase>('idle');
  fileName = $state('');
  problems = $state<ImportProblem[]>([]);
  warnings = $state<ImportProblem[]>([]);
  stage = $state<ImportStage>('unzip');
  progress = $state(0);

  preview = $state.raw<TextFilePreview | undefined>();
  separator = $state('\t');
  roles = $state<ColumnRole[]>([]);
  skipFirstRow = $state(false);
  /** The encoding the text file was read with; anything but UTF-8 gets a notice. */
  encoding = $state<TextEncodingName>('utf-8');

  imported = $state.raw<ImportedDeck | undefined>();
  plan = $state.raw<DeckImportPlan | undefined>();
  removedCards = $state<RemovedCards>('remove');
  report = $state.raw<DeckImportReport | undefined>();

  backupSummary = $state.raw<BackupSummary | undefined>();
  backupResult = $state.raw<{ mode: 'replace' } | { mode: 'merge'; report: MergeReport } | undefined>();

  private text = '';
  private backup: Backup | undefined;

  constructor(private readonly deps: ImportDependencies) {}

  /** Reads a chosen, dropped or launched file and starts the flow its kind needs. */
  async chooseFile(file: File): Promise<void> {
    this.reset();
    this.fileName = file.name;
    this.phase = 'reading';
    const bytes = new Uint8Array(await file.arrayBuffer());
    const kind = fileKind(file.name, bytes.subarray(0, 4));

    if (kind === 'package') {
      await this.parsePackage(file.name, bytes);
    } else if (kind === 'unknown') {
      this.fail([{ file: file.name, location: '', message: messages.importScreen.unknownType }]);
    } else {
      const { decodeTextFile, looksBinary } = await import('../../../domain/import/encoding');
      if (looksBinary(bytes)) {
        this.fail([{ file: file.name, location: '', message: messages.importScreen.binaryFile }]);
        return;
      }
      const { text, encoding } = decodeTextFile(bytes);
      this.encoding = encoding;
      if (kind === 'json') await this.readJson(file.name, text);
      else await this.previewText(text);
    }
  }

  private async parsePackage(fileName: string, bytes: Uint8Array): Promise<void> {
    this.phase = 'parsing';
    const parse = this.deps.parsePackage ?? parsePackageInWorker;
    try {
      const outcome = await parse(fileName, bytes.buffer as ArrayBuffer, (stage, fraction) => {
        this.stage = stage;
        this.progress = fraction;
      });
      await this.review(outcome);
    } catch (error) {
      logger.error('package import failed', { file: fileName, error });
      this.fail([{ file: fileName, location: '', message: messages.importScreen.workerFailed }]);
    }
  }

  private async readJson(fileName: string, text: string): Promise<void> {
    let format: unknown;
    try {
      format = (JSON.parse(text.replace(/^\uFEFF/, '')) as { format?: unknown } | null)?.format;
    } catch {
      // The deck importer reports the syntax error with its position.
    }
    if (format === 'layerdeck.backup') {
      await this.readBackup(fileName, text);
      return;
    }
    const { convertJsonDeck } = await import('../../../domain/import/json-deck');
    await this.review(convertJsonDeck(fileName, text));
  }

  private async readBackup(fileName: string, text: string): Promise<void> {
    const result = parseBackup(text, tableNames(this.deps.db));
    if (!result.ok) {
      this.fail(result.problems.map((message) => ({ file: fileName, location: '', message })));
      return;
    }
    this.backup = result.backup;
    this.backupSummary = result.summary;
    this.phase = 'backup';
  }

  private async previewText(text: string, separator?: string): Promise<void> {
    const { inspectTextFile } = await import('../../../domain/import/text-file');
    this.text = text;
    const preview = inspectTextFile(text, separator);
    this.preview = preview;
    this.separator = preview.separator;
    this.roles = [...preview.roles];
    this.skipFirstRow = preview.firstRowIsHeader;
    this.phase = 'text';
  }

  /** Reads the file again with another separator; the column roles start over. */
  async setSeparator(separator: string): Promise<void> {
    await this.previewText(this.text, separator);
  }

  setRole(column: number, role: ColumnRole): void {
    this.roles = this.roles.map((current, index) => (index === column ? role : current));
  }

  async convertText(): Promise<void> {
    const { convertTextFile } = await import('../../../domain/import/text-file');
    await this.review(convertTextFile(this.fileName, this.text, { separator: this.separator, roles: this.roles, skipFirstRow: this.skipFirstRow }));
  }

  async convertQuizlet(text: string, term: QuizletTermSeparator, termCustom: string, row: QuizletRowSeparator, rowCustom: string, title: string): Promise<void> {
    this.reset();
    this.fileName = messages.importScreen.quizlet.source;
    const termSeparator = term === 'custom' ? termCustom : TERM_SEPARATORS[term];
    const rowSeparator = row === 'custom' ? rowCustom : ROW_SEPARATORS[row];
    if (termSeparator === '' || rowSeparator === '') {
      this.fail([{ file: this.fileName, location: '', message: messages.importScreen.quizlet.emptySeparator }]);
      return;
    }
    const { convertQuizlet } = await import('../../../domain/import/quizlet');
    await this.review(convertQuizlet(text, { termSeparator, rowSeparator, title: title || messages.importScreen.quizlet.defaultTitle }));
  }

  /** Shows what the import will change, or the problems that stopped it. */
  private async review(outcome: ImportOutcome): Promise<void> {
    if (!outcome.ok) {
      this.fail([...outcome.problems]);
      return;
    }
    const { planDeckImport } = await import('../../../storage/import');
    try {
      this.plan = await planDeckImport(this.deps.db, outcome.value.deck, outcome.value.history);
    } catch (error) {
      this.deps.onFault(error);
      this.fail([{ file: this.fileName, location: '', message: messages.importScreen.saveFailed }]);
      return;
    }
    this.imported = outcome.value;
    this.warnings = [...outcome.value.warnings];
    this.removedCards = 'remove';
    this.phase = 'confirm';
  }

  async confirm(): Promise<void> {
    const imported = this.imported;
    if (this.phase !== 'confirm' || !imported) return;
    this.phase = 'saving';
    try {
      const { saveImportedDeck } = await import('../../../storage/import');
      const preset = await this.deps.preset(imported.deck.id);
      this.report = await saveImportedDeck(this.deps.db, imported, {
        removedCards: this.removedCards,
        preset,
        timeZone: this.deps.environment.timeZone(),
        now: this.deps.environment.now(),
      });
      this.phase = 'done';
    } catch (error) {
      this.deps.onFault(error);
      this.fail([{ file: this.fileName, location: '', message: messages.importScreen.saveFailed }]);
    }
  }

  async restore(mode: 'replace' | 'merge'): Promise<void> {
    const backup = this.backup;
    if (this.phase !== 'backup' || !backup) return;
    this.phase = 'saving';
    try {
      if (mode === 'replace') {
        await restoreBackup(this.deps.db, backup);
        this.backupResult = { mode };
      } else {
        this.backupResult = { mode, report: await mergeBackup(this.deps.db, backup) };
      }
      this.backup = undefined;
      this.phase = 'done';
      await this.deps.onRestored?.();
    } catch (error) {
      this.deps.onFault(error);
      this.fail([{ file: this.fileName, location: '', message: messages.importScreen.saveFailed }]);
    }
  }

  private fail(problems: ImportProblem[]): void {
    logger.warn('import rejected', { file: this.fileName, problems });
    this.problems = problems;
    this.phase = 'failed';
  }

  reset(): void {
    this.phase = 'idle';
    this.problems = [];
    this.warnings = [];
    this.progress = 0;
    this.preview = undefined;
    this.imported = undefined;
    this.plan = undefined;
    this.report = undefined;
    this.backupSummary = undefined;
    this.backupResult = undefined;
    this.backup = undefined;
    this.text = '';
    this.encoding = 'utf-8';
  }
}
