// Per-request DataLoaders: every field that fans out over a list batches through one of these, so an
// operation's round trips grow with the depth of the query, never with the number of items.
import DataLoader from 'dataloader';
import type { LinkType } from '../dataset/to-graph.js';
import type { Database } from '../neo4j/database.js';
import { historyOf, type ChangeRecord } from './curation-repository.js';
import { entitiesByIds, eventPages, relationsOf, type EventsRequest, type RelationsRequest } from './entity-repository.js';
import { citationsOf, claimsOf, factsByIds, factsLinkedTo, sourcesByIds, type FactLinkKey } from './fact-repository.js';
import type { Connection } from './pagination.js';
import type { CitationProjection, ReadProjection, RelationProperty } from './fragments.js';
import type { Prime } from './prefetch-repository.js';
import type { CitationRecord, ClaimRecord, EntityRecord, FactRecord, RelationRecord, SourceRecord } from './records.js';
import { citationsOfSource, type SourceCitationRecord, type SourceCitationsRequest } from './source-repository.js';
import { timelinesOf, type TimelineEntryRecord, type TimelineRequest } from './timeline-repository.js';

export interface FactLinkRequest extends FactLinkKey {
  id: string;
}

export interface Loaders {
  entity: DataLoader<string, EntityRecord | null>;
  fact: DataLoader<string, FactRecord | null>;
  source: DataLoader<string, SourceRecord | null>;
  citations: DataLoader<string, CitationRecord[]>;
  claims: DataLoader<string, ClaimRecord[]>;
  factsLinked: DataLoader<FactLinkRequest, FactRecord[], string>;
  relations: DataLoader<RelationsRequest, Connection<RelationRecord>, string>;
  events: DataLoader<EventsRequest, Connection<EntityRecord>, string>;
  /** Timeline pages (`Person.timeline`, `Party.timeline`); the events, elections and facts they name go to the other loaders. */
  timeline: DataLoader<TimelineRequest, Connection<TimelineEntryRecord>, string>;
  /** Pages of a source's citations (`Source.citations`), in text order. */
  sourceCitations: DataLoader<SourceCitationsRequest, Connection<SourceCitationRecord>, string>;
  /** The audit trail of an entity or fact (`history`). */
  history: DataLoader<string, ChangeRecord[]>;
}

/** The query a fact-link request belongs to: facts with and without the retracted ones, or on another day, differ. */
function factLinkGroup(r: FactLinkRequest): string {
  return `${r.label}|${r.link}|${r.includeRetracted ? 'all' : 'live'}|${r.asOf ?? ''}`;
}

function factLinkKey(r: FactLinkRequest): string {
  return `${factLinkGroup(r)}|${r.id}`;
}

