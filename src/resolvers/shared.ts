// Small pieces every resolver module uses: loading required references, claimable values, validity on a
// day, and the resolvers common to every entity type (kind, aliases, citations, events, related).
import type { GraphContext } from '../context.js';
import type { PartialDate } from '../domain/partial-date.js';
import { pageRequest, type Connection } from '../repositories/pagination.js';
import type { FactLabel } from '../dataset/to-graph.js';
import { entityOfKind, factOfLabel, type EntityKind, type EntityOfKind, type EntityRecord, type FactOfLabel, type FactRecord } from '../repositories/records.js';
import type { ValueRecord } from './mappers.js';
import { resolverOf } from './model.js';

/** A page of entities as a page of kind `kind` (`PersonConnection`...): each node checked, another kind a data fault. */
export function connectionOfKind<K extends EntityKind>(page: Connection<EntityRecord>, kind: K): Connection<EntityOfKind<K>> {
  return { ...page, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: entityOfKind(edge.node, kind) })) };
}

/**
 * A reference the graph guarantees (validated at load); its absence is a data fault, not a user error. With
 * `kind`, the entity must be of that kind (the field's type is concrete: a district's `body` is an
 * Organization), and another kind is a data fault too (`entityOfKind`).
 */
export async function requireEntity<K extends EntityKind = EntityKind>(ctx: GraphContext, id: string | null, kind?: K): Promise<EntityOfKind<K>>;
export async function requireEntity(ctx: GraphContext, id: string | null, kind?: EntityKind): Promise<EntityRecord> {
  const entity = id ? await ctx.loaders.entity.load(id) : null;
  if (!entity) throw new Error(`dangling reference to entity ${String(id)}`);
  return kind ? entityOfKind(entity, kind) : entity;
}

/** An optional reference: null when there is none; with `kind`, as `requireEntity`. */
export async function optionalEntity<K extends EntityKind = EntityKind>(ctx: GraphContext, id: string | null, kind?: K): Promise<EntityOfKind<K> | null>;
export async function optionalEntity(ctx: GraphContext, id: string | null, kind?: EntityKind): Promise<EntityRecord | null> {
  const entity = id ? await ctx.loaders.entity.load(id) : null;
  return entity && kind ? entityOfKind(entity, kind) : entity;
}

/** A fact by id, null when there is none; with `label`, of that label (another is a data fault, `factOfLabel`). */
export async function optionalFact<L extends FactLabel = FactLabel>(ctx: GraphContext, id: string | null, label?: L): Promise<FactOfLabel<L> | null>;
export async function optionalFact(ctx: GraphContext, id: string | null, label?: FactLabel): Promise<FactRecord | null> {
  const fact = id ? await ctx.loaders.fact.load(id) : null;
  return fact && label ? factOfLabel(fact, label) : fact;
}

/** A claimable field as a value record, or null when the record has no value for it at all. */
export function valueOf(owner: { id: string; disputed: string[]; values: Record<string, string | number | null> }, field: string): ValueRecord | null {
  const disputed = owner.disputed.includes(field);
  const plain = owner.values[field] ?? null;
  if (!disputed && plain === null) return null;
  return { ownerId: owner.id, field, plain, disputed };
}

/** Whether a dated fact holds on `asOf` (open or unknown bounds count as holding). */
export function holdsOn(fact: { from: PartialDate | null; to: PartialDate | null }, asOf: string | null | undefined): boolean {
  if (!asOf) return true;
  return (!fact.from || fact.from.start <= asOf) && (!fact.to || fact.to.end >= asOf);
}

interface RelatedArgs {
  types?: string[] | null;
  asOf?: string | null;
  includeRetracted?: boolean | null;
  first?: number | null;
  after?: string | null;
}

/** Resolvers shared by every type implementing `Entity` (the loading ones come from the field model). */
export const entityFields = {
  kind: (e: EntityRecord) => e.kind,
  aliases: (e: EntityRecord) => e.aliases,
  citations: resolverOf('Entity.citations'),
  citationsConnection: resolverOf('Entity.citationsConnection'),
  events: resolverOf('Entity.events'),
  related: (e: EntityRecord, args: RelatedArgs, ctx: GraphContext) => {
    const page = pageRequest(args);
    return ctx.loaders.relations.load({ id: e.id, types: args.types ?? null, asOf: args.asOf ?? null, includeRetracted: args.includeRetracted ?? false, ...page });
  },
};

/** Every fact type's citations. */
export const factCitations = resolverOf('Fact.citations');
/** Every fact type's page of citations. */
export const factCitationsPage = resolverOf('Fact.citationsConnection');
