// The one way the app talks to Neo4j: a driver (embedded or external, incl. neo4j:// clusters) and small
// read/write helpers that run managed transactions (retried on transient errors), count round trips, report
// each query to an observer (metrics) and keep it within its GraphQL operation's deadline.
import neo4j, { ManagedTransaction, Neo4jError, type Driver, type QueryResult, type RecordShape, type Transaction } from 'neo4j-driver';

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

export type QueryKind = 'read' | 'write' | 'readTransaction' | 'writeTransaction';

/** Watches every query (the metrics): called as a query starts; the function it returns, as it ends. */
export type QueryObserver = (kind: QueryKind) => (error: unknown) => void;

/** A query was refused, or abandoned, because its GraphQL operation's time budget was spent. */
export class DeadlineExceededError extends Error {
  override name = 'DeadlineExceededError';
}

/**
 * A write transaction failed after its commit was sent (the connection dropped, the database died, or we stopped
 * waiting at the operation deadline while it ran): it may or may not have committed. `cause` says what happened.
 */
export class OutcomeUnknownError extends Error {
  override name = 'OutcomeUnknownError';
  constructor(cause: unknown) {
    super(`the write's outcome is unknown: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** How long a write transaction is tried again on errors Neo4j calls retriable, from the first failure (as the driver's maxTransactionRetryTime). */
const WRITE_RETRY_MS = 5_000;

/**
 * Whether the database answered a COMMIT with an error of its own, so the transaction was rolled back: a client or
 * transient error with a server code. A lost connection (the driver's ServiceUnavailable, SessionExpired) or a
 * database error during the commit leaves the outcome unknown.
 */
export function commitRefused(error: unknown): boolean {
  return error instanceof Neo4jError && /^Neo\.(ClientError|TransientError)\./.test(error.code);
}

/** Whether the database refused a transaction for its size (db.memory.transaction.max, NEO4J_TX_MEMORY): trying again will not help. */
export function isTransactionTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  return code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError' || /db\.memory\.transaction\.max/.test(message);
}

/** Tries of a read Neo4j calls retriable (a leader switch, a transient lock...) before its error is reported. */
const READ_ATTEMPTS = 3;

/** How long after the deadline we stop waiting for Neo4j, which should have stopped the query itself by then. */
const DEADLINE_GRACE_MS = 1_000;

/**
 * The time budget of one GraphQL operation (OPERATION_TIMEOUT). Unstarted it is unlimited (CLIs, migrations);
 * started, each query gets what is left as its transaction timeout, and none starts after it has run out.
 */
export class OperationDeadline {
  private expiresAt = Number.POSITIVE_INFINITY;

  start(budgetMs: number): void {
    this.expiresAt = Date.now() + budgetMs;
  }

  /** Shortens the budget to at most `budgetMs` from now (an expensive operation's database budget, src/cost/). */
  narrow(budgetMs: number): void {
    this.expiresAt = Math.min(this.expiresAt, Date.now() + budgetMs);
  }

  get started(): boolean {
    return Number.isFinite(this.expiresAt);
  }

  /** The transaction timeout for a query starting now: `defaultMs`, or less when less time is left. */
  timeoutFor(defaultMs: number): number {
    const left = this.expiresAt - Date.now();
    if (left <= 0) throw new DeadlineExceededError('The operation deadline passed before this query.');
    return Math.min(defaultMs, Math.ceil(left));
  }

  /**
   * Settles like `pending`, or rejects shortly after the deadline if Neo4j has not answered by then (a hung
   * server would otherwise hold the request open past every timeout).
   */
  async race<T>(pending: Promise<T>): Promise<T> {
    if (!this.started) return pending;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new DeadlineExceededError('Neo4j did not answer before the operation deadline.')),
        Math.max(0, this.expiresAt - Date.now()) + DEADLINE_GRACE_MS,
      );
    });
    pending.catch(() => undefined); // it may lose the race and fail later, unobserved
    try {
      return await Promise.race([pending, expired]);
    } finally {
      clearTimeout(timer);
    }
  }
}

interface DatabaseOptions extends Pick<Neo4jConnection, 'database' | 'txTimeoutMs'> {
  observer?: QueryObserver;
  /**
   * Chain reads to the bookmarks of earlier work (causal consistency), as executeQuery does. Needed where
   * reads may go to another member than the writes (a cluster behind a routing `neo4j://` URI); a direct
   * `bolt://` connection reaches one server, where every read already sees every committed write.
   */
  causal?: boolean;
}

/** Whether a URI routes (a cluster or Aura), so reads and writes may reach different members. */
export function isRoutingUri(uri: string): boolean {
  return /^neo4j(\+s|\+ssc)?:\/\//.test(uri);
}

export interface WriteOptions {
  /**
   * The work may run again after an attempt whose COMMIT failed mid-way (it finds out itself whether that
   * attempt committed: an idempotent mutation's record). Otherwise such a retry is an OutcomeUnknownError.
   */
  repeatable?: boolean;
}

/**
 * A shared lane some requests' queries queue in (at most `concurrency` of them in Neo4j at once): the expensive
 * operations' lane (src/cost/), so that however many root fields or aliases they fan out to, together they hold
 * at most that many of Neo4j's threads and the rest of the machine stays with cheap operations.
 */
export class QueryLane {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  /**
   * `pace`: after a turn that took d ms, its slot rests `pace` × d ms before the next turn (0: none), so the
   * lane's work uses at most 1 / (1 + pace) of its slots' time and the rest of the machine stays with others.
   */
  constructor(
    readonly concurrency: number,
    readonly pace = 0,
  ) {}

  /** Queries in the lane now: running in Neo4j, and waiting for their turn. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Resolves once the caller may send its query, with the function that gives the turn back (call it once). */
  async enter(): Promise<() => void> {
    if (this.running < this.concurrency) this.running += 1;
    else await new Promise<void>((admit) => this.waiting.push(admit));
    // A turn begins after pending I/O (other requests arriving) has been taken in, not inside a burst of
    // promise callbacks: the lane's work is interleaved with everyone else's instead of running back to back.
    await new Promise<void>((next) => setImmediate(next));
    const began = performance.now();
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const pass = () => {
        const next = this.waiting.shift();
        if (next) next(); // the turn passes on directly: `running` stays counted
        else this.running -= 1;
      };
      const rest = this.pace * (performance.now() - began);
      if (rest >= 1) setTimeout(pass, rest);
      else pass();
    };
  }
}

/** A handle bound to one request: every query through it is counted, timed and kept within its deadline. */
export class Database {
  /** The lane this request's queries queue in (set once an operation is found expensive); none: straight to Neo4j. */
  private lane: QueryLane | null = null;

