/** Messages between the import screen and its package worker. */
import type { ImportStage } from '../../../domain/import/apkg/import-package';
import type { ImportOutcome } from '../../../domain/import/problems';

export interface PackageRequest {
  readonly fileName: string;
  /** The file's bytes, transferred to the worker. */
  readonly bytes: ArrayBuffer;
}

export type PackageResponse =
  | { readonly kind: 'progress'; readonly stage: ImportStage; readonly fraction: number }
  | { readonly kind: 'result'; readonly outcome: ImportOutcome }
  /** A fault in the worker itself, such as the WASM file failing to load. */
  | { readonly kind: 'error'; readonly message: string };

export type ProgressHandler = (stage: ImportStage, fraction: number) => void;

/** Runs the package worker for one file and resolves with its outcome. */
export function parsePackageInWorker(fileName: string, bytes: ArrayBuffer, onProgress: ProgressHandler): Promise<ImportOutcome> {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<ImportOutcome>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<PackageResponse>) => {
      const message = event.data;
      if (message.kind === 'progress') {
        onProgress(message.stage, message.fraction);
        return;
      }
      worker.terminate();
      if (message.kind === 'result') resolve(message.outcome);
      else reject(new Error(message.message));
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the import worker failed to start'));
    });
    worker.postMessage({ fileName, bytes } satisfies PackageRequest, [bytes]);
  }).finally(() => worker.terminate());
}
