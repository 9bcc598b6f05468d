/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
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

export type PersonRelationsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
}>;


export type PersonRelationsQuery = { person: { id: string, name: string, related: { totalCount: number, edges: Array<{ node: { type: string, role: string | null, other:
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
            | { id: string, name: string, kind: EntityKind }
          , from: { text: string } | null, citations: Array<{ quote: string | null, source: { publisher: string } }> } }> } } | null };

export type SearchQueryVariables = Exact<{
  query: string;
  first?: number | null | undefined;
}>;


export type SearchQuery = { search: Array<{ matched: string, entity:
      | { id: string, name: string, kind: EntityKind }
      | { id: string, name: string, kind: EntityKind }
      | { id: string, name: string, kind: EntityKind }
      | { id: string, name: string, kind: EntityKind }
      | { id: string, name: string, kind: EntityKind }
      | { id: string, name: string, kind: EntityKind }
      | { id: string, name: string, kind: EntityKind }
      | { id: string, name: string, kind: EntityKind }
     }> };

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

export const PersonRelationsDocument = new TypedDocumentString(`
    query PersonRelations($id: ID!, $first: Int) {
  person(id: $id) {
    id
    name
    related(first: $first) {
      totalCount
      edges {
        node {
          type
          role
          other {
            id
            name
            kind
          }
          from {
            text
          }
          citations {
            quote
            source {
              publisher
            }
          }
        }
      }
    }
  }
}
    `, {"hash":"sha256:1ffa29efcd5442e5100c1146b41cf7b700174bb77aa09aa20074d4309fe233f6"}) as unknown as TypedDocumentString<PersonRelationsQuery, PersonRelationsQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($query: String!, $first: Int) {
  search(query: $query, first: $first) {
    matched
    entity {
      id
      name
      kind
    }
  }
}
    `, {"hash":"sha256:f9ec31d3102aa8ee05540cae53846a977e0f08f4625535793b581f2c814c71b4"}) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;