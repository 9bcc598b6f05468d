// The operations this client runs. `graphql()` is generated from these very strings, so each document comes back
// fully typed (its variables and its result) and with its sha256 hash for persisted queries.
import { graphql } from '../generated/index.js';

export const PersonRelationsQuery = graphql(`
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
`);

export const SearchQuery = graphql(`
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
`);
