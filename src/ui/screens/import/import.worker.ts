/**
 * Parses an Anki package off the main thread: unzip, zstd, SQLite (sql.js, whose WASM file is a
 * Vite asset and so precached for offline use) and conversion. It posts progress messages, then
 * one result; the media bytes are transferred, not copied.
 */
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import { importAnkiPackage } from '../../../domain/import/apkg/import-package';
import type { PackageRequest, PackageResponse } from './worker-messages';

const sql = initSqlJs({ locateFile: () => wasmUrl });

function post(message: PackageResponse, transfer: Transferable[] = []): void {
  (self as unknown as Worker).postMessage(message, transfer);
}

self.addEventListener('message', (event: MessageEvent<PackageRequest>) => {
  void (async () => {
    const { fileName, bytes } = event.data;
    try {
      const SQL = await sql;
      const outcome = importAnkiPackage(fileName, new Uint8Array(bytes), (collection) => new SQL.Database(collection), (stage, fraction) =>
        post({ kind: 'progress', stage, fraction }),
      );
      // Two files may share one buffer, and a buffer may be listed for transfer only once.
      const transfer = outcome.ok ? [...new Set(outcome.value.media.map((file) => file.data.buffer as ArrayBuffer))] : [];
      post({ kind: 'result', outcome }, transfer);
    } catch (error) {
      post({ kind: 'error', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
  })();
});
