/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query PersonRelations($id: ID!, $first: Int) {\n    person(id: $id) {\n      id\n      name\n      related(first: $first) {\n        totalCount\n        edges {\n          node {\n            type\n            role\n            other {\n              id\n              name\n              kind\n            }\n            from {\n              text\n            }\n            citations {\n              quote\n              source {\n                publisher\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.PersonRelationsDocument,
    "\n  query Search($query: String!, $first: Int) {\n    search(query: $query, first: $first) {\n      matched\n      entity {\n        id\n        name\n        kind\n      }\n    }\n  }\n": typeof types.SearchDocument,
};
const documents: Documents = {
    "\n  query PersonRelations($id: ID!, $first: Int) {\n    person(id: $id) {\n      id\n      name\n      related(first: $first) {\n        totalCount\n        edges {\n          node {\n            type\n            role\n            other {\n              id\n              name\n              kind\n            }\n            from {\n              text\n            }\n            citations {\n              quote\n              source {\n                publisher\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.PersonRelationsDocument,
    "\n  query Search($query: String!, $first: Int) {\n    search(query: $query, first: $first) {\n      matched\n      entity {\n        id\n        name\n        kind\n      }\n    }\n  }\n": types.SearchDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonRelations($id: ID!, $first: Int) {\n    person(id: $id) {\n      id\n      name\n      related(first: $first) {\n        totalCount\n        edges {\n          node {\n            type\n            role\n            other {\n              id\n              name\n              kind\n            }\n            from {\n              text\n            }\n            citations {\n              quote\n              source {\n                publisher\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').PersonRelationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($query: String!, $first: Int) {\n    search(query: $query, first: $first) {\n      matched\n      entity {\n        id\n        name\n        kind\n      }\n    }\n  }\n"): typeof import('./graphql.js').SearchDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
