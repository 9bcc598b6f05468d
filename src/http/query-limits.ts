// What one GraphQL operation may ask for: depth, aliases and directives (graphql-armor's validation rules),
// tokens (graphql-js's own parser limit), and cost: estimated once the variables are known, from the data's real
// sizes (src/cost/). All are checked before any resolver runs and refused with QUERY_TOO_COMPLEX naming the limit
// (src/errors.ts). Operations estimated expensive then pass one shared gate (a concurrency cap with a bounded
// wait, OVERLOADED beyond it) and get a shorter database budget. Field suggestions ("Did you mean ...?") are
// masked in production, where they would map the schema for a prober.
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { type GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import { durationMs, type Config } from '../config.js';
import type { GraphContext } from '../context.js';
import { AdmissionGate, AdmissionRefused } from '../cost/admission.js';
import { estimateOperation, rootEntityIds } from '../cost/estimate.js';
import { analysisOf } from '../resolvers/analysis.js';
import { GraphSizes, type SizeSource } from '../cost/sizes.js';
import { OverloadedError, QueryLimitError, type QueryLimit } from '../errors.js';
import { QueryLane, type Database } from '../neo4j/database.js';
import type { StoreCounts } from '../repositories/degree-repository.js';

export interface QueryLimits {
  plugins: ApolloServerPlugin<GraphContext>[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
}

type LimitsConfig = Pick<
  Config,
  | 'MAX_DEPTH'
  | 'MAX_COST'
  | 'MAX_ALIASES'
  | 'MAX_DIRECTIVES'
  | 'MAX_TOKENS'
  | 'NODE_ENV'
  | 'EXPENSIVE_COST'
  | 'EXPENSIVE_DB_CONCURRENCY'
  | 'EXPENSIVE_DB_PACE'
  | 'EXPENSIVE_CONCURRENCY'
  | 'EXPENSIVE_QUEUE'
  | 'EXPENSIVE_WAIT'
  | 'EXPENSIVE_DB_BUDGET'
  | 'COST_STATS_TTL'
>;

/** Armor reports through our callback, so the error carries our code and which limit was hit. */
function reportAs(limit: QueryLimit) {
  return {
    propagateOnRejection: false,
    onReject: [
      // Armor words its messages as syntax errors ("Syntax Error: Query depth limit of 12 exceeded"); they are not.
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(new QueryLimitError(error.message.replace(/^Syntax Error: /, ''), limit)),
    ],
  };
}

/**
 * `database` reads the store-wide counts (on no request's account); `sizes` replaces that source (tests).
 */
export function queryLimits(config: LimitsConfig, database: Database, sizes: SizeSource = new GraphSizes(database, durationMs(config.COST_STATS_TTL))): QueryLimits {
  const armor = new ApolloArmor({
    maxDepth: { n: config.MAX_DEPTH, ...reportAs('maxDepth') },
    // Armor's cost reads only literal `first`s and knows nothing of the data: our estimate replaces it (costPlugin).
    costLimit: { enabled: false },
    maxAliases: { n: config.MAX_ALIASES, ...reportAs('maxAliases') },
    maxDirectives: { n: config.MAX_DIRECTIVES, ...reportAs('maxDirectives') },
    // Armor's token plugin throws from Apollo's parsingDidStart hook, which Apollo 5 answers with a 500 and an
    // "unexpected error" log line. graphql-js's parser has the same limit built in (parseOptions below): the
    // parse stops at the limit and Apollo answers 400.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: config.NODE_ENV === 'production' },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    // Armor is typed against @apollo/server's CommonJS declarations, we against its ESM ones: same runtime shape.
    plugins: [...(plugins as unknown as ApolloServerPlugin<GraphContext>[]), costPlugin(config, sizes)],
    validationRules,
    parseOptions: { maxTokens: config.MAX_TOKENS },
  };
}

/** The cost of one operation as the response reports it (`extensions.cost`). */
export interface CostReport {
  /** Records the answer is estimated to hold (MAX_COST bounds it). */
  estimate: number;
  /** Reads beyond the answer of roots that scan (a neighbourhood's walk, duplicate candidates' comparisons). */
  work: number;
  limit: number;
  /** Estimate or work above EXPENSIVE_COST: it went through the shared gate and ran on the shorter database budget. */
  expensive: boolean;
}

/**
 * Estimates each operation's cost once its variables are known (Apollo's didResolveOperation), refuses it above
 * MAX_COST, and admits expensive ones (by their records or their work) through the shared gate. Each entity looked
 * up by id is sized by its own degrees from the table of degrees (src/cost/sizes.ts), with no query of the
 * operation's; for an entity the table does not hold yet, the first estimate bounds it by its label's total counts,
 * and only when that bound is above EXPENSIVE_COST are its real degrees read (one round trip, getDegree), which
 * can only lower the estimate.
 */
export function costPlugin(config: LimitsConfig, sizes: SizeSource): ApolloServerPlugin<GraphContext> {
  const gate = new AdmissionGate({ concurrency: config.EXPENSIVE_CONCURRENCY, queueLength: config.EXPENSIVE_QUEUE, maxWaitMs: durationMs(config.EXPENSIVE_WAIT) });
  const budgetMs = durationMs(config.EXPENSIVE_DB_BUDGET);
  // However many root fields or aliases an admitted operation fans out to, its queries take turns here.
  const lane = new QueryLane(config.EXPENSIVE_DB_CONCURRENCY, config.EXPENSIVE_DB_PACE);
  const refine = Math.min(config.EXPENSIVE_COST, config.MAX_COST);
  return {
    async requestDidStart() {
      let release: (() => void) | null = null;
      let report: CostReport | null = null;
      return {
        async didResolveOperation(requestContext) {
          const { operation, contextValue } = requestContext;
          if (!operation) return;
          // The operation's one analysis (src/resolvers/analysis.ts): its coerced variables and plans; the cost is added to it.
          const analysis = analysisOf(requestContext);
          if (!analysis) return; // variables that do not coerce: execution answers them, with no resolver run
          const { input } = analysis;
          let counts: StoreCounts | null = null;
          try {
            counts = await sizes.counts();
          } catch {
            // Neo4j unreachable: estimate from `first`s and default sizes; the resolvers will say what is wrong.
          }
          const ids = counts ? rootEntityIds(input) : [];
          const known = ids.length > 0 ? (sizes.knownDegrees?.(ids) ?? null) : new Map();
          let { estimate, work } = estimateOperation(input, { counts, roots: known });
          if (!known && Math.max(estimate, work) > refine) ({ estimate, work } = estimateOperation(input, { counts, roots: await sizes.degrees(contextValue.db, ids) }));
          analysis.cost = { estimate, work };
          report = { estimate, work, limit: config.MAX_COST, expensive: Math.max(estimate, work) > config.EXPENSIVE_COST };
          if (estimate > config.MAX_COST) {
            throw new QueryLimitError(`Query cost ${estimate} exceeds the limit of ${config.MAX_COST}; ask for smaller pages or fewer levels.`, 'maxCost', {
              cost: estimate,
              maxCost: config.MAX_COST,
            });
          }
          if (!report.expensive) return;
          try {
            release = await gate.acquire();
          } catch (error) {
            if (error instanceof AdmissionRefused) throw new OverloadedError(error.message, error.retryAfterSeconds);
            throw error;
          }
          contextValue.db.deadline.narrow(budgetMs);
          contextValue.db.queueIn(lane);
        },
        async willSendResponse({ response }) {
          release?.();
          release = null;
          if (report && response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: report };
          }
        },
      };
    },
  };
}
