// Merging two records of one real entity: the kept record absorbs the dropped one's names (as aliases),
// citations, missing fields and nested facts; every record that referred to the dropped id is rewritten to the
// kept one; the dropped node goes and a :Redirect keeps its id (and its nested facts' ids) resolving.
import { ownerOf, type CollectionRecord } from '../dataset/from-graph.js';
import type { Citation } from '../dataset/schema.js';
import type { Database } from '../neo4j/database.js';
import {
  copyRetractions,
  deleteMergedEntity,
  moveHistory,
  recordsReferring,
  writeRedirects,
} from '../repositories/curation-repository.js';
import { dateRule, refines } from '../domain/date-claims.js';
import { mergeAllClaims, valueRule, type Claimable, type ClaimHolders, type ClaimRule } from '../domain/value-claims.js';
import { electionValueFields } from '../dataset/to-graph.js';
import { partiesNamingInLineage } from '../repositories/lineage-repository.js';
import { refuse, replaceReferences, runEdit } from './engine.js';
import type { MutationResult } from './mutations.js';

/** Lists of facts nested in an entity record, with the id segment their facts carry. */
const nestedLists = { names: 'name', findings: 'finding', parties: 'party', participants: 'participant' } as const;
type NestedList = keyof typeof nestedLists;
const ownFields = new Set(['id', 'name', 'aliases', 'description', 'citations', 'identifiers', 'images', 'links', ...Object.keys(nestedLists)]);
/** Single references that would point at the entity itself once the dropped id reads as the kept one. */
const selfReferences = ['parent', 'place', 'within', 'body', 'court'];
/** Folds the dropped record's value of a field into the kept one's (undefined: keep the kept one's). */
type Folding = (field: string, keep: Record<string, unknown>, drop: Record<string, unknown>, holders: ClaimHolders) => unknown;
const folding =
  <T>(rule: ClaimRule<T>): Folding =>
  (field, k, d, holders) =>
    mergeAllClaims({ rule, field, storedCitations: k.citations as Citation[], incomingCitations: d.citations as Citation[], conflicts: [], holders }, k[field] as Claimable<T>, d[field] as Claimable<T>);
const byDate = folding(dateRule);
const byValue = folding(valueRule);
/** The fields of an entity record the sources may dispute (`claimable` in src/dataset/schema.ts), and how they fold. */
const claimableFields: Partial<Record<CollectionRecord['collection'], [string, Folding][]>> = {
  elections: [['date', byDate], ...electionValueFields.map((f): [string, Folding] => [f, byValue])],
  events: [['date', byDate]],
  courtCases: [
    ['maxPenalty', byValue],
    ['status', byValue],
  ],
};

interface Alias {
  name: string;
  lang?: string | undefined;
  script?: string | undefined;
  kind?: string | undefined;
  citations?: Citation[] | undefined;
}

type Lineage = { name: string; names?: string[] | undefined; party?: string | undefined; date?: string | undefined; citations: Citation[] };
const lineageFields = ['predecessors', 'successors'] as const;

/**
 * A party record's predecessors and successors once merged ids read as the kept one: one entry per party (or, where
 * the graph holds none, per name), the entries naming one party joined (names and citations together, the first
 * entry's date unless it has none). An entry naming the party itself (its predecessor merged into it: the two were
 * one party) is no lineage any more: its names become the party's former names (FORMER aliases cited by the entry).
 */
export function joinLineage(record: Record<string, unknown>): void {
  const self = String(record.id);
  const aliases = [...((record.aliases as Alias[] | undefined) ?? [])];
  const known = new Set([String(record.name), ...aliases.map((a) => a.name)]);
  for (const field of lineageFields) {
    const list = record[field] as Lineage[] | undefined;
    if (list === undefined) continue;
    const joined: Lineage[] = [];
    for (const entry of list) {
      if (entry.party === self) {
        for (const name of [entry.name, ...(entry.names ?? [])]) {
          if (!known.has(name)) aliases.push({ name, kind: 'FORMER', citations: entry.citations });
          known.add(name);
        }
        continue;
      }
      const same = joined.findIndex((x) => (entry.party !== undefined ? x.party === entry.party : x.party === undefined && x.name === entry.name));
      if (same < 0) {
        joined.push(entry);
        continue;
      }
      const x = joined[same]!;
      const names = [...new Set([...(x.names ?? []), entry.name, ...(entry.names ?? [])])].filter((n) => n !== x.name);
      joined[same] = { ...x, ...(names.length > 0 ? { names } : {}), ...(x.date === undefined && entry.date !== undefined ? { date: entry.date } : {}), citations: mergeCitations(x.citations, entry.citations) };
    }
    if (joined.length > 0) record[field] = joined;
    else delete record[field];
  }
  record.aliases = aliases;
}

