/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** A source's publication details and text. */
export type AddSourceInput = {
  /** Who wrote it. */
  author?: string | null | undefined;
  /** When it was published: `2023-03-17`, `2023-03` or `2023`. */
  date: string;
  /** Its id, `source:<slug>`; made from the publisher, date and title when left out. */
  id?: string | number | null | undefined;
  /** Article (the default), dataset or official record. */
  kind?: SourceKind | null | undefined;
  /** The language of the text (BCP 47: `en`, `ru`, `kk`). */
  language?: string | null | undefined;
  /** Who published it. */
  publisher: string;
  /** When the text was retrieved (ISO 8601 date or date-time); the time of the write when left out. */
  retrievedAt?: string | null | undefined;
  /**
   * The document's full text (required for an article; at most 500,000 characters): quotes citing the source are
   * checked against it, and their offsets taken in it.
   */
  text?: string | null | undefined;
  /** Its title. */
  title?: string | null | undefined;
  /**
   * Where it can be read: an absolute http or https URL written `scheme://host/...`, without a user name or
   * password (anything else, `javascript:` and `http:/x` included, is refused). Stored canonical: scheme and host
   * in lower case, no default port, no fragment, no `utm_*` parameters.
   */
  url?: string | null | undefined;
};

/** What an API key may do. */
export type ApiRole =
  /** All an editor may, and merges entities. */
  | 'ADMIN'
  /** Reads, and writes entities, facts and sources; retracts, restores, dismisses duplicates. */
  | 'EDITOR'
  /** Reads (where reads need a key). */
  | 'READER';

/** Status of a candidacy at a point in time. */
export type CandidacyStatus =
  /** Barred from running. */
  | 'BARRED'
  /** Registration cancelled. */
  | 'DEREGISTERED'
  /** Won the seat. */
  | 'ELECTED'
  /** Lost. */
  | 'LOST'
  /** Put forward by a party or self-nominated. */
  | 'NOMINATED'
  /** Registered by the election commission. */
  | 'REGISTERED'
  /** Registration refused. */
  | 'REGISTRATION_REFUSED'
  /** Registration restored (by a court). */
  | 'REINSTATED'
  /** Withdrew. */
  | 'WITHDRAWN';

/** The kinds of entity in the graph. */
export type EntityKind =
  /** A court or criminal case. */
  | 'COURT_CASE'
  /** An electoral constituency of a given body. */
  | 'DISTRICT'
  /** An election or referendum. */
  | 'ELECTION'
  /** A dated event: an arrest, a rename, a registration, a statement... */
  | 'EVENT'
  /** A state body, court, commission, legislature, NGO, movement, media outlet or international body. */
  | 'ORGANIZATION'
  /** A political party (registered or not). */
  | 'PARTY'
  /** A person. */
  | 'PERSON'
  /** A country, region, city or site. */
  | 'PLACE';

/** How a candidate runs: in a single-mandate district or on a party list. */
export type Mandate =
  /** On a party list. */
  | 'PARTY_LIST'
  /** In a single-mandate district. */
  | 'SINGLE_MANDATE';

/** Which way a relation points from the entity it was asked of. */
export type RelationDirection =
  /** From the other entity to this one. */
  | 'INCOMING'
  /** From this entity to the other (Mamai `LEADS` the Democratic Party). */
  | 'OUTGOING';

/** A citation to remove, and why. */
export type RetractCitationInput = {
  /** The entity, fact or claim citing it (`citedBy` in `Source.citations`). */
  citedBy: string | number;
  /** The citation's locator (a citation of a DATASET). */
  locator?: string | null | undefined;
  /** The citation's quote as stored (or leave it out and give its locator). */
  quote?: string | null | undefined;
  /** Why it is removed, for the audit trail. */
  reason: string;
  /** The cited source. */
  source: string | number;
};

/** What kind of document a source is. */
export type SourceKind =
  /** A news article or analysis: its full text is stored and every quote is checked against it. */
  | 'ARTICLE'
  /** A structured dataset (a Popolo file...): cited by `locator` (a JSON pointer) rather than by quote. */
  | 'DATASET'
  /** An official record (a commission's decision, a court ruling, a register's entry). */
  | 'OFFICIAL_RECORD';

/** Why the graph refused an input. */
export type UserErrorCode =
  /** The fact is retracted already. */
  | 'ALREADY_RETRACTED'
  /** A date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  | 'BAD_DATE'
  /** A start after its end. */
  | 'BAD_DATE_RANGE'
  /** The id's prefix does not match the kind (`membership:` for a membership...). */
  | 'BAD_ID_PREFIX'
  /** Something changed concurrently; try again. */
  | 'CONFLICT'
  /** A reference to an entity that does not exist. */
  | 'DANGLING_REFERENCE'
  /** The id is taken. */
  | 'DUPLICATE_ID'
  /** The value has the wrong form (a malformed id, an unknown role, a name too long...). */
  | 'INVALID'
  /** A locator points at nothing in the DATASET's stored text. */
  | 'LOCATOR_NOT_IN_SOURCE'
  /** A DATASET source is cited without a locator (a JSON pointer into its stored text). */
  | 'LOCATOR_REQUIRED'
  /** The id belongs to an entity merged into another; use that one. */
  | 'MERGED'
  /** No citation: every write of an entity or fact needs at least one. */
  | 'MISSING_CITATION'
  /** The record to change does not exist. */
  | 'NOT_FOUND'
  /** The fact is not retracted. */
  | 'NOT_RETRACTED'
  /**
   * `reviseSourceText` changes the passage a citation quotes: re-confirm it with a quote of the new text or retract
   * it in the same operation.
   */
  | 'PASSAGE_CHANGED'
  /** A quote is not in its source's text. */
  | 'QUOTE_NOT_FOUND'
  /**
   * A quote does not occur in its source's stored text (after the normalisation of docs/curation.md); the message
   * names the source and quotes the closest passage.
   */
  | 'QUOTE_NOT_IN_SOURCE'
  /**
   * A source with a text (an article, an official record with its text) is cited without a quote: a locator may
   * only be given besides one (docs/curation.md, "The citation rule").
   */
  | 'QUOTE_REQUIRED'
  /** A quote shorter than 8 characters once white space is folded (a quote of spaces is empty). */
  | 'QUOTE_TOO_SHORT'
  /** The fact is retracted; restore it first. */
  | 'RETRACTED'
  /** The source has no text (and is no dataset with one): nothing can be checked, so nothing may cite it. */
  | 'SOURCE_NOT_CITABLE'
  /** A citation names a source the graph does not hold. */
  | 'UNKNOWN_SOURCE'
  /** A number's citations do not state it (in digits or words, with its unit): cite the passage that does. */
  | 'VALUE_NOT_STATED'
  /** The record is of the wrong kind for this mutation. */
  | 'WRONG_KIND'
  /** A reference to an entity of the wrong kind (a membership in a place...). */
  | 'WRONG_REFERENCE_KIND';

/** An enum describing what kind of type a given `__Type` is. */
export type __TypeKind =
  /** Indicates this type is a scalar. */
  | 'SCALAR'
  /** Indicates this type is an object. `fields` and `interfaces` are valid fields. */
  | 'OBJECT'
  /** Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields. */
  | 'INTERFACE'
  /** Indicates this type is a union. `possibleTypes` is a valid field. */
  | 'UNION'
  /** Indicates this type is an enum. `enumValues` is a valid field. */
  | 'ENUM'
  /** Indicates this type is an input object. `inputFields` is a valid field. */
  | 'INPUT_OBJECT'
  /** Indicates this type is a list. `ofType` is a valid field. */
  | 'LIST'
  /** Indicates this type is a non-null. `ofType` is a valid field. */
  | 'NON_NULL';

export type WorkbenchViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkbenchViewerQuery = { viewer: { name: string | null, role: ApiRole | null } };

