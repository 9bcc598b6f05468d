// The per-operation deadline (OPERATION_TIMEOUT): its clock starts when Apollo receives the operation, and every
// database query of the operation gets only the time left as its transaction timeout (OperationDeadline in
// src/neo4j/database.ts), so no operation runs unbounded. What runs out answers OPERATION_TIMEOUT (src/errors.ts).
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphContext } from '../context.js';

export function deadlinePlugin(budgetMs: number): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart({ contextValue }) {
      contextValue.db.deadline.start(budgetMs);
    },
  };
}
