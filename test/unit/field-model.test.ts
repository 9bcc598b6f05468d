// The field model (src/resolvers/model.ts) covers every field that reads the database: this walks the whole
// schema, calls each field's resolver with a context whose loaders and database record any use, and fails
// on a field that loads but is neither modelled nor on the documented unplanned list. Root fields (Query,
// Mutation) are the planners themselves and are not walked.
import { buildSchema, getNamedType, getNullableType, isInterfaceType, isLeafType, isListType, isNonNullType, isObjectType, parse, type GraphQLField, type GraphQLObjectType, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { resolvers } from '../../src/resolvers/index.js';
import { sizeRule } from '../../src/cost/fields.js';
import { argsFor, catalogued, fieldModel, modelOf, rootModel, unplannedFields, unplannedReason } from '../../src/resolvers/model.js';
import { projectionOf } from '../../src/resolvers/projection.js';
import { loadTypeDefs } from '../../src/schema.js';
import { entityKindOfLabel } from '../../src/dataset/to-graph.js';

const schema = buildSchema(loadTypeDefs());
const roots = new Set(['Query', 'Mutation', 'Subscription']);
const entityTypes = new Set<string>(Object.keys(entityKindOfLabel));
const factTypes = new Set(
  Object.values(schema.getTypeMap())
    .filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Fact'))
    .map((t) => t.name),
);

/** A parent record that answers any property (as a string that is also falsy-safe to index), never a Promise. */
function anyRecord(): unknown {
  const handler: ProxyHandler<object> = {
    get: (_t, key) => {
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => 'x';
      if (key === 'id' || key === 'subjectId' || key === 'otherId' || key === 'factId' || key === 'ownerId') return 'person:x';
      return new Proxy(function stub() {
        return undefined;
      }, handler);
    },
  };
  return new Proxy({}, handler);
}

class Loaded extends Error {}

/** Whether a resolver touches the database or a loader when called (it is stopped at the first touch). */
async function loads(resolve: (...args: unknown[]) => unknown): Promise<boolean> {
  let touched = false;
  const trap = new Proxy(
    {},
    {
      get: (_t, key) => {
        if (key === 'then') return undefined;
        touched = true;
        throw new Loaded(String(key));
      },
    },
  );
  const ctx = { loaders: trap, db: trap, prefetch: true, caller: { name: 'test', role: 'admin' }, requestId: 'r', logger: console };
  try {
    await resolve(anyRecord(), {}, ctx, { fieldNodes: [], schema, fragments: {}, variableValues: {}, returnType: null, path: { key: 'x' } });
  } catch {
    // a stub parent may not satisfy a resolver: what matters is whether it loaded before that
  }
  return touched;
}

const resolverMap = resolvers as unknown as Record<string, Record<string, unknown>>;

describe('field model', () => {
  it('names only fields the schema has', () => {
    for (const key of Object.keys(fieldModel)) {
      const [type, field] = key.split('.') as [string, string];
      const t = schema.getType(type);
      expect(isObjectType(t) || isInterfaceType(t), key).toBe(true);
      if (isObjectType(t) || isInterfaceType(t)) expect(t.getFields()[field], key).toBeDefined();
    }
    for (const key of Object.keys(unplannedFields).filter((k) => k.includes('.'))) {
      const [type, field] = key.split('.') as [string, string];
      const t = schema.getType(type);
      expect(isObjectType(t) || isInterfaceType(t), key).toBe(true);
      if (isObjectType(t) || isInterfaceType(t)) expect(t.getFields()[field], key).toBeDefined();
    }
  });

  it('covers every field that reads the database, or lists it as unplanned with a reason', async () => {
    const unaccounted: string[] = [];
    let walked = 0;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || roots.has(type.name)) continue;
      for (const field of Object.values(type.getFields())) {
        const resolve = resolverMap[type.name]?.[field.name];
        if (typeof resolve !== 'function') continue; // the default resolver reads the parent record only
        walked++;
        const modelled = modelOf(type.name, field.name, entityTypes.has(type.name), factTypes.has(type.name)) !== undefined;
        const listed = unplannedReason(type.name, field.name, entityTypes.has(type.name), factTypes.has(type.name)) !== undefined;
        if (modelled || listed) continue;
        if (await loads(resolve as (...args: unknown[]) => unknown)) unaccounted.push(`${type.name}.${field.name}`);
      }
    }
    expect(walked).toBeGreaterThan(100);
    expect(unaccounted, `loading fields neither in fieldModel nor in unplannedFields: ${unaccounted.join(', ')}`).toEqual([]);
  });

  it('detects a loading resolver (the walk can fail)', async () => {
    expect(await loads((_p, _a, ctx) => (ctx as { loaders: { entity: { load(id: string): unknown } } }).loaders.entity.load('x'))).toBe(true);
    expect(await loads((p) => (p as { name: string }).name)).toBe(false);
  });

  it('derives each modelled resolver from its declaration', async () => {
    // Every modelled field of a concrete type is answered by the model's resolve: the resolver the modules
    // spread loads exactly what the declaration's steps plan (same loader calls).
    for (const key of Object.keys(fieldModel)) {
      const [type, field] = key.split('.') as [string, string];
      if (type === 'Entity' || type === 'Fact') continue;
      expect(typeof resolverMap[type]?.[field], key).toBe('function');
    }
  });
});

