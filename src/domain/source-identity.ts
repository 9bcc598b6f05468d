// What makes two sources one document, for every writer (addSource, the JSONL/CSV import, the Popolo import):
// the same canonical URL, else the identical text. Written once here; the stored copy is looked up by
// storedSourcesMatching (src/repositories/source-repository.ts), and a writer given a document the graph holds
// answers with the stored source instead of storing a second copy for citations to split over.
import { textDigest } from '../dataset/to-graph.js';
import { canonicalUrl, urlProblem } from './url.js';

/** A document's keys: its canonical URL (null for none or a refused one) and its text's SHA-256 (null for none). */
export interface DocumentMatch {
  url: string | null;
  sha256: string | null;
}

export function documentMatch(source: { url?: string | null; text?: string | null }): DocumentMatch {
  // A refused URL matches nothing: the dataset schema names it (with any other problem of the input).
  const url = source.url && urlProblem(source.url) === null ? canonicalUrl(source.url) : null;
  return { url, sha256: source.text ? textDigest(source.text) : null };
}