  constructor(
    readonly driver: Driver,
    private readonly connection: DatabaseOptions,
    readonly counter: RoundTripCounter = new RoundTripCounter(),
    readonly deadline: OperationDeadline = new OperationDeadline(),
  ) {}

  /** From now on, this request's queries take turns in `lane` (src/cost/: expensive operations). */
  queueIn(lane: QueryLane): void {
    this.lane = lane;
  }

  forRequest(counter: RoundTripCounter): Database {
    return new Database(this.driver, this.connection, counter, new OperationDeadline());
  }

  /** The same database, with every query (of every request handle made from it) reported to `observer`. */
  observedBy(observer: QueryObserver): Database {
    return new Database(this.driver, { ...this.connection, observer }, this.counter, this.deadline);
  }

  /**
   * One read query in an auto-commit transaction of a READ session, so a cluster routes it to a follower.
   * Auto-commit sends RUN and PULL in one message batch, where a managed transaction (executeQuery) adds a
   * BEGIN and a COMMIT exchange: about a third of the driver's work per query (docs/benchmarks.md). Retried,
   * like a managed transaction, while Neo4j calls the error retriable; on a cluster (`causal`) chained to the
   * same bookmarks as executeQuery, so a read still sees the writes made before it.
   */
  async read<T>(cypher: string, params: Params, parse: (record: RecordShape) => T): Promise<T[]> {
    const result = await this.run('read', undefined, (timeout) => this.autoCommitRead(cypher, params, timeout));
    return result.records.map((r) => parse(r.toObject()));
  }