function mergeCitations(a: readonly Citation[], b: readonly Citation[]): Citation[] {
  const seen = new Set(a.map((c) => `${c.source}\n${c.quote}`));
  return [...a, ...b.filter((c) => !seen.has(`${c.source}\n${c.quote}`))];
}

/**
 * The kept record after absorbing the dropped one, and the old → new ids of the dropped record's nested facts
 * (`party:b#name#1` → `party:a#name#3`: they are appended after the kept record's own).
 */
export function mergeRecords(keep: CollectionRecord, drop: CollectionRecord): { merged: CollectionRecord; renumbered: { from: string; to: string }[] } {
  const k = keep.record as unknown as Record<string, unknown>;
  const d = drop.record as unknown as Record<string, unknown>;
  const keepName = String(k.name);
  const aliases: Alias[] = [...(k.aliases as Alias[])];
  const known = new Set([keepName, ...aliases.map((a) => a.name)]);
  for (const alias of [{ name: String(d.name) }, ...(d.aliases as Alias[])]) {
    if (!known.has(alias.name)) aliases.push(alias);
    known.add(alias.name);
  }
  const merged: Record<string, unknown> = {
    ...k,
    aliases,
    description: k.description ?? d.description,
    citations: mergeCitations(k.citations as Citation[], d.citations as Citation[]),
  };
  // Identifiers, images and links of both survive: either id keeps finding the merged entity.
  const unionOf = <T>(mine: T[] | undefined, theirs: T[] | undefined, key: (t: T) => string): T[] | undefined => {
    const seen = new Set<string>();
    const all = [...(mine ?? []), ...(theirs ?? [])].filter((t) => !seen.has(key(t)) && (seen.add(key(t)), true));
    return all.length > 0 ? all : undefined;
  };
  const identifiers = unionOf(
    k.identifiers as { scheme: string; value: string }[] | undefined,
    d.identifiers as { scheme: string; value: string }[] | undefined,
    (i) => `${i.scheme}:${i.value}`,
  );
  if (identifiers) merged.identifiers = identifiers;
  const images = unionOf(k.images as string[] | undefined, d.images as string[] | undefined, (u) => u);
  if (images) merged.images = images;
  const links = unionOf(k.links as { url: string }[] | undefined, d.links as { url: string }[] | undefined, (l) => l.url);
  if (links) merged.links = links;
  // Fields the kept record leaves empty take the dropped one's value; where both have one, the kept one wins.
  for (const [field, value] of Object.entries(d)) {
    if (!ownFields.has(field) && merged[field] === undefined) merged[field] = value;
  }
  const renumbered: { from: string; to: string }[] = [];
  for (const [list, segment] of Object.entries(nestedLists) as [NestedList, string][]) {
    const mine = (k[list] as Record<string, unknown>[] | undefined) ?? [];
    const theirs = (d[list] as Record<string, unknown>[] | undefined) ?? [];
    if (mine.length === 0 && theirs.length === 0) continue;
    const moved = theirs.map((item, i) => {
      renumbered.push({ from: `${drop.record.id}#${segment}#${i + 1}`, to: `${keep.record.id}#${segment}#${mine.length + i + 1}` });
      // What a nested fact inherited from its own record (its citations, its date) it now states itself.
      if (list === 'participants' && item.citations === undefined) return { ...item, citations: d.citations };
      if (list === 'parties' && item.from === undefined && d.opened !== undefined) return { ...item, from: d.opened };
      return item;
    });
    merged[list] = [...mine, ...moved];
  }
  for (const field of selfReferences) {
    if (merged[field] === keep.record.id || merged[field] === drop.record.id) delete merged[field];
  }
  // A value both give (a polling day, a turnout, a case's status): one value where they agree (for dates, the finer
  // where one refines the other), with both records' citations; both as claims (each cited by its record, the kept
  // one's first) where they disagree: a merge settles no dispute of the sources. A value one side has is taken above.
  const holders = { stored: keep.record.id, incoming: drop.record.id };
  for (const [field, fold] of claimableFields[keep.collection] ?? []) {
    const value = fold(field, k, d, holders);
    if (value !== undefined) merged[field] = value;
  }
  if (keep.collection === 'courtCases' && typeof k.opened === 'string' && typeof d.opened === 'string' && refines(k.opened, d.opened) && d.opened.length > k.opened.length) merged.opened = d.opened;
  // Both parties' predecessors and successors survive (the kept one's first), joined where they name one party.
  if (keep.collection === 'parties') {
    for (const field of lineageFields) {
      const both = [...((k[field] as Lineage[] | undefined) ?? []), ...((d[field] as Lineage[] | undefined) ?? [])];
      if (both.length > 0) merged[field] = both;
    }
    joinLineage(merged);
  }
  return { merged: { collection: keep.collection, record: merged } as unknown as CollectionRecord, renumbered };
}

