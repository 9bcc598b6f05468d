// The one way the app talks to Neo4j: a driver (embedded or external, incl. neo4j:// clusters) and small
// read/write helpers that run managed transactions (retried on transient errors) and count round trips.
import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';

export interface Neo4jConnection {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
  maxPoolSize: number;
  txTimeoutMs: number;
}

export function createDriver(connection: Neo4jConnection): Driver {
  const auth =
    connection.password === undefined ? undefined : neo4j.auth.basic(connection.user ?? 'neo4j', connection.password);
  return neo4j.driver(connection.uri, auth, {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: connection.maxPoolSize,
    // Fail fast when the database is gone, rather than hanging requests (seconds, not minutes).
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 3_000,
    maxTransactionRetryTime: 5_000,
    userAgent: 'kz-political-graph',
  });
}

/** Counts the database round trips of one GraphQL operation (a test asserts this does not grow with N). */
export class RoundTripCounter {
  count = 0;
}

export type Params = Record<string, unknown>;

/** JS numbers reach Cypher as floats; LIMIT and SKIP need integers. */
export function int(n: number) {
  return neo4j.int(n);
}

/** A handle bound to one request: every query through it is counted. */
export class Database {
  constructor(
    readonly driver: Driver,
    private readonly connection: Pick<Neo4jConnection, 'database' | 'txTimeoutMs'>,
    readonly counter: RoundTripCounter = new RoundTripCounter(),
  ) {}

  forRequest(counter: RoundTripCounter): Database {
    return new Database(this.driver, this.connection, counter);
  }

  /** One auto-committed read query, sent as a read transaction so a cluster can route it to a follower. */
  async read<T>(cypher: string, params: Params, parse: (record: RecordShape) => T): Promise<T[]> {
    this.counter.count += 1;
    const result = await this.driver.executeQuery(cypher, params, {
      routing: neo4j.routing.READ,
      database: this.connection.database,
      transactionConfig: { timeout: this.connection.txTimeoutMs },
    });
    return result.records.map((r) => parse(r.toObject()));
  }

  /** A single write query in its own transaction. */
  async write(cypher: string, params: Params): Promise<QueryResult> {
    this.counter.count += 1;
    return this.driver.executeQuery(cypher, params, {
      routing: neo4j.routing.WRITE,
      database: this.connection.database,
      transactionConfig: { timeout: this.connection.txTimeoutMs },
    });
  }

  /** Several statements in one all-or-nothing write transaction, retried as a whole on transient errors. */
  async writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    this.counter.count += 1;
    const session = this.driver.session({ database: this.connection.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work, { timeout: timeoutMs ?? this.connection.txTimeoutMs });
    } finally {
      await session.close();
    }
  }

  /** A read in one transaction with several statements (exports). */
  async readTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    this.counter.count += 1;
    const session = this.driver.session({ database: this.connection.database, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work, { timeout: timeoutMs ?? this.connection.txTimeoutMs });
    } finally {
      await session.close();
    }
  }
}

/** Waits until Neo4j answers, retrying with backoff; throws the last error after `timeoutMs`. */
export async function waitForDatabase(driver: Driver, timeoutMs: number, onRetry?: (error: unknown, attempt: number) => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await driver.verifyConnectivity();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      onRetry?.(error, attempt);
      await new Promise((r) => setTimeout(r, Math.min(200 * 2 ** attempt, 5_000)));
    }
  }
}
