// Every setting of the app, parsed once from the environment with zod; a bad value stops the process with a
// message naming the variable, before anything starts.
import { z } from 'zod';
import { parseApiKeys } from './auth.js';

const port = z.coerce.number().int().min(0).max(65535);
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const memory = z.string().regex(/^\d+[kmg]?$/i, 'must be a size like 512m or 1g');
const duration = z.string().regex(/^\d+(ms|s)$/, 'must be a duration like 30s or 500ms');
const limit = z.coerce.number().int().min(1);

export const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: port.default(4000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATA_DIR: z.string().min(1).default('./.data'),
    NEO4J_URI: z
      .string()
      .regex(/^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/.+/, 'must be a neo4j:// or bolt:// URI')
      .optional(),
    NEO4J_USER: z.string().default('neo4j'),
    NEO4J_PASSWORD: z.string().optional(),
    NEO4J_DATABASE: z.string().min(1).optional(),
    NEO4J_BOLT_PORT: port.refine((p) => p > 0, 'must be a port number above 0').default(7687),
    NEO4J_HEAP: memory.default('768m'),
    NEO4J_PAGECACHE: memory.default('512m'),
    NEO4J_TX_MEMORY: memory.default('256m'),
    /** Server-side limit on any transaction (embedded Neo4j) and the driver's per-query timeout. */
    NEO4J_TX_TIMEOUT: duration.default('30s'),
    NEO4J_MAX_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(50),
    /** Load the seed dataset at start when the database holds no entities. */
    SEED_ON_START: bool.default(true),
    /** `name:role:secret,...` (roles reader, editor, admin); parsed into names, roles and SHA-256 hashes only. */
    API_KEYS: z
      .string()
      .default('')
      .transform((text, ctx) => {
        const { keys, problems } = parseApiKeys(text);
        for (const problem of problems) ctx.addIssue({ code: 'custom', message: problem });
        return keys;
      }),
    /** When true, every request (reads too) needs a recognised API key. */
    REQUIRE_AUTH_FOR_READS: bool.default(false),
    // Protection of the public API (docs/operations.md): limits checked before any database work.
    /** Time budget of one GraphQL operation; its queries get what is left as their transaction timeout. */
    OPERATION_TIMEOUT: duration.default('10s'),
    /**
     * Deepest field nesting: a structural cap only (the estimated cost governs what a deep query may ask); it keeps
     * the walks over a document (validation, the cost estimate) short.
     */
    MAX_DEPTH: limit.default(40),
    /** Estimated cost of one operation (src/cost/estimate.ts: records produced, sized by the data) above which it is refused. */
    MAX_COST: limit.default(20000),
    /** Estimated cost above which an operation is expensive: it waits for a slot of the shared gate and gets EXPENSIVE_DB_BUDGET. */
    EXPENSIVE_COST: limit.default(1000),
    /** Expensive operations running at once. */
    EXPENSIVE_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(1),
    /** Expensive operations allowed to wait for a slot; more are refused at once (OVERLOADED, 503). */
    EXPENSIVE_QUEUE: z.coerce.number().int().min(0).max(10000).default(16),
    /** Longest wait for a slot before OVERLOADED (503 with Retry-After). */
    EXPENSIVE_WAIT: duration.default('3s'),
    /** Queries of expensive operations (all of them together) running in Neo4j at once; the others wait their turn. */
    EXPENSIVE_DB_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(1),
    /** After an expensive operation's query of d ms, its lane slot rests PACE × d ms (0: none): at most 1/(1+PACE) of the slot's time. */
    EXPENSIVE_DB_PACE: z.coerce.number().min(0).max(100).default(1),
    /** Time budget of an expensive operation once admitted (its queries' transaction timeouts), within OPERATION_TIMEOUT. */
    EXPENSIVE_DB_BUDGET: duration.default('4s'),
    /** How old the store-wide counts behind the cost estimate may get before they are read again. */
    COST_STATS_TTL: duration.default('30s'),
    MAX_ALIASES: limit.default(30),
    MAX_TOKENS: limit.default(2000),
    MAX_DIRECTIVES: limit.default(20),
    /** Requests per minute per API key (Authorization header) or client address; 0 turns the limit off. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
    /** Proxy hops in front of the app whose X-Forwarded-For is trusted for the client address (0: none). */
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    /** Origins allowed by CORS: `*`, or a comma-separated list like `https://app.example`; empty: none. */
    CORS_ORIGINS: z
      .string()
      .transform((text) => text.split(',').map((origin) => origin.trim()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^(\*|https?:\/\/[^/\s,]+)$/, 'must be * or origins like https://app.example')))
      .default([]),
    /** Schema introspection; unset means on, except when NODE_ENV=production. */
    INTROSPECTION: bool.optional(),
    /** One Cypher query per root field (query planning); off: the resolvers load level by level (DataLoaders). */
    PREFETCH: bool.default(true),
    /** Automatic persisted queries (Apollo's protocol, in-memory cache). */
    PERSISTED_QUERIES: bool.default(true),
    /** A JSON manifest `{ "<sha256>": "<document>" }`: when set, only these operations are accepted. */
    TRUSTED_DOCUMENTS: z.string().min(1).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.NEO4J_URI && c.NEO4J_PASSWORD === undefined && !/^(bolt|neo4j):\/\/(127\.0\.0\.1|localhost)/.test(c.NEO4J_URI)) {
      ctx.addIssue({ code: 'custom', path: ['NEO4J_PASSWORD'], message: 'is required for a remote NEO4J_URI' });
    }
  });

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Variables whose values hold secrets: never echoed in an error message. */
const secretVariables = new Set(['API_KEYS', 'NEO4J_PASSWORD']);

/** Parses the environment; empty strings count as unset so `PORT= npm start` means the default. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(ConfigSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = ConfigSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.') || 'environment';
        const given = secretVariables.has(name) ? undefined : input[name];
        return `${name}: ${issue.message}${given === undefined ? '' : ` (got "${given}")`}`;
      }),
    );
  }
  return parsed.data;
}

/** Milliseconds of a `30s` / `500ms` duration setting. */
export function durationMs(text: string): number {
  return text.endsWith('ms') ? Number(text.slice(0, -2)) : Number(text.slice(0, -1)) * 1000;
}