export function mergeEntities(db: Database, actor: string, keepId: string, dropId: string, reason: string | null): Promise<MutationResult> {
  return runEdit(db, actor, async (scope, write) => {
    if (keepId === dropId) refuse('drop', 'INVALID', 'an entity cannot be merged into itself');
    if (reason !== null && reason.length > 2_000) refuse('reason', 'INVALID', 'the reason must be at most 2000 characters');
    const lookup = await scope.lookup([keepId, dropId]);
    for (const [field, id] of [['keep', keepId], ['drop', dropId]] as const) {
      const to = lookup.redirects.get(id);
      if (to !== undefined) refuse(field, 'MERGED', `${id} was merged into ${to} already`);
      if (!lookup.entities.has(id)) refuse(field, lookup.facts.has(id) ? 'WRONG_KIND' : 'NOT_FOUND', `${id} is not an entity of the graph`);
    }
    if (lookup.entities.get(keepId) !== lookup.entities.get(dropId)) {
      refuse('drop', 'WRONG_KIND', `${dropId} is a ${lookup.entities.get(dropId)} and ${keepId} a ${lookup.entities.get(keepId)}: only entities of one kind merge`);
    }
    await scope.lock([
      { id: keepId, label: 'Entity', create: false },
      { id: dropId, label: 'Entity', create: false },
    ]);
    // Records linking to the dropped entity, and parties naming it in their lineage (a property, not a link): every
    // one is rewritten to the kept id in this transaction, so no stale id remains.
    const referring = [...(await recordsReferring(scope.tx, dropId)), ...(await partiesNamingInLineage(scope.tx, dropId))];
    const owners = [...new Set(referring.map(ownerOf))].filter((id) => id !== dropId && id !== keepId);
    const kinds = await scope.lookup(owners);
    await scope.lock(owners.map((id) => ({ id, label: kinds.facts.has(id) ? 'Fact' : 'Entity', create: false })));
    const records = await scope.read([keepId, dropId, ...owners]);
    const keep = records.get(keepId);
    const drop = records.get(dropId);
    if (!keep || !drop) return refuse(null, 'CONFLICT', 'the entities changed while merging; try again');

    const toKeep = new Map([[dropId, keepId]]);
    const { merged, renumbered } = mergeRecords(replaceReferences(keep, toKeep), replaceReferences(drop, toKeep));
    const dependants = owners.flatMap((id) => {
      const record = records.get(id);
      if (!record) return [];
      const after = replaceReferences(record, toKeep);
      // A party that named both the dropped and the kept party now names one party twice: one entry.
      if (after.collection === 'parties') joinLineage(after.record);
      return [{ before: record, after }];
    });
    await write([{ before: keep, after: merged }, ...dependants], {
      operation: 'mergeEntities',
      reason,
      alsoReplace: [dropId, ...renumbered.map((r) => r.from)],
      unaudited: [keepId],
    });
    await copyRetractions(scope.tx, renumbered);
    await moveHistory(scope.tx, [dropId, ...renumbered.map((r) => r.from)], keepId);
    await deleteMergedEntity(scope.tx, dropId);
    await writeRedirects(scope.tx, [{ id: dropId, to: keepId, at: scope.at, actor: scope.actor }, ...renumbered.map((r) => ({ id: r.from, to: r.to, at: scope.at, actor: scope.actor }))]);
    await scope.audit([
      {
        operation: 'mergeEntities',
        targetId: keepId,
        before: JSON.stringify({ keep: keep.record, drop: drop.record }),
        after: JSON.stringify(merged.record),
        reason,
        subjects: [keepId, ...renumbered.map((r) => r.to)],
      },
    ]);
    return keepId;
  }).then((outcome) => ('errors' in outcome ? { id: null, changes: [], errors: outcome.errors } : { id: outcome.value, changes: outcome.changes, errors: [] }));
}
