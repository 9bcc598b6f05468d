// The JSONL export: every record of the graph (sources, entities, facts with their citations and claims) read
// back into the dataset's shape, then the retractions and redirects, one line each, in a stable order, so that
// importing the file into an empty database reproduces the graph.
import { datasetKeys } from '../dataset/schema.js';
import { recordFromGraph } from '../dataset/from-graph.js';
import type { Database } from '../neo4j/database.js';
import { recordIds, redirects, retractions } from '../repositories/bulk-repository.js';
import { readStoredRecords } from '../repositories/curation-repository.js';
import { jsonLine, type LineCollection } from './format.js';

const BATCH = 500;

export interface ExportProgress {
  done: number;
  total: number;
}

/** Writes every line through `emit`; returns how many lines each collection got. */
export async function exportJsonl(db: Database, emit: (line: string) => void, onProgress?: (p: ExportProgress) => void): Promise<Partial<Record<LineCollection, number>>> {
  return db.readTransaction(async (tx) => {
    const counts: Partial<Record<LineCollection, number>> = {};
    const ids = await recordIds(tx);
    const total = [...ids.values()].reduce((n, list) => n + list.length, 0);
    let done = 0;
    for (const collection of datasetKeys) {
      const list = ids.get(collection) ?? [];
      for (let i = 0; i < list.length; i += BATCH) {
        const batch = list.slice(i, i + BATCH);
        const stored = await readStoredRecords(tx, batch);
        for (const id of batch) {
          const record = stored.get(id);
          const parsed = record ? recordFromGraph(record) : null;
          if (!parsed) continue;
          emit(jsonLine(parsed.collection, parsed.record));
          counts[collection] = (counts[collection] ?? 0) + 1;
        }
        done += batch.length;
        onProgress?.({ done, total });
      }
    }
    for (const r of await retractions(tx)) {
      emit(jsonLine('retractions', { fact: r.fact, reason: r.reason, actor: r.actor, at: r.at }));
      counts.retractions = (counts.retractions ?? 0) + 1;
    }
    for (const r of await redirects(tx)) {
      emit(jsonLine('redirects', { from: r.id, to: r.to, actor: r.actor, at: r.at }));
      counts.redirects = (counts.redirects ?? 0) + 1;
    }
    return counts;
  }, 600_000);
}

/** The whole export as one string (for the CLI's format map, which writes a file's bytes at once). */
export async function exportJsonlText(db: Database, onProgress?: (p: ExportProgress) => void): Promise<{ text: string; counts: Partial<Record<LineCollection, number>> }> {
  const lines: string[] = [];
  const counts = await exportJsonl(db, (line) => lines.push(line), onProgress);
  return { text: lines.length === 0 ? '' : `${lines.join('\n')}\n`, counts };
}
