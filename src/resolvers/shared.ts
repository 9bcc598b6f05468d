// Small pieces every resolver module uses: loading required references, claimable values, validity on a
// day, and the resolvers common to every entity type (kind, aliases, citations, events, related).
import type { GraphContext } from '../context.js';
import type { EventKind } from '../generated/graphql.js';
import { pageRequest } from '../repositories/pagination.js';
import type { EntityRecord, FactRecord } from '../repositories/records.js';
import type { ValueRecord } from './mappers.js';

/** A reference the graph guarantees (validated at load); its absence is a data fault, not a user error. */
export async function requireEntity(ctx: GraphContext, id: string | null): Promise<EntityRecord> {
  const entity = id ? await ctx.loaders.entity.load(id) : null;
  if (!entity) throw new Error(`dangling reference to entity ${String(id)}`);
  return entity;
}

export async function optionalEntity(ctx: GraphContext, id: string | null): Promise<EntityRecord | null> {
  return id ? ctx.loaders.entity.load(id) : null;
}

/** A claimable field as a value record, or null when the record has no value for it at all. */
export function valueOf(owner: { id: string; disputed: string[]; values: Record<string, string | number | null> }, field: string): ValueRecord | null {
  const disputed = owner.disputed.includes(field);
  const plain = owner.values[field] ?? null;
  if (!disputed && plain === null) return null;
  return { ownerId: owner.id, field, plain, disputed };
}

/** Whether a dated fact holds on `asOf` (open or unknown bounds count as holding). */
export function holdsOn(fact: Pick<FactRecord, 'from' | 'to'>, asOf: string | null | undefined): boolean {
  if (!asOf) return true;
  return (!fact.from || fact.from.start <= asOf) && (!fact.to || fact.to.end >= asOf);
}

interface EventsArgs {
  kinds?: EventKind[] | null;
  first?: number | null;
  after?: string | null;
}
interface RelatedArgs {
  types?: string[] | null;
  asOf?: string | null;
  includeRetracted?: boolean | null;
  first?: number | null;
  after?: string | null;
}

/** Resolvers shared by every type implementing `Entity`. */
export const entityFields = {
  kind: (e: EntityRecord) => e.kind,
  aliases: (e: EntityRecord) => e.aliases,
  citations: (e: EntityRecord, _args: unknown, ctx: GraphContext) => ctx.loaders.citations.load(e.id),
  events: (e: EntityRecord, args: EventsArgs, ctx: GraphContext) => {
    const page = pageRequest(args);
    return ctx.loaders.events.load({ entityId: e.id, kinds: args.kinds ?? null, from: null, to: null, placeId: null, ...page });
  },
  related: (e: EntityRecord, args: RelatedArgs, ctx: GraphContext) => {
    const page = pageRequest(args);
    return ctx.loaders.relations.load({ id: e.id, types: args.types ?? null, asOf: args.asOf ?? null, includeRetracted: args.includeRetracted ?? false, ...page });
  },
};

interface MembersArgs {
  asOf?: string | null;
  role?: string | null;
  includeRetracted?: boolean | null;
}

/** The members of a party or organisation: those holding on `asOf` (filtered by the loader's query), of `role`. */
export async function membersOf(e: EntityRecord, { asOf, role, includeRetracted }: MembersArgs, ctx: GraphContext): Promise<FactRecord[]> {
  const members = await ctx.loaders.factsLinked.load({ label: 'Membership', link: 'OBJECT', id: e.id, includeRetracted: includeRetracted ?? false, asOf: asOf ?? null });
  return role ? members.filter((m) => m.role === role) : members;
}

/** Every fact type's citations. */
export const factCitations = (f: FactRecord, _args: unknown, ctx: GraphContext) => ctx.loaders.citations.load(f.id);