  /** A session of this database; on a cluster it shares executeQuery's bookmarks, so all work is causally chained. */
  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      database: this.connection.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      ...(this.connection.causal ? { bookmarkManager: this.driver.executeQueryBookmarkManager } : {}),
    });
  }

  private async autoCommitRead(cypher: string, params: Params, timeout: number): Promise<QueryResult> {
    for (let attempt = 1; ; attempt += 1) {
      const session = this.session('READ');
      try {
        return await session.run(cypher, params, { timeout });
      } catch (error) {
        if (attempt >= READ_ATTEMPTS || !(error instanceof Neo4jError && error.retryable)) throw error;
      } finally {
        // A session on a lost connection may fail to close too; that must not hide why the query failed.
        await session.close().catch(() => undefined);
      }
      await new Promise((done) => setTimeout(done, 100 * 2 ** attempt));
    }
  }

  /** A single write query in its own transaction. */
  async write(cypher: string, params: Params): Promise<QueryResult> {
    return this.run('write', undefined, (timeout) =>
      this.driver.executeQuery(cypher, params, {
        routing: neo4j.routing.WRITE,
        database: this.connection.database,
        transactionConfig: { timeout },
      }),
    );
  }

  /**
   * Several statements in one all-or-nothing write transaction, retried as a whole on transient errors. When the
   * COMMIT was sent and no answer came back (the connection dropped, the database died), or after we stopped waiting
   * for a transaction already sent to the driver, it may have committed: that is an OutcomeUnknownError, never a
   * plain failure. When the database answered the COMMIT with an error (it refused the transaction, e.g.
   * Neo.TransientError.General.MemoryPoolOutOfMemoryError for one larger than db.memory.transaction.max), nothing
   * was committed and that error is thrown as it came: refused is not unknown.
   */
  async writeTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number, options: WriteOptions = {}): Promise<T> {
    let sent = false;
    let committing = false;
    try {
      return await this.run('writeTransaction', timeoutMs, async (timeout) => {
        sent = true;
        const session = this.session('WRITE');
        let retryingSince: number | null = null;
        try {
          for (let attempt = 1; ; attempt += 1) {
            let tx: Transaction | null = null;
            try {
              tx = await session.beginTransaction({ timeout });
              const result = await work(ManagedTransaction.fromTransaction(tx));
              committing = true;
              await tx.commit();
              return result;
            } catch (error) {
              if (tx?.isOpen()) await tx.rollback().catch(() => undefined);
              if (committing) {
                // The database's own answer to the COMMIT: rolled back. Anything else: it may have committed.
                if (commitRefused(error)) committing = false;
                else if (!options.repeatable) throw new OutcomeUnknownError(error);
              }
              retryingSince ??= Date.now();
              const retryable = error instanceof Neo4jError && error.retryable && !isTransactionTooLarge(error);
              if (!retryable || Date.now() - retryingSince > WRITE_RETRY_MS) throw error;
            }
            await new Promise((done) => setTimeout(done, Math.min(1_000, 100 * 2 ** attempt)));
          }
        } finally {
          // A session on a lost connection may fail to close too; that must not hide how the write ended.
          await session.close().catch(() => undefined);
        }
      });
    } catch (error) {
      // A deadline passed before the transaction was sent is a plain refusal; one passed after it, abandons a
      // transaction the driver may still begin and commit.
      if (error instanceof OutcomeUnknownError) throw error;
      if (committing || (sent && error instanceof DeadlineExceededError)) throw new OutcomeUnknownError(error);
      throw error;
    }
  }

  /** A read in one transaction with several statements (exports). */
  async readTransaction<T>(work: (tx: ManagedTransaction) => Promise<T>, timeoutMs?: number): Promise<T> {
    return this.run('readTransaction', timeoutMs, async (timeout) => {
      const session = this.session('READ');
      try {
        return await session.executeRead(work, { timeout });
      } finally {
        await session.close();
      }
    });
  }

  /** Every round trip goes through here: counted, given its timeout, watched, and raced against the deadline. */
  private async run<T>(kind: QueryKind, timeoutMs: number | undefined, query: (timeout: number) => Promise<T>): Promise<T> {
    if (!this.lane) return this.send(kind, timeoutMs, query);
    const entering = this.lane.enter();
    let leave: () => void;
    try {
      leave = await this.deadline.race(entering);
    } catch (error) {
      void entering.then((turn) => turn()); // out of time while waiting: the turn, when it comes, is passed on
      throw error;
    }
    try {
      return await this.send(kind, timeoutMs, query);
    } finally {
      leave();
    }
  }

  private async send<T>(kind: QueryKind, timeoutMs: number | undefined, query: (timeout: number) => Promise<T>): Promise<T> {
    this.counter.count += 1;
    const timeout = this.deadline.timeoutFor(timeoutMs ?? this.connection.txTimeoutMs);
    const done = this.connection.observer?.(kind);
    try {
      const result = await this.deadline.race(query(timeout));
      done?.(null);
      return result;
    } catch (error) {
      done?.(error);
      throw error;
    }
  }
}

/**
 * Waits until Neo4j answers, retrying with backoff (0.4 s doubling to 5 s); throws the last error after
 * `timeoutMs` (Infinity: keep trying), when `signal` aborts (the app is stopping), or at once when Neo4j refuses
 * the credentials (waiting will not fix a wrong password).
 */
export async function waitForDatabase(
  driver: Driver,
  timeoutMs: number,
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await driver.verifyConnectivity();
      return;
    } catch (error) {
      const refusedCredentials = error instanceof Neo4jError && error.code.startsWith('Neo.ClientError.Security.');
      if (refusedCredentials || Date.now() > deadline || signal?.aborted) throw error;
      const delayMs = Math.min(200 * 2 ** attempt, 5_000);
      onRetry?.(error, attempt, delayMs);
      await new Promise<void>((done) => {
        const timer = setTimeout(done, delayMs);
        signal?.addEventListener('abort', () => (clearTimeout(timer), done()), { once: true });
      });
      if (signal?.aborted) throw error;
    }
  }
}
