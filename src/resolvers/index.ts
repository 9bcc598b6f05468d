// All resolver modules, merged into one map for Apollo. Each module owns one domain of the schema.
import type { Resolvers } from '../generated/graphql.js';
import { aliasResolvers } from './aliases.js';
import { courtCaseResolvers } from './court-case.js';
import { curationResolvers, DateTimeScalar, idempotentMutations } from './curation.js';
import { electionResolvers } from './election.js';
import { graphResolvers } from './graph.js';
import { legislatureResolvers } from './legislature.js';
import { mentionResolvers } from './mentions.js';
import { networkLimitsResolvers } from './network-limits.js';
import { nodeResolvers } from './node.js';
import { organizationResolvers } from './organization.js';
import { partyResolvers } from './party.js';
import { personResolvers } from './person.js';
import { provenanceResolvers } from './provenance.js';
import { DateScalar } from './scalars.js';
import { searchResolvers } from './search.js';
import { valueResolvers } from './values.js';

const modules: Resolvers[] = [
  nodeResolvers,
  personResolvers,
  partyResolvers,
  organizationResolvers,
  electionResolvers,
  courtCaseResolvers,
  searchResolvers,
  graphResolvers,
  networkLimitsResolvers,
  valueResolvers,
  curationResolvers,
  provenanceResolvers,
  legislatureResolvers,
  mentionResolvers,
  aliasResolvers,
];

/** Merges the modules type by type; two modules defining the same field is a programming error. */
function merge(parts: Resolvers[]): Resolvers {
  const out: Record<string, Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [type, fields] of Object.entries(part as Record<string, Record<string, unknown>>)) {
      const target = (out[type] ??= {});
      for (const [field, resolver] of Object.entries(fields)) {
        if (field in target) throw new Error(`resolver ${type}.${field} is defined twice`);
        target[field] = resolver;
      }
    }
  }
  return out as Resolvers;
}

const merged = merge(modules);

export const resolvers: Resolvers = { ...merged, Mutation: idempotentMutations(merged.Mutation), Date: DateScalar, DateTime: DateTimeScalar };
