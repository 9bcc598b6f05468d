// Length caps on every text a GraphQL request passes in as an argument, checked before any resolver runs (so
// before any database work): free-text matching (search, name filters) at 200 characters, any other text or
// id of a read at 1,000 (the longest id or cursor fits), texts of a write at 100,000 (the dataset's own limits
// answer below that, per field). A 100 KB `people(filter: {name})` is refused at once with BAD_USER_INPUT
// naming the argument and the cap, instead of costing seconds of fuzzy matching. Literals in the document, variables'
// values and variables' defaults are walked, along the schema's input types, with an explicit stack.
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import type { GraphContext } from '../context.js';
import { MAX_TEXT_LENGTH } from '../dataset/schema.js';
import { MAX_BODY_BYTES } from './body.js';
import { ErrorCode } from '../errors.js';

/** Texts matched fuzzily or by substring: their cost grows with their length. */
export const MAX_FREE_TEXT_LENGTH = 200;
/** Any other text or id argument of a query (ids, cursors, actor names, dates). */
export const MAX_READ_TEXT_LENGTH = 1000;
/**
 * Any text argument of a mutation: five times the dataset's longest text. Ordinary overflows (a name over 500,
 * a description over 20,000) are the dataset schema's to answer, with a field error in the mutation's payload;
 * this cap only stops absurd sizes before any work.
 */
export const MAX_WRITE_TEXT_LENGTH = 5 * MAX_TEXT_LENGTH;

/** Free-text arguments and input fields, by schema coordinate. */
const freeText = new Set(['Query.search(query:)', 'PeopleFilter.name']);
/**
 * A write input's `text` field carries a whole document (a source's text): bounded here only by the request
 * body's size; the dataset schema checks its own limit when it is stored.
 */
const isDocumentText = (coordinate: string) => coordinate.endsWith('.text');

export class InputTooLongError extends GraphQLError {
  constructor(coordinate: string, length: number, max: number) {
    super(`${coordinate} is ${length} characters long; at most ${max} are accepted.`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT, argument: coordinate, maxLength: max, http: { status: 400 } },
    });
  }
}

/** A value on its way through the walk: an AST literal or a variable's JSON value, with where it sits. */
interface Pending {
  /** An AST literal (`fromDocument`) or a variable's JSON value. */
  value: unknown;
  type: GraphQLInputType;
  coordinate: string;
  fromDocument: boolean;
}

function capFor(coordinate: string, write: boolean): number {
  if (freeText.has(coordinate)) return MAX_FREE_TEXT_LENGTH;
  if (!write) return MAX_READ_TEXT_LENGTH;
  return isDocumentText(coordinate) ? MAX_BODY_BYTES : MAX_WRITE_TEXT_LENGTH;
}

function isValueNode(value: unknown): value is ValueNode {
  return typeof value === 'object' && value !== null && 'kind' in value && typeof value.kind === 'string';
}

/** Variables' default values (`query($f: PeopleFilter = {...})`), by name: literals in the document like any other. */
type VariableDefaults = ReadonlyMap<string, ValueNode>;

function variableDefaults(document: DocumentNode, operation: OperationDefinitionNode | null | undefined): VariableDefaults {
  const defaults = new Map<string, ValueNode>();
  // Apollo names the operation it runs; without one (tests), every operation's defaults, the first of each name.
  const operations = operation ? [operation] : document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  for (const definition of operations) {
    for (const variable of definition.variableDefinitions ?? []) {
      const name = variable.variable.name.value;
      if (variable.defaultValue && !defaults.has(name)) defaults.set(name, variable.defaultValue);
    }
  }
  return defaults;
}

/** Throws InputTooLongError for the first text in `start` over its cap. Malformed values are left to GraphQL. */
function checkValue(start: Pending, variables: Record<string, unknown>, defaults: VariableDefaults, write: boolean): void {
  const pending: Pending[] = [start];
  while (pending.length > 0) {
    const { value, type, coordinate, fromDocument } = pending.pop()!;
    const bare = isNonNullType(type) ? type.ofType : type;
    let current: unknown = value;
    let literal = fromDocument && isValueNode(value);
    if (literal && (value as ValueNode).kind === Kind.VARIABLE) {
      const name = (value as { name: { value: string } }).name.value;
      // A variable the request does not give takes its default, which GraphQL passes on as if it were given.
      const given = Object.hasOwn(variables, name) && variables[name] !== undefined;
      const fallback = given ? undefined : defaults.get(name);
      current = fallback ?? variables[name];
      literal = fallback !== undefined;
    }
    if (isListType(bare)) {
      const items: unknown[] = literal
        ? (current as ValueNode).kind === Kind.LIST
          ? [...(current as { values: readonly ValueNode[] }).values]
          : [current]
        : Array.isArray(current)
          ? current
          : [current];
      for (const item of items) pending.push({ value: item, type: bare.ofType, coordinate, fromDocument: literal });
    } else if (isInputObjectType(bare)) {
      const fields = bare.getFields();
      const entries: [string, unknown][] = literal
        ? (current as ValueNode).kind === Kind.OBJECT
          ? (current as { fields: readonly { name: { value: string }; value: ValueNode }[] }).fields.map((f) => [f.name.value, f.value])
          : []
        : current !== null && typeof current === 'object' && !Array.isArray(current)
          ? Object.entries(current)
          : [];
      for (const [name, item] of entries) {
        const field = fields[name];
        if (field) pending.push({ value: item, type: field.type, coordinate: `${bare.name}.${name}`, fromDocument: literal });
      }
    } else if (isScalarType(getNamedType(bare))) {
      const text = literal
        ? (current as ValueNode).kind === Kind.STRING
          ? (current as { value: string }).value
          : null
        : typeof current === 'string'
          ? current
          : null;
      if (text === null) continue;
      const max = capFor(coordinate, write);
      if (text.length > max) throw new InputTooLongError(coordinate, text.length, max);
    }
  }
}

/**
 * Every argument in the document (operations and fragments), checked against its cap; a variable's default is
 * checked where the variable is used, under that argument's cap. `operation`: the one that runs (Apollo's).
 */
export function checkInputLengths(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operation?: OperationDefinitionNode | null,
): void {
  const defaults = variableDefaults(document, operation);
  const typeInfo = new TypeInfo(schema);
  const mutationType = schema.getMutationType();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const argument = typeInfo.getArgument();
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (!argument || !field || !parent) return; // unknown arguments fail validation anyway
        // Directive arguments (@include(if:)) have no field; they hold no text.
        const write = mutationType !== null && mutationType !== undefined && parent.name === mutationType.name;
        checkValue(
          { value: node.value, type: argument.type, coordinate: `${parent.name}.${field.name}(${argument.name}:)`, fromDocument: true },
          variables,
          defaults,
          write,
        );
      },
    }),
  );
}

export function inputCapsPlugin(): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operation }) {
          checkInputLengths(schema, document, request.variables ?? {}, operation);
        },
      };
    },
  };
}
