// Glue between generated chunks and the product's dataset pipeline: a chunk as the validator's LoadedDataset
// (records not read from YAML carry no line), and the node and relationship counts of graph rows.
import { datasetKeys, type Dataset, type DatasetKey } from '../src/dataset/schema.js';
import type { LoadedCollections, LoadedDataset } from '../src/dataset/files.js';
import { entityLabels, factLabels, linkTypes, relationTypes, type GraphRows } from '../src/dataset/to-graph.js';
import type { DatasetChunk } from './generate.js';

/** A chunk in the form validateDataset reads; `file` names the chunk in issues. */
export function loadedFromChunk(chunk: DatasetChunk, texts: ReadonlyMap<string, string>, file = 'generated'): LoadedDataset {
  const collections = Object.fromEntries(
    datasetKeys.map((collection: DatasetKey) => [
      collection,
      ((chunk[collection] ?? []) as unknown[]).map((value, index) => ({
        collection,
        index,
        value: collection === 'sources' ? withText(value, texts) : value,
        file,
        line: null,
        node: null,
        doc: null,
        lineCounter: null,
      })),
    ]),
  ) as LoadedCollections;
  return { collections, texts: new Map(texts), issues: [] };
}

/**
 * A generated source with its article's text: the generator writes a source before the passages that quote it,
 * so its text is complete only after a first pass (`texts`), and is joined to the record here.
 */
function withText(value: unknown, texts: ReadonlyMap<string, string>): unknown {
  const source = value as { id: string; text?: string | null };
  const text = texts.get(source.id);
  return text !== undefined && !source.text ? { ...source, text } : value;
}

/** A chunk as a whole dataset: the collections it lacks are empty. Generated records are already in parsed form. */
export function asDataset(chunk: DatasetChunk): Dataset {
  return Object.fromEntries(datasetKeys.map((key) => [key, chunk[key] ?? []])) as unknown as Dataset;
}

export function recordCount(chunk: DatasetChunk): number {
  return Object.values(chunk).reduce((n, list) => n + (list as unknown[]).length, 0);
}

export interface RowCounts {
  nodes: number;
  relationships: number;
}

/** What writing these rows creates: every node row, and every link, citation, claim link and derived relation. */
export function rowCounts(rows: GraphRows): RowCounts {
  const nodes =
    rows.sources.length + rows.claims.length + entityLabels.reduce((n, l) => n + rows.entities[l].length, 0) + factLabels.reduce((n, l) => n + rows.facts[l].length, 0);
  const relationships =
    rows.claimLinks.length +
    rows.citations.length +
    linkTypes.reduce((n, t) => n + rows.links[t].length, 0) +
    relationTypes.reduce((n, t) => n + rows.relations[t].length, 0);
  return { nodes, relationships };
}