export type WorkbenchSourcesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type WorkbenchSourcesQuery = { sources: { totalCount: number, edges: Array<{ node: { id: string, title: string | null, publisher: string, date: { text: string } } }> } };

export type WorkbenchSourceQueryVariables = Exact<{
  id: string | number;
}>;


export type WorkbenchSourceQuery = { source: { id: string, kind: SourceKind, title: string | null, publisher: string, author: string | null, url: string | null, language: string | null, version: number, sha256: string | null, text: string | null, date: { text: string }, citations: { totalCount: number, edges: Array<{ node: { citedById: string, quote: string | null, start: number | null, end: number | null } }> }, mentions: { entities: Array<{ start: number, end: number, text: string, matchedName: string, entity:
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
         }>, candidates: Array<{ start: number, end: number, text: string }> } } | null };

export type WorkbenchAddSourceMutationVariables = Exact<{
  input: AddSourceInput;
}>;


export type WorkbenchAddSourceMutation = { addSource: { source: { id: string } | null, errors: Array<{ field: string | null, code: UserErrorCode, message: string }> } };

export type WorkbenchSearchQueryVariables = Exact<{
  query: string;
  kinds?: Array<EntityKind> | EntityKind | null | undefined;
}>;


export type WorkbenchSearchQuery = { search: Array<{ matched: string, entity:
      | { id: string, name: string, kind: EntityKind }
      | { id: string, name: string, kind: EntityKind }
      | { id: string, name: string, kind: EntityKind }
      | { id: string, name: string, kind: EntityKind }
      | { id: string, name: string, kind: EntityKind }
      | { id: string, name: string, kind: EntityKind }
      | { id: string, name: string, kind: EntityKind }
      | { id: string, name: string, kind: EntityKind }
     }> };

export type WorkbenchEntityQueryVariables = Exact<{
  id: string | number;
}>;


export type WorkbenchEntityQuery = { node:
    | { id: string }
    | { id: string }
    | { id: string }
    | { name: string, kind: EntityKind, description: string | null, id: string, aliases: Array<{ name: string }>, related: { edges: Array<{ node: { type: string, direction: RelationDirection, retracted: boolean, role: string | null, from: { text: string } | null, to: { text: string } | null, other:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
            , fact:
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
             } }> }, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }> }
    | { name: string, kind: EntityKind, description: string | null, id: string, aliases: Array<{ name: string }>, related: { edges: Array<{ node: { type: string, direction: RelationDirection, retracted: boolean, role: string | null, from: { text: string } | null, to: { text: string } | null, other:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
            , fact:
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
             } }> }, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }> }
    | { name: string, kind: EntityKind, description: string | null, id: string, aliases: Array<{ name: string }>, related: { edges: Array<{ node: { type: string, direction: RelationDirection, retracted: boolean, role: string | null, from: { text: string } | null, to: { text: string } | null, other:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
            , fact:
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
             } }> }, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }> }
    | { name: string, kind: EntityKind, description: string | null, id: string, aliases: Array<{ name: string }>, related: { edges: Array<{ node: { type: string, direction: RelationDirection, retracted: boolean, role: string | null, from: { text: string } | null, to: { text: string } | null, other:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
            , fact:
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
             } }> }, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }> }
    | { id: string }
    | { id: string }
    | { id: string }
    | { name: string, kind: EntityKind, description: string | null, id: string, aliases: Array<{ name: string }>, related: { edges: Array<{ node: { type: string, direction: RelationDirection, retracted: boolean, role: string | null, from: { text: string } | null, to: { text: string } | null, other:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
            , fact:
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
             } }> }, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }> }
    | { id: string }
    | { name: string, kind: EntityKind, description: string | null, id: string, aliases: Array<{ name: string }>, related: { edges: Array<{ node: { type: string, direction: RelationDirection, retracted: boolean, role: string | null, from: { text: string } | null, to: { text: string } | null, other:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
            , fact:
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
             } }> }, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }> }
    | { id: string }
    | { id: string }
    | { name: string, kind: EntityKind, description: string | null, id: string, aliases: Array<{ name: string }>, related: { edges: Array<{ node: { type: string, direction: RelationDirection, retracted: boolean, role: string | null, from: { text: string } | null, to: { text: string } | null, other:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
            , fact:
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
             } }> }, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }> }
    | { name: string, kind: EntityKind, description: string | null, id: string, aliases: Array<{ name: string }>, related: { edges: Array<{ node: { type: string, direction: RelationDirection, retracted: boolean, role: string | null, from: { text: string } | null, to: { text: string } | null, other:
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
              | { id: string, name: string }
            , fact:
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
             } }> }, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }> }
   | null };

