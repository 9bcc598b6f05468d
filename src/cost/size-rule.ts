// What a size rule is (how many items a list of the schema holds) and the few constants rules share: a leaf module,
// read by the field model (src/resolvers/model.ts, where loading fields declare their sizes) and by the cost
// estimate (./fields.ts, ./estimate.ts).
import type { SizedLabel, SizedType } from '../repositories/degree-repository.js';

export type SizeRule =
  /**
   * Items are the parent's relationships of these types (`related`: narrowed by its `types` argument); at most
   * `atMost` (a value's claims: a few per value, though the record's degree counts the claims of all its values).
   */
  | { kind: 'degree'; types: readonly SizedType[]; byTypesArgument?: boolean; atMost?: number; atLeast?: number }
  /**
   * A claim's citations: a stored claim's own (its label's weighted mean), or for a value stated once, the claim
   * the API makes of it with the owner's citations that state it (at most CLAIM_CITATIONS of the owner's).
   */
  | { kind: 'claimCitations' }
  /** A root list over every node of a label (filters can only shrink it). */
  | { kind: 'label'; label: SizedLabel }
  /** At most `argument` items (its schema default, else `fallback`). */
  | { kind: 'argument'; argument: string; fallback: number }
  /** Items of the page its holder (a connection, a legislature's seat list) was sized to. */
  | { kind: 'page' }
  /** A list held inside its record (aliases, identifiers) or bounded by the domain (a term's parties): `items`. */
  | { kind: 'held'; items: number }
  /** Pairs of near-duplicate entities: about one entity in `DUPLICATE_SHARE` of the kind asked, at most `first`. */
  | { kind: 'duplicatePairs' }
  /** A network's nodes: its `limit` capped by what `depth` steps reach (neighbourhood), or the ids asked (subgraph). */
  | { kind: 'networkNodes' }
  /** A network's edges: its nodes times the average number of relations of an entity. */
  | { kind: 'networkEdges' }
  /** A path's nodes and edges: at most its `maxDepth` (+1 for nodes). */
  | { kind: 'pathLength'; plus: number };

/** A value's claims: the record's claims (of all its values), at most this many for one value. */
export const CLAIMS_PER_VALUE = 4;
/** Citations of the claim the API makes of a value stated once: the owner's citations that state it, a few. */
export const CLAIM_CITATIONS = 3;
/** Items of a list held in its record (aliases, identifiers, previous texts) when nothing says more. */
export const HELD_LIST_SIZE = 5;
/** The list of every value's claims: the record's claims, at most CLAIMS_PER_VALUE, and at least one (a value stated once is answered as one claim with its record's citations). */
export const claimsRule: SizeRule = { kind: 'degree', types: ['CLAIM_OF'], atMost: CLAIMS_PER_VALUE, atLeast: 1 };
/** A list of citations: the parent's CITES relationships. */
export const citationsRule: SizeRule = { kind: 'degree', types: ['CITES'] };
/** The audit trail of a record: its CHANGED relationships. */
export const historyRule: SizeRule = { kind: 'degree', types: ['CHANGED'] };
