// A small typed GraphQL client for this API: codegen's typed documents in, typed results out. It speaks
// automatic persisted queries: it sends the document's sha256 first and the document itself only when the
// server does not know it yet, so a server in trusted-documents mode runs it too.
import type { TypedDocumentString } from '../generated/graphql.js';
import persistedDocuments from '../generated/persisted-documents.json' with { type: 'json' };

/** One error of a GraphQL response; `extensions.code` says what went wrong (docs/api.md, docs/operations.md). */
export interface GraphQLResponseError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string } & Record<string, unknown>;
}

export class GraphQLRequestError extends Error {
  constructor(
    readonly errors: GraphQLResponseError[],
    readonly status: number,
  ) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
    this.name = 'GraphQLRequestError';
  }
}

interface ResponseBody<T> {
  data?: T | null;
  errors?: GraphQLResponseError[];
}

const documents: Record<string, string> = persistedDocuments;

export class KzGraphClient {
  /** How many requests went out, and how many had to carry the document text (for the curious and the tests). */
  readonly sent = { requests: 0, withDocument: 0 };

  constructor(
    private readonly url: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> {
    const key = String(document.__meta__?.hash ?? '');
    // The persisted text, not document.toString(): codegen hashed this normalised form.
    const text = documents[key];
    if (!text) throw new Error('This document is not in persisted-documents.json: run `npm run codegen`.');
    const extensions = { persistedQuery: { version: 1, sha256Hash: key.replace(/^sha256:/, '') } };

    let response = await this.post<TResult>({ variables, extensions });
    if (response.body.errors?.some((e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND')) {
      this.sent.withDocument += 1;
      response = await this.post<TResult>({ query: text, variables, extensions });
    }
    const { data, errors } = response.body;
    if (errors?.length || data === undefined || data === null) throw new GraphQLRequestError(errors ?? [], response.status);
    return data;
  }

  private async post<TResult>(body: object): Promise<{ status: number; body: ResponseBody<TResult> }> {
    this.sent.requests += 1;
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...this.headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as ResponseBody<TResult> };
  }
}