describe('the catalogue: every loading field with its plan, its size and its reads', () => {
  const loadingFields = () => {
    const out: { type: GraphQLObjectType; field: GraphQLField<unknown, unknown> }[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || roots.has(type.name)) continue;
      for (const field of Object.values(type.getFields())) if (catalogued(type.name, field.name)) out.push({ type, field });
    }
    return out;
  };

  it('sizes every list among them (a size rule of its own or its connection page), for the cost estimate', () => {
    const fields = loadingFields();
    expect(fields.length).toBeGreaterThan(80);
    const unsized = fields
      .filter(({ field }) => isListType(getNullableType(field.type)))
      .filter(({ type, field }) => sizeRule(type.name, field.name) === null)
      .map(({ type, field }) => `${type.name}.${field.name}`);
    expect(unsized).toEqual([]);
  });

  it('declares what each reads of its parent record: selecting it alone never makes the projection read whole records', () => {
    const whole: string[] = [];
    for (const { type, field } of loadingFields()) {
      const side = entityTypes.has(type.name) ? 'entity' : factTypes.has(type.name) ? 'fact' : null;
      if (!side) continue;
      const named = getNamedType(field.type);
      const args = field.args.filter((a) => isNonNullType(a.type)).map((a) => `${a.name}: ${a.name === 'date' ? '"2020-01-01"' : '"x"'}`);
      const selection = `${field.name}${args.length > 0 ? `(${args.join(', ')})` : ''}${isLeafType(named) ? '' : ' { __typename }'}`;
      const document = parse(`{ node(id: "x") { ... on ${type.name} { ${selection} } } }`);
      const projection = projectionOf(schema, document, document.definitions[0] as OperationDefinitionNode);
      if (projection[side] === null) whole.push(`${type.name}.${field.name}`);
    }
    expect(whole).toEqual([]);
  });

  it('knows the plan of every root that reads the database (rootModel), and nothing else plans', () => {
    for (const [name, root] of Object.entries(rootModel)) {
      const plan: unknown = root.plan;
      expect(typeof plan === 'string' || (typeof plan === 'object' && plan !== null && ('own' in plan || 'at' in plan)), name).toBe(true);
    }
  });
});

describe('the arguments each declaration reads', () => {
  it('are exactly the arguments the schema gives the field: a renamed, removed or added argument fails here', () => {
    const wrong: string[] = [];
    for (const [key, model] of Object.entries(fieldModel) as [string, { args: readonly string[] }][]) {
      const [typeName, fieldName] = key.split('.') as [string, string];
      const type = schema.getType(typeName);
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      const declared = [...model.args].sort();
      const inSchema = (type.getFields()[fieldName]?.args ?? []).map((a) => a.name).sort();
      if (JSON.stringify(declared) !== JSON.stringify(inSchema)) wrong.push(`${key}: reads [${declared.join(', ')}], schema has [${inSchema.join(', ')}]`);
    }
    expect(wrong).toEqual([]);
  });

  it('hands a declaration only the arguments it declares', () => {
    expect(argsFor({ args: ['asOf'] }, { asOf: '2020-01-01', role: 'LEADER' })).toEqual({ asOf: '2020-01-01' });
  });
});