/** A cache key for a request object that does not depend on the order its properties were written in. */
export function stableKey<T extends object>(request: T): string {
  return JSON.stringify(Object.entries(request).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function byId<T>(load: (ids: readonly string[]) => Promise<Map<string, T>>, fallback: T | null = null) {
  return async (ids: readonly string[]) => {
    const found = await load(ids);
    return ids.map((id) => found.get(id) ?? fallback);
  };
}

function loaderFactories(db: Database, projection: Projected, loaders: Loaders): { [K in keyof Loaders]: () => Loaders[K] } {
  return {
    entity: () =>
      new DataLoader(byId((ids) => entitiesByIds(db, ids, projection.props))),
    fact: () =>
      new DataLoader(byId((ids) => factsByIds(db, ids, projection.factProps, projection.factLinks ?? null))),
    source: () =>
      new DataLoader(byId((ids) => sourcesByIds(db, ids))),
    citations: () =>
      new DataLoader(async (ids) => {
        const found = await citationsOf(db, ids, citationsProjected(projection));
        return ids.map((id) => found.get(id) ?? []);
      }),
    claims: () =>
      new DataLoader(async (ids) => {
        const found = await claimsOf(db, ids, citationsProjected(projection));
        return ids.map((id) => found.get(id) ?? []);
      }),
    factsLinked: () =>
      new DataLoader(
        async (requests) => {
          // One query per (label, link) pair present in the batch: bounded by the schema, not by the data.
          const groups = new Map<string, FactLinkRequest[]>();
          for (const r of requests) {
            const key = factLinkGroup(r);
            groups.set(key, [...(groups.get(key) ?? []), r]);
          }
          const results = new Map<string, FactRecord[]>();
          await Promise.all(
            [...groups.values()].map(async (group) => {
              const first = group[0]!;
              const found = await factsLinkedTo(db, first, [...new Set(group.map((r) => r.id))], projection.factProps, projection.factLinks ?? null);
              for (const r of group) results.set(factLinkKey(r), found.get(r.id) ?? []);
            }),
          );
          return requests.map((r) => results.get(factLinkKey(r)) ?? []);
        },
        { cacheKeyFn: factLinkKey },
      ),
    relations: () =>
      new DataLoader((requests) => relationsOf(db, requests), { cacheKeyFn: stableKey }),
    events: () =>
      new DataLoader((requests) => eventPages(db, requests, projection.props), { cacheKeyFn: stableKey }),
    timeline: () =>
      new DataLoader(
        async (requests) => {
          const pages = await timelinesOf(db, requests, projection.props, projection.factProps, projection.factLinks ?? null);
          // The events, elections and facts the entries name came with the page: the entries' fields find them.
          for (const page of pages) {
            for (const entity of page.entities) loaders.entity.prime(entity.id, entity);
            for (const fact of page.facts) loaders.fact.prime(fact.id, fact);
          }
          return pages.map((p) => p.connection);
        },
        { cacheKeyFn: stableKey },
      ),
    sourceCitations: () =>
      // One query per page asked (a page is bounded by its own LIMIT); the planned `source` root primes its page.
      new DataLoader((requests) => Promise.all(requests.map((r) => citationsOfSource(db, r.sourceId, r))), { cacheKeyFn: stableKey }),
    history: () =>
      new DataLoader(async (ids) => {
        const found = await historyOf(db, ids);
        return ids.map((id) => found.get(id) ?? []);
      }),
  };
}

/**
 * The request's loaders, each made on first use: most operations touch two or three of the nine, and a
 * request should not pay for the others. Entities are read with the operation's projection.
 */
export function createLoaders(db: Database, projection: Projected = { props: null, factProps: null, citationProps: null, sourceProps: null }): Loaders {
  const loaders = {} as Loaders;
  const make = loaderFactories(db, projection, loaders);
  const made: Partial<Loaders> = {};
  for (const name of Object.keys(make) as (keyof Loaders)[]) {
    Object.defineProperty(loaders, name, {
      enumerable: true,
      get: () => (made[name] ??= make[name]() as never),
    });
  }
  return loaders;
}

/** The properties an operation reads of entities (`props`) and facts (`factProps`); null reads whole records. */
interface Projected {
  props: readonly string[] | null;
  factProps: readonly string[] | null;
  citationProps: readonly string[] | null;
  sourceProps: readonly string[] | null;
  /** The fact links its resolvers follow; null or absent: all. */
  factLinks?: readonly LinkType[] | null;
}

/** The citation side of an operation's projection. */
export function citationsProjected(projection: Projected): CitationProjection {
  return { citation: projection.citationProps, source: projection.sourceProps };
}

/** An operation's projection as the planned reads take it, whole. */
export function readProjection(projection: Projected & { relationProps: readonly RelationProperty[] | null }): ReadProjection {
  return { entity: projection.props, fact: projection.factProps, citations: citationsProjected(projection), relation: projection.relationProps, links: projection.factLinks ?? null };
}

/** Puts prefetched answers into the loaders, so the resolvers that ask for them next send no query. */
export function primeLoaders(loaders: Loaders, primes: readonly Prime[]): void {
  for (const p of primes) {
    // Each prime names its loader and carries that loader's key and value types (the Prime union says which).
    (loaders[p.loader] as DataLoader<Prime['key'], Prime['value'], unknown>).prime(p.key, p.value);
  }
}