export type WorkbenchFactHistoryQueryVariables = Exact<{
  id: string | number;
}>;


export type WorkbenchFactHistoryQuery = { node:
    | { id: string, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }>, retraction: { reason: string, actor: string, at: string } | null }
    | { id: string, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }>, retraction: { reason: string, actor: string, at: string } | null }
    | { id: string, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }>, retraction: { reason: string, actor: string, at: string } | null }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }>, retraction: { reason: string, actor: string, at: string } | null }
    | { id: string, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }>, retraction: { reason: string, actor: string, at: string } | null }
    | { id: string, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }>, retraction: { reason: string, actor: string, at: string } | null }
    | { id: string }
    | { id: string, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }>, retraction: { reason: string, actor: string, at: string } | null }
    | { id: string }
    | { id: string, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }>, retraction: { reason: string, actor: string, at: string } | null }
    | { id: string, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }>, retraction: { reason: string, actor: string, at: string } | null }
    | { id: string }
    | { id: string }
   | null };

export type WorkbenchDuplicatesQueryVariables = Exact<{
  kind: EntityKind;
}>;


export type WorkbenchDuplicatesQuery = { duplicateCandidates: Array<{ score: number, nameScore: number, sharedRelations: number, matchedNames: Array<string>, entity:
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
    , duplicate:
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
     }> };

export type WorkbenchDismissMutationVariables = Exact<{
  entity: string | number;
  duplicate: string | number;
  reason: string;
}>;


export type WorkbenchDismissMutation = { dismissDuplicate: { changes: Array<{ id: string }>, errors: Array<{ field: string | null, code: UserErrorCode, message: string }> } };

export type WorkbenchMergeMutationVariables = Exact<{
  keep: string | number;
  drop: string | number;
  reason?: string | null | undefined;
}>;


export type WorkbenchMergeMutation = { mergeEntities: { entity:
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
     | null, errors: Array<{ field: string | null, code: UserErrorCode, message: string }> } };

export type WorkbenchRetractMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type WorkbenchRetractMutation = { retractFact: { fact:
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
     | null, errors: Array<{ field: string | null, code: UserErrorCode, message: string }> } };

export type WorkbenchRestoreMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type WorkbenchRestoreMutation = { restoreFact: { fact:
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
     | null, errors: Array<{ field: string | null, code: UserErrorCode, message: string }> } };

export type WorkbenchSchemaQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkbenchSchemaQuery = { __schema: { mutationType: { name: string | null } | null, types: Array<{ name: string | null, kind: __TypeKind, description: string | null, enumValues: Array<{ name: string, description: string | null }> | null, inputFields: Array<{ name: string, description: string | null, type: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null } | null } | null } | null } }> | null, fields: Array<{ name: string, description: string | null, args: Array<{ name: string, description: string | null, type: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null } | null } | null } | null } }>, type: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null } | null } | null } | null } }> | null }> } };

export type WorkbenchTypeRefFragment = { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null, ofType: { kind: __TypeKind, name: string | null } | null } | null } | null };

export type WorkbenchFactQueryVariables = Exact<{
  id: string | number;
}>;


