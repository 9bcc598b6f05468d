// Values the sources may dispute (`IntValue`, `FloatValue`...): a plain value only where they agree, and
// always every claim with its citations. A plain value's one claim carries exactly the citations that state it:
// its own when written with them, otherwise those of its owner's that state it (src/domain/value-citations.ts).
import type { GraphContext } from '../context.js';
import { partialDate } from '../domain/partial-date.js';
import { statesValue } from '../domain/value-citations.js';
import type { Resolvers } from '../generated/graphql.js';
import type { ValueClaimRecord, ValueRecord } from './mappers.js';
import { requireEntity } from './shared.js';

async function claims(v: ValueRecord, ctx: GraphContext): Promise<ValueClaimRecord[]> {
  if (v.claims) return v.claims;
  const own = (await ctx.loaders.claims.load(v.ownerId)).filter((c) => c.field === v.field);
  if (v.disputed || own.length > 0) return own.map((c) => ({ value: c.value, qualifier: c.qualifier, citations: c.citations }));
  const stating = (await ctx.loaders.citations.load(v.ownerId)).filter((c) => statesValue(v.field, v.plain, c.quote));
  return [{ value: v.plain, qualifier: null, citations: stating }];
}

const num = (x: unknown) => Number(x);
const text = (x: unknown) => String(x);
const date = (x: unknown) => partialDate(String(x));

export const valueResolvers: Resolvers = {
  IntValue: { value: (v) => (v.disputed ? null : num(v.plain)), disputed: (v) => v.disputed, claims: (v, _a, ctx) => claims(v, ctx) },
  FloatValue: { value: (v) => (v.disputed ? null : num(v.plain)), disputed: (v) => v.disputed, claims: (v, _a, ctx) => claims(v, ctx) },
  StringValue: { value: (v) => (v.disputed ? null : text(v.plain)), disputed: (v) => v.disputed, claims: (v, _a, ctx) => claims(v, ctx) },
  PartialDateValue: { value: (v) => (v.disputed ? null : date(v.plain)), disputed: (v) => v.disputed, claims: (v, _a, ctx) => claims(v, ctx) },
  EntityValue: {
    value: (v, _a, ctx) => (v.disputed ? null : requireEntity(ctx, text(v.plain))),
    disputed: (v) => v.disputed,
    claims: (v, _a, ctx) => claims(v, ctx),
  },
  IntClaim: { value: (c) => num(c.value) },
  FloatClaim: { value: (c) => num(c.value) },
  StringClaim: { value: (c) => text(c.value) },
  PartialDateClaim: { value: (c) => date(c.value) },
  EntityClaim: { value: (c, _a, ctx) => requireEntity(ctx, text(c.value)) },
};
