// Projection: which entity properties an operation reads, so the repositories fetch only those instead of
// whole records (`n {.*}`). Computed once per parsed operation from every field it selects on an entity type
// (through fragments): fields of the field model read what their declaration says (./model.ts `reads`),
// the plain fields below read their own property, and any other field — a value the sources may dispute,
// a kind-specific scalar, a field added later — makes the operation read whole records. Records primed into
// a request's loaders therefore always carry every property any resolver of that operation reads.
import type { ApolloServerPlugin } from '@apollo/server';
import { isInterfaceType, isObjectType, Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { GraphContext } from '../context.js';
import { entityKindOfLabel } from '../dataset/to-graph.js';
import { modelOf } from './model.js';

/** Fields of entity types that read only the parent's id (or nothing), and the plain fields that read one property. */
const plainReads: Record<string, readonly string[]> = {
  __typename: [],
  id: [],
  name: [],
  kind: [],
  related: [],
  history: [],
  description: ['description'],
  aliases: ['aliases'],
};

const entityTypes = new Set<string>(Object.keys(entityKindOfLabel));
const entityInterfaces = new Set(['Entity', 'Node']);

/** The properties `operation` reads of entities; null when it needs whole records. */
export function entityProjection(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): string[] | null {
  const props = new Set<string>();
  let whole = false;
  const typeInfo = new TypeInfo(schema);
  // Fragments are visited where they are defined: a fragment the operation does not use only widens the projection.
  const parts = document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION);
  for (const part of parts) {
    visit(
      part,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const parent = typeInfo.getParentType();
          if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) return;
          const onEntity = entityTypes.has(parent.name) || entityInterfaces.has(parent.name);
          if (!onEntity) return;
          const name = node.name.value;
          const plain = plainReads[name];
          if (plain) return void plain.forEach((p) => props.add(p));
          const model = modelOf(parent.name, name, true, false);
          if (model) return void (model.reads ?? []).forEach((p) => props.add(p));
          // On `Node`, a field of a fact type's fragment is not an entity field; anything else needs the whole record.
          whole = true;
        },
      }),
    );
    if (whole) return null;
  }
  return [...props].sort();
}

const cache = new WeakMap<OperationDefinitionNode, string[] | null>();

/** Sets each operation's entity projection on its context before any resolver runs. */
export const projectionPlugin: ApolloServerPlugin<GraphContext> = {
  requestDidStart: async () => ({
    didResolveOperation: async ({ schema, document, operation, contextValue }) => {
      if (!operation) return;
      let props = cache.get(operation);
      if (props === undefined) cache.set(operation, (props = entityProjection(schema, document, operation)));
      contextValue.projection.props = props;
    },
  }),
};
