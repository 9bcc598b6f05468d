// What one GraphQL document may ask for: depth, cost, aliases and directives (graphql-armor's validation rules)
// and tokens (graphql-js's own parser limit). All are checked before any resolver runs, so before any database
// work, and refused with QUERY_TOO_COMPLEX naming the limit (src/errors.ts). Field suggestions ("Did you mean
// ...?") are masked in production, where they would map the schema for a prober.
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, ParseOptions, ValidationContext, ValidationRule } from 'graphql';
import type { Config } from '../config.js';
import type { GraphContext } from '../context.js';
import { QueryLimitError, type QueryLimit } from '../errors.js';

export interface QueryLimits {
  plugins: ApolloServerPlugin<GraphContext>[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
}

type LimitsConfig = Pick<Config, 'MAX_DEPTH' | 'MAX_COST' | 'MAX_ALIASES' | 'MAX_DIRECTIVES' | 'MAX_TOKENS' | 'NODE_ENV'>;

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

export function queryLimits(config: LimitsConfig): QueryLimits {
  const armor = new ApolloArmor({
    maxDepth: { n: config.MAX_DEPTH, ...reportAs('maxDepth') },
    costLimit: { maxCost: config.MAX_COST, ...reportAs('maxCost') },
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
    plugins: plugins as unknown as ApolloServerPlugin<GraphContext>[],
    validationRules,
    parseOptions: { maxTokens: config.MAX_TOKENS },
  };
}