export type WorkbenchFactQuery = { node:
    | { __typename: 'Candidacy', selfNominated: boolean | null, outcome: CandidacyStatus | null, mandate: Mandate | null, id: string, citations: Array<{ quote: string | null, start: number | null, end: number | null, locator: string | null, source: { id: string, title: string | null, publisher: string, date: { text: string } } }>, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }>, retraction: { reason: string, actor: string, at: string } | null, person: { id: string, name: string, kind: EntityKind }, candidacyElection: { disputed: boolean, value:
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
         | null, claims: Array<{ value:
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
           }> }, district: { disputed: boolean, value:
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
          | { id: string, name: string, kind: EntityKind }
         | null, claims: Array<{ value:
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
           }> } | null, nominatedBy: { id: string, name: string, kind: EntityKind } | null, rank: { value: number | null, disputed: boolean, claims: Array<{ value: number }> } | null }
    | { __typename: 'CandidacyStatusChange', status: CandidacyStatus, id: string, citations: Array<{ quote: string | null, start: number | null, end: number | null, locator: string | null, source: { id: string, title: string | null, publisher: string, date: { text: string } } }>, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }>, retraction: { reason: string, actor: string, at: string } | null, date: { text: string } | null, decidedBy:
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
       | null }
    | { __typename: 'CaseParty', role: string, charges: Array<string>, id: string, citations: Array<{ quote: string | null, start: number | null, end: number | null, locator: string | null, source: { id: string, title: string | null, publisher: string, date: { text: string } } }>, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }>, retraction: { reason: string, actor: string, at: string } | null, courtCase: { id: string, name: string, kind: EntityKind }, entity:
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
      , from: { text: string } | null }
    | { __typename: 'CourtCase', id: string }
    | { __typename: 'District', id: string }
    | { __typename: 'Election', id: string }
    | { __typename: 'Event', id: string }
    | { __typename: 'FamilyTie', relation: string, id: string, citations: Array<{ quote: string | null, start: number | null, end: number | null, locator: string | null, source: { id: string, title: string | null, publisher: string, date: { text: string } } }>, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }>, retraction: { reason: string, actor: string, at: string } | null, person: { id: string, name: string, kind: EntityKind }, relative: { id: string, name: string, kind: EntityKind } }
    | { __typename: 'Finding', summary: string, id: string, citations: Array<{ quote: string | null, start: number | null, end: number | null, locator: string | null, source: { id: string, title: string | null, publisher: string, date: { text: string } } }>, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }>, retraction: { reason: string, actor: string, at: string } | null, election: { id: string, name: string, kind: EntityKind }, observer:
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
      , date: { text: string } | null }
    | { __typename: 'Membership', role: string, title: string | null, term: string | null, independent: boolean, id: string, citations: Array<{ quote: string | null, start: number | null, end: number | null, locator: string | null, source: { id: string, title: string | null, publisher: string, date: { text: string } } }>, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }>, retraction: { reason: string, actor: string, at: string } | null, person: { id: string, name: string, kind: EntityKind }, organization:
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
      , memberOfParty: { id: string, name: string, kind: EntityKind } | null, from: { text: string } | null, to: { text: string } | null }
    | { __typename: 'Organization', id: string }
    | { __typename: 'Participation', role: string, id: string, citations: Array<{ quote: string | null, start: number | null, end: number | null, locator: string | null, source: { id: string, title: string | null, publisher: string, date: { text: string } } }>, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }>, retraction: { reason: string, actor: string, at: string } | null, event: { id: string, name: string, kind: EntityKind }, entity:
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
        | { id: string, name: string, kind: EntityKind }
       }
    | { __typename: 'Party', id: string }
    | { __typename: 'PartyName', name: string, id: string, citations: Array<{ quote: string | null, start: number | null, end: number | null, locator: string | null, source: { id: string, title: string | null, publisher: string, date: { text: string } } }>, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }>, retraction: { reason: string, actor: string, at: string } | null, from: { text: string } | null, to: { text: string } | null }
    | { __typename: 'PartyResult', partyName: string | null, passedThreshold: boolean | null, id: string, citations: Array<{ quote: string | null, start: number | null, end: number | null, locator: string | null, source: { id: string, title: string | null, publisher: string, date: { text: string } } }>, history: Array<{ id: string, at: string, actor: string, operation: string, targetId: string, before: string | null, after: string | null, reason: string | null }>, retraction: { reason: string, actor: string, at: string } | null, resultParty: { id: string, name: string, kind: EntityKind }, election: { id: string, name: string, kind: EntityKind }, totalSeats: { value: number | null, disputed: boolean, claims: Array<{ value: number }> } | null, listSeats: { value: number | null, disputed: boolean, claims: Array<{ value: number }> } | null, districtSeats: { value: number | null, disputed: boolean, claims: Array<{ value: number }> } | null, voteShare: { value: number | null, disputed: boolean, claims: Array<{ value: number }> } | null }
    | { __typename: 'Person', id: string }
    | { __typename: 'Place', id: string }
   | null };

