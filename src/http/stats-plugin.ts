// Reports how many database round trips an operation took, in the response's `extensions.stats`: the
// no-N+1 test and the benchmarks read it, and integrators can watch their queries' cost.
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphContext } from '../context.js';

export function statsPlugin(): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              stats: { databaseRoundTrips: contextValue.db.counter.count },
            };
          }
        },
      };
    },
  };
}
