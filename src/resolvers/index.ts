// All resolver modules, merged into one map for Apollo. Each module owns one domain of the schema.
import type { Resolvers } from '../generated/graphql.js';
import { API_VERSION } from '../version.js';

export const resolvers: Resolvers = {
  Query: {
    apiVersion: () => API_VERSION,
  },
};