type WorkbenchEntityRef_CourtCase_Fragment = { id: string, name: string, kind: EntityKind };

type WorkbenchEntityRef_District_Fragment = { id: string, name: string, kind: EntityKind };

type WorkbenchEntityRef_Election_Fragment = { id: string, name: string, kind: EntityKind };

type WorkbenchEntityRef_Event_Fragment = { id: string, name: string, kind: EntityKind };

type WorkbenchEntityRef_Organization_Fragment = { id: string, name: string, kind: EntityKind };

type WorkbenchEntityRef_Party_Fragment = { id: string, name: string, kind: EntityKind };

type WorkbenchEntityRef_Person_Fragment = { id: string, name: string, kind: EntityKind };

type WorkbenchEntityRef_Place_Fragment = { id: string, name: string, kind: EntityKind };

export type WorkbenchEntityRefFragment =
  | WorkbenchEntityRef_CourtCase_Fragment
  | WorkbenchEntityRef_District_Fragment
  | WorkbenchEntityRef_Election_Fragment
  | WorkbenchEntityRef_Event_Fragment
  | WorkbenchEntityRef_Organization_Fragment
  | WorkbenchEntityRef_Party_Fragment
  | WorkbenchEntityRef_Person_Fragment
  | WorkbenchEntityRef_Place_Fragment
;

export type WorkbenchRetractCitationMutationVariables = Exact<{
  input: RetractCitationInput;
}>;


