// What each GraphQL type is backed by: codegen's `mappers` point here, so every resolver's parent type is
// the repositories' own record type. Aliases only; no new shapes.
import type { PartialDate } from '../domain/partial-date.js';
import type { Connection } from '../repositories/pagination.js';
import type { ChangeRecord } from '../repositories/curation-repository.js';
import type { DuplicateCandidateRecord } from '../curation/duplicates.js';
import type { KeyPlayerMeasures } from '../graph/measures.js';
import type {
  AliasRecord,
  CandidacyRecord,
  CandidacyStatusChangeRecord,
  CasePartyRecord,
  CitationRecord,
  CourtCaseRecord,
  DistrictRecord,
  ElectionRecord,
  EntityKind,
  EntityOfKind,
  EntityRecord,
  EventRecord,
  FactRecord,
  FamilyTieRecord,
  FindingRecord,
  MembershipRecord,
  NetworkEdgeRecord,
  OrganizationRecord,
  ParticipationRecord,
  PartyNameRecord,
  PartyRecord,
  PartyResultRecord,
  PersonRecord,
  PlaceRecord,
  RelationRecord,
  SourceRecord,
} from '../repositories/records.js';

export type { CitationRecord, EntityRecord, FactRecord, NetworkEdgeRecord, RelationRecord, SourceRecord };
// Each entity type is backed by its kind's record and each fact type by its label's; `Entity`, `Fact` and `Node` by the unions.
export type { CourtCaseRecord, DistrictRecord, ElectionRecord, EventRecord, OrganizationRecord, PartyRecord, PersonRecord, PlaceRecord };
export type {
  CandidacyRecord,
  CandidacyStatusChangeRecord,
  CasePartyRecord,
  FamilyTieRecord,
  FindingRecord,
  MembershipRecord,
  ParticipationRecord,
  PartyNameRecord,
  PartyResultRecord,
};
export type PartialDateRecord = PartialDate;

export type NodeRecord = EntityRecord | FactRecord;
export type EntityConnectionRecord = Connection<EntityRecord>;
export type EntityEdgeRecord = Connection<EntityRecord>['edges'][number];
/** A page of entities of one kind (`PersonConnection`...), its nodes checked on the way (`connectionOfKind`). */
export type KindConnectionRecord<K extends EntityKind> = Connection<EntityOfKind<K>>;
export type PersonConnectionRecord = KindConnectionRecord<'PERSON'>;
export type PersonEdgeRecord = PersonConnectionRecord['edges'][number];
export type OrganizationConnectionRecord = KindConnectionRecord<'ORGANIZATION'>;
export type OrganizationEdgeRecord = OrganizationConnectionRecord['edges'][number];
export type DistrictConnectionRecord = KindConnectionRecord<'DISTRICT'>;
export type DistrictEdgeRecord = DistrictConnectionRecord['edges'][number];
export type ElectionConnectionRecord = KindConnectionRecord<'ELECTION'>;
export type ElectionEdgeRecord = ElectionConnectionRecord['edges'][number];
export type CourtCaseConnectionRecord = KindConnectionRecord<'COURT_CASE'>;
export type CourtCaseEdgeRecord = CourtCaseConnectionRecord['edges'][number];
export type EventConnectionRecord = KindConnectionRecord<'EVENT'>;
export type EventEdgeRecord = EventConnectionRecord['edges'][number];
export type FactConnectionRecord = Connection<FactRecord>;
export type FactEdgeRecord = Connection<FactRecord>['edges'][number];
/** A page of a party's or organisation's members (`membersConnection`). */
export type MembershipConnectionRecord = Connection<MembershipRecord>;
export type MembershipEdgeRecord = Connection<MembershipRecord>['edges'][number];
/** A page of an event's participants (`participantsConnection`). */
export type ParticipationConnectionRecord = Connection<ParticipationRecord>;
export type ParticipationEdgeRecord = Connection<ParticipationRecord>['edges'][number];
export type RelationConnectionRecord = Connection<RelationRecord>;
export type RelationEdgeRecord = Connection<RelationRecord>['edges'][number];
export type SourceConnectionRecord = Connection<SourceRecord>;
export type SourceEdgeRecord = Connection<SourceRecord>['edges'][number];

/** A claimable field of an entity or fact: its agreed value, or the fact that the sources dispute it. */
export interface ValueRecord {
  ownerId: string;
  field: string;
  /** The agreed value (null when disputed or absent). */
  plain: unknown;
  disputed: boolean;
  /** The value's claims when already known (a turnout per place is one claim); otherwise loaded. */
  claims?: ValueClaimRecord[];
}

/** Turnout in one place: the place, and the value with its citations. */
export interface PlaceTurnoutRecord {
  placeId: string;
  turnout: ValueRecord;
}

import type { SourceCitationRecord, SourceVersionRecord } from '../repositories/source-repository.js';
import type { TimelineEntryRecord } from '../repositories/timeline-repository.js';
export type { SourceCitationRecord, SourceVersionRecord } from '../repositories/source-repository.js';
export type { TimelineEntryRecord } from '../repositories/timeline-repository.js';
export type SourceCitationConnectionRecord = Connection<SourceCitationRecord>;
export type SourceCitationEdgeRecord = SourceCitationConnectionRecord['edges'][number];
export type TimelineConnectionRecord = Connection<TimelineEntryRecord>;
export type TimelineEdgeRecord = TimelineConnectionRecord['edges'][number];
/** Pages of lists that grow with the data (`findingsConnection`, `turnoutByPlaceConnection`, `previousVersionsConnection`, `partiesConnection`). */
export type FindingConnectionRecord = Connection<FindingRecord>;
export type FindingEdgeRecord = FindingConnectionRecord['edges'][number];
export type PlaceTurnoutConnectionRecord = Connection<PlaceTurnoutRecord>;
export type PlaceTurnoutEdgeRecord = PlaceTurnoutConnectionRecord['edges'][number];
export type SourceVersionConnectionRecord = Connection<SourceVersionRecord>;
export type SourceVersionEdgeRecord = SourceVersionConnectionRecord['edges'][number];
export type PartyConnectionRecord = KindConnectionRecord<'PARTY'>;
export type PartyEdgeRecord = PartyConnectionRecord['edges'][number];

/** One source's value for a claimable field. */
export interface ValueClaimRecord {
  value: unknown;
  qualifier: string | null;
  citations: CitationRecord[];
}

export interface SearchHitRecord {
  score: number;
  matched: string;
  /** The alias that matched; null when the preferred name or an identifier did. */
  alias: AliasRecord | null;
  entity: EntityRecord;
}

/**
 * A network returned by `neighbourhood`, `subgraph` or as a `Path`: what was asked (`asOf`, for party names)
 * and the key-player measures, computed once on first use.
 */
export interface GraphView {
  nodes: EntityRecord[];
  edges: NetworkEdgeRecord[];
  truncated: boolean;
  asOf: string | null;
  /** Parties' names on `asOf`, chosen by the network's own query when `name` was selected; null: not read. */
  namesOn: Map<string, string> | null;
  measures: () => Map<string, KeyPlayerMeasures>;
}

/** One entity as a node of a `GraphView`. */
export interface GraphNodeView {
  entity: EntityRecord;
  graph: GraphView;
}

export type { ChangeRecord, DuplicateCandidateRecord };
export type ChangeConnectionRecord = Connection<ChangeRecord>;
export type ChangeEdgeRecord = ChangeConnectionRecord['edges'][number];
