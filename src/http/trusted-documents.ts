// Trusted documents (TRUSTED_DOCUMENTS): /graphql runs only the operations of a manifest
// `{ "<sha256 hex of the document>": "<document>" }` (keys may read `sha256:<hex>`, as in the
// persisted-documents.json that codegen's client preset writes). A client sends the hash alone (Apollo's persisted-query extension) or the exact document; anything else
// is refused with OPERATION_NOT_REGISTERED before GraphQL parses it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Request, RequestHandler } from 'express';
import { refuse } from './request-info.js';

export class TrustedDocumentsError extends Error {
  override name = 'TrustedDocumentsError';
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** What a request asks to run: its document text and/or the hash of a persisted one. */
function requestedDocument(req: Request): { query?: string; hash?: string } {
  const params: unknown = req.method === 'GET' ? req.query : req.body;
  if (params === null || typeof params !== 'object') return {};
  const { query, extensions } = params as { query?: unknown; extensions?: unknown };
  let parsedExtensions = extensions;
  if (typeof extensions === 'string') {
    try {
      parsedExtensions = JSON.parse(extensions);
    } catch {
      parsedExtensions = undefined;
    }
  }
  const hash = (parsedExtensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
  return { query: typeof query === 'string' ? query : undefined, hash: typeof hash === 'string' ? hash : undefined };
}

export class TrustedDocuments {
  private constructor(private readonly documents: Map<string, string>) {}

  /** Reads and checks the manifest: every key must be the SHA-256 of its document, or the app does not start. */
  static load(path: string): TrustedDocuments {
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new TrustedDocumentsError(`TRUSTED_DOCUMENTS: cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
      throw new TrustedDocumentsError(`TRUSTED_DOCUMENTS: ${path} must hold a JSON object of sha256 → document.`);
    }
    const documents = new Map<string, string>();
    for (const [key, document] of Object.entries(manifest)) {
      // codegen's client preset writes keys as `sha256:<hex>`.
      const hash = key.replace(/^sha256:/, '').toLowerCase();
      if (typeof document !== 'string' || sha256(document) !== hash) {
        throw new TrustedDocumentsError(`TRUSTED_DOCUMENTS: in ${path}, "${key}" is not the SHA-256 of its document.`);
      }
      documents.set(hash, document);
    }
    return new TrustedDocuments(documents);
  }

  get size(): number {
    return this.documents.size;
  }

  /** Apollo's persisted-query store, read from the manifest: known hashes resolve, nothing new is registered. */
  readonly persistedQueryCache = {
    // Apollo prefixes its persisted-query keys with `apq:` (PrefixingKeyValueCache).
    get: async (key: string) => this.documents.get(key.replace(/^apq:/, '').toLowerCase()),
    set: async () => undefined,
    delete: async () => undefined,
  };

  /** Lets through only registered documents (or requests with no document at all, which Apollo refuses). */
  readonly middleware: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'POST') return next();
    const { query, hash } = requestedDocument(req);
    const registered = query !== undefined ? this.documents.has(sha256(query)) : hash === undefined || this.documents.has(hash.toLowerCase());
    if (registered) return next();
    refuse(req, res, 400, 'OPERATION_NOT_REGISTERED', 'This server runs only registered operations (trusted documents); this one is not registered.');
  };
}