export type WorkbenchRetractCitationMutation = { retractCitation: { changes: Array<{ id: string }>, errors: Array<{ field: string | null, code: UserErrorCode, message: string }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const WorkbenchTypeRefFragmentDoc = new TypedDocumentString(`
    fragment WorkbenchTypeRef on __Type {
  kind
  name
  ofType {
    kind
    name
    ofType {
      kind
      name
      ofType {
        kind
        name
      }
    }
  }
}
    `, {"fragmentName":"WorkbenchTypeRef"}) as unknown as TypedDocumentString<WorkbenchTypeRefFragment, unknown>;
export const WorkbenchEntityRefFragmentDoc = new TypedDocumentString(`
    fragment WorkbenchEntityRef on Entity {
  id
  name
  kind
}
    `, {"fragmentName":"WorkbenchEntityRef"}) as unknown as TypedDocumentString<WorkbenchEntityRefFragment, unknown>;
export const WorkbenchViewerDocument = new TypedDocumentString(`
    query WorkbenchViewer {
  viewer {
    name
    role
  }
}
    `) as unknown as TypedDocumentString<WorkbenchViewerQuery, WorkbenchViewerQueryVariables>;
export const WorkbenchSourcesDocument = new TypedDocumentString(`
    query WorkbenchSources($first: Int) {
  sources(first: $first) {
    totalCount
    edges {
      node {
        id
        title
        publisher
        date {
          text
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WorkbenchSourcesQuery, WorkbenchSourcesQueryVariables>;
export const WorkbenchSourceDocument = new TypedDocumentString(`
    query WorkbenchSource($id: ID!) {
  source(id: $id) {
    id
    kind
    title
    publisher
    author
    url
    language
    version
    sha256
    date {
      text
    }
    text
    citations(first: 100) {
      totalCount
      edges {
        node {
          citedById
          quote
          start
          end
        }
      }
    }
    mentions {
      entities {
        start
        end
        text
        matchedName
        entity {
          id
          name
          kind
        }
      }
      candidates {
        start
        end
        text
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WorkbenchSourceQuery, WorkbenchSourceQueryVariables>;
export const WorkbenchAddSourceDocument = new TypedDocumentString(`
    mutation WorkbenchAddSource($input: AddSourceInput!) {
  addSource(input: $input) {
    source {
      id
    }
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<WorkbenchAddSourceMutation, WorkbenchAddSourceMutationVariables>;
export const WorkbenchSearchDocument = new TypedDocumentString(`
    query WorkbenchSearch($query: String!, $kinds: [EntityKind!]) {
  search(query: $query, kinds: $kinds, first: 8) {
    matched
    entity {
      id
      name
      kind
    }
  }
}
    `) as unknown as TypedDocumentString<WorkbenchSearchQuery, WorkbenchSearchQueryVariables>;
export const WorkbenchEntityDocument = new TypedDocumentString(`
    query WorkbenchEntity($id: ID!) {
  node(id: $id) {
    id
    ... on Entity {
      name
      kind
      description
      aliases {
        name
      }
      related(first: 100, includeRetracted: true) {
        edges {
          node {
            type
            direction
            retracted
            role
            from {
              text
            }
            to {
              text
            }
            other {
              id
              name
            }
            fact {
              id
            }
          }
        }
      }
      history {
        id
        at
        actor
        operation
        targetId
        before
        after
        reason
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WorkbenchEntityQuery, WorkbenchEntityQueryVariables>;
export const WorkbenchFactHistoryDocument = new TypedDocumentString(`
    query WorkbenchFactHistory($id: ID!) {
  node(id: $id) {
    id
    ... on Fact {
      history {
        id
        at
        actor
        operation
        targetId
        before
        after
        reason
      }
      retraction {
        reason
        actor
        at
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WorkbenchFactHistoryQuery, WorkbenchFactHistoryQueryVariables>;
export const WorkbenchDuplicatesDocument = new TypedDocumentString(`
    query WorkbenchDuplicates($kind: EntityKind!) {
  duplicateCandidates(kind: $kind, first: 20) {
    score
    nameScore
    sharedRelations
    matchedNames
    entity {
      id
      name
    }
    duplicate {
      id
      name
    }
  }
}
    `) as unknown as TypedDocumentString<WorkbenchDuplicatesQuery, WorkbenchDuplicatesQueryVariables>;
export const WorkbenchDismissDocument = new TypedDocumentString(`
    mutation WorkbenchDismiss($entity: ID!, $duplicate: ID!, $reason: String!) {
  dismissDuplicate(entity: $entity, duplicate: $duplicate, reason: $reason) {
    changes {
      id
    }
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<WorkbenchDismissMutation, WorkbenchDismissMutationVariables>;
export const WorkbenchMergeDocument = new TypedDocumentString(`
    mutation WorkbenchMerge($keep: ID!, $drop: ID!, $reason: String) {
  mergeEntities(keep: $keep, drop: $drop, reason: $reason) {
    entity {
      id
    }
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<WorkbenchMergeMutation, WorkbenchMergeMutationVariables>;
export const WorkbenchRetractDocument = new TypedDocumentString(`
    mutation WorkbenchRetract($id: ID!, $reason: String!) {
  retractFact(id: $id, reason: $reason) {
    fact {
      id
    }
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<WorkbenchRetractMutation, WorkbenchRetractMutationVariables>;
export const WorkbenchRestoreDocument = new TypedDocumentString(`
    mutation WorkbenchRestore($id: ID!, $reason: String!) {
  restoreFact(id: $id, reason: $reason) {
    fact {
      id
    }
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<WorkbenchRestoreMutation, WorkbenchRestoreMutationVariables>;
export const WorkbenchSchemaDocument = new TypedDocumentString(`
    query WorkbenchSchema {
  __schema {
    mutationType {
      name
    }
    types {
      name
      kind
      description
      enumValues {
        name
        description
      }
      inputFields {
        name
        description
        type {
          ...WorkbenchTypeRef
        }
      }
      fields {
        name
        description
        args {
          name
          description
          type {
            ...WorkbenchTypeRef
          }
        }
        type {
          ...WorkbenchTypeRef
        }
      }
    }
  }
}
    fragment WorkbenchTypeRef on __Type {
  kind
  name
  ofType {
    kind
    name
    ofType {
      kind
      name
      ofType {
        kind
        name
      }
    }
  }
}`) as unknown as TypedDocumentString<WorkbenchSchemaQuery, WorkbenchSchemaQueryVariables>;
export const WorkbenchFactDocument = new TypedDocumentString(`
    query WorkbenchFact($id: ID!) {
  node(id: $id) {
    id
    __typename
    ... on Fact {
      citations {
        quote
        start
        end
        locator
        source {
          id
          title
          publisher
          date {
            text
          }
        }
      }
      history {
        id
        at
        actor
        operation
        targetId
        before
        after
        reason
      }
      retraction {
        reason
        actor
        at
      }
    }
    ... on Membership {
      person {
        ...WorkbenchEntityRef
      }
      organization {
        ...WorkbenchEntityRef
      }
      memberOfParty: party {
        ...WorkbenchEntityRef
      }
      role
      title
      term
      independent
      from {
        text
      }
      to {
        text
      }
    }
    ... on Candidacy {
      person {
        ...WorkbenchEntityRef
      }
      candidacyElection: election {
        value {
          ...WorkbenchEntityRef
        }
        disputed
        claims {
          value {
            ...WorkbenchEntityRef
          }
        }
      }
      district {
        value {
          ...WorkbenchEntityRef
        }
        disputed
        claims {
          value {
            ...WorkbenchEntityRef
          }
        }
      }
      nominatedBy {
        ...WorkbenchEntityRef
      }
      selfNominated
      outcome
      mandate
      rank {
        value
        disputed
        claims {
          value
        }
      }
    }
    ... on CandidacyStatusChange {
      status
      date {
        text
      }
      decidedBy {
        ...WorkbenchEntityRef
      }
    }
    ... on CaseParty {
      courtCase {
        ...WorkbenchEntityRef
      }
      entity {
        ...WorkbenchEntityRef
      }
      role
      charges
      from {
        text
      }
    }
    ... on FamilyTie {
      person {
        ...WorkbenchEntityRef
      }
      relative {
        ...WorkbenchEntityRef
      }
      relation
    }
    ... on Finding {
      election {
        ...WorkbenchEntityRef
      }
      observer {
        ...WorkbenchEntityRef
      }
      summary
      date {
        text
      }
    }
    ... on Participation {
      event {
        ...WorkbenchEntityRef
      }
      entity {
        ...WorkbenchEntityRef
      }
      role
    }
    ... on PartyName {
      name
      from {
        text
      }
      to {
        text
      }
    }
    ... on PartyResult {
      resultParty: party {
        ...WorkbenchEntityRef
      }
      election {
        ...WorkbenchEntityRef
      }
      partyName
      passedThreshold
      totalSeats {
        value
        disputed
        claims {
          value
        }
      }
      listSeats {
        value
        disputed
        claims {
          value
        }
      }
      districtSeats {
        value
        disputed
        claims {
          value
        }
      }
      voteShare {
        value
        disputed
        claims {
          value
        }
      }
    }
  }
}
    fragment WorkbenchEntityRef on Entity {
  id
  name
  kind
}`) as unknown as TypedDocumentString<WorkbenchFactQuery, WorkbenchFactQueryVariables>;
export const WorkbenchRetractCitationDocument = new TypedDocumentString(`
    mutation WorkbenchRetractCitation($input: RetractCitationInput!) {
  retractCitation(input: $input) {
    changes {
      id
    }
    errors {
      field
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<WorkbenchRetractCitationMutation, WorkbenchRetractCitationMutationVariables>;