// The field model: one declaration for every field that reads the database. Each declaration says what the
// field loads (in the loaders' terms: a `Need`, and where the loaded records' own selection is) and how its
// answer is shaped from what was loaded. From it come both the field's resolver (`resolversOf`, spread into
// the resolver modules) and the query planner's fetch plan (`stepsOf`, read by ./prefetch.ts), so the two
// cannot drift: the planner primes exactly the loader keys the resolvers then ask for. Adding a loading
// field is one declaration here plus its schema. Fields that load but are deliberately not planned are
// listed in `unplannedFields` with the reason; test/unit/field-model.test.ts walks the schema and fails on
// a loading field that is in neither list.
import type { GraphContext } from '../context.js';
import { pageRequest, paginate, type Connection } from '../repositories/pagination.js';
import type { EntityLink, EntityProperty, Need } from '../repositories/prefetch-repository.js';
import { factOfLabel, type CitationRecord, type DistrictRecord, type EntityKind, type EntityOfKind, type EntityRecord, type EventRecord, type FactOfLabel, type FactRecord, type FamilyTieRecord, type PersonRecord, type CandidacyRecord, type FindingRecord, type MembershipRecord } from '../repositories/records.js';
import type { FactLinkKey } from '../repositories/fact-repository.js';
import { entityKindOfLabel, relationTypes, type FactLabel, type LinkType } from '../dataset/to-graph.js';
import type { SizedLabel, SizedType } from '../repositories/degree-repository.js';
import { citationsRule, claimsRule, HELD_LIST_SIZE, historyRule, type SizeRule } from '../cost/size-rule.js';
import type { ChangeRecord } from '../repositories/curation-repository.js';
import type { TimelineEntryKind, TimelineEntryRecord } from '../repositories/timeline-repository.js';
import { matchesCandidacy, orientTies } from './family.js';
import { nameOn, nameOnDay, type NameOnDay } from './names.js';
import { connectionOfKind, optionalEntity, requireEntity } from './shared.js';
import type { PlaceTurnoutRecord } from './mappers.js';

export type Args = Record<string, unknown>;

/**
 * One load of a field. `children` says where the loaded records' own selection is: the field's (`field`),
 * its connection's `edges.node` (`connection`), nowhere (omitted), or under a further need of each record
 * (`{ through }`: a district's `winner` is the subject of one of its candidacies), or at a field of each item of
 * the field's answer (`{ at }`: the `place` of each turnout per place).
 */
export interface Step {
  need: Need;
  children?: 'field' | 'connection' | { through: Need } | { at: string };
}

/** A data-loading field: what it loads (for the planner) and its resolver (for the executor). */
export interface FieldModel<P, R> {
  /**
   * The arguments it reads, by name: its steps and resolver are handed only these (`argsFor`), and
   * test/unit/field-model.test.ts checks each is an argument the schema gives the field, so a renamed or removed
   * schema argument fails there rather than reading as absent.
   */
  args: readonly string[];
  steps(args: Args): Step[];
  resolve(parent: P, args: Args, ctx: GraphContext): Promise<R>;
  /** The properties of the parent record it reads besides its id (the projection, ./projection.ts); none when omitted. */
  reads?: readonly string[];
  /**
   * For a list: how many items it holds (src/cost/estimate.ts), mostly the parent's degrees of the relationship
   * types that bound its length (`sized`).
   */
  size?: SizeRule;
  /**
   * Properties of the records it loads that its answer is computed from (not selected by the client): a
   * party's dated names for `nameAsOf`, a candidacy's outcome for `winner`. null: whole records.
   */
  uses?: Uses;
}

/** Properties of loaded entities and facts a field's resolver reads itself (./projection.ts adds them). */
export interface Uses {
  entity?: readonly string[] | null;
  fact?: readonly string[] | null;
  citation?: readonly string[] | null;
  source?: readonly string[] | null;
  /** Links of the facts it loads that its resolver follows itself (ids it reads off them); null: all. */
  links?: readonly LinkType[] | null;
}

/** What `nameOn` reads of a party's dated names. */
export const datedNames: Uses = { fact: ['name', 'from', 'to'] };

/** Claims of a plain value keep only the owner's citations whose quote states it (./values.ts). */
const statesItsValue: Uses = { citation: ['quote'] };

/** The arguments of a field a model reads (the others are not handed to it: it cannot depend on an undeclared one). */
export function argsFor(model: Pick<FieldModel<never, unknown>, 'args'>, args: Args): Args {
  const out: Args = {};
  for (const name of model.args) if (name in args) out[name] = args[name];
  return out;
}

/** The arguments of a page (`pageRequest`). */
const pageArgs = ['first', 'after'] as const;

/** A model with the properties its resolver reads of what it loads. */
function using<M extends FieldModel<never, unknown>>(model: M, uses: Uses): M {
  return { ...model, uses };
}

/** A list field's model with its size: the parent's relationships of `types` count its items. */
function sized<M extends FieldModel<never, unknown>>(model: M, types: readonly SizedType[]): M {
  return { ...model, size: { kind: 'degree', types } };
}

const membershipTypes: SizedType[] = ['MEMBER_OF', 'LEADS', 'FOUNDED', 'SERVES_IN', 'AFFILIATED_WITH'];
const timelineTypes: SizedType[] = ['PARTICIPATED_IN', 'CANDIDATE_IN', 'CONTESTED'];
const casePartyTypes: SizedType[] = ['DEFENDANT_IN', 'PARTY_TO'];
const candidacyTypes: SizedType[] = ['CANDIDATE_IN', 'RAN_IN'];

const flag = (v: unknown) => v === true;
const day = (v: unknown) => (typeof v === 'string' ? v : null);

/** Which fact-link request a field's arguments make: the retracted ones only when asked, and the day asked about. */
interface FactsOptions {
  /** The arguments its `shape` reads (a role, an election, a page). */
  args?: readonly string[];
  /** The field takes `includeRetracted`. */
  retractable?: boolean;
  /** The field takes `asOf` and the loader's query keeps only facts holding on that day. */
  dated?: boolean;
}

function factRequest(label: FactLabel, link: FactLinkKey['link'], options: FactsOptions, args: Args) {
  return {
    label,
    link,
    includeRetracted: options.retractable ? flag(args.includeRetracted) : false,
    asOf: options.dated ? day(args.asOf) : null,
  };
}

/** What a facts field's shape gets: the facts found (of the field's label), the parent and the arguments. */
type Shape<L extends FactLabel, P, R> = (found: FactOfLabel<L>[], parent: P, args: Args) => R;

/**
 * The facts of `label` linked to the parent by `link` (records of that label: the loader's query asks for it,
 * and another label is a data fault, `factOfLabel`); `shape` turns them into the field's answer.
 */
export function facts<L extends FactLabel, P extends { id: string }, R>(
  label: L,
  link: FactLinkKey['link'],
  options: FactsOptions & { children?: 'field' | 'connection'; shape: Shape<L, P, R> },
): FieldModel<P, R>;
export function facts<L extends FactLabel>(label: L, link: FactLinkKey['link'], options?: FactsOptions & { children?: 'field' | 'connection' }): FieldModel<{ id: string }, FactOfLabel<L>[]>;
export function facts(
  label: FactLabel,
  link: FactLinkKey['link'],
  options: FactsOptions & { children?: 'field' | 'connection'; shape?: Shape<FactLabel, { id: string }, unknown> } = {},
): FieldModel<{ id: string }, unknown> {
  return {
    args: [...(options.retractable ? ['includeRetracted'] : []), ...(options.dated ? ['asOf'] : []), ...(options.args ?? [])],
    steps: (args) => [{ need: { kind: 'facts', ...factRequest(label, link, options, args) }, children: options.children ?? 'field' }],
    resolve: async (parent, args, ctx) => {
      const found = (await ctx.loaders.factsLinked.load({ ...factRequest(label, link, options, args), id: parent.id })).map((f) => factOfLabel(f, label));
      return options.shape ? options.shape(found, parent, args) : found;
    },
  };
}

/** The id a fact's link names (SUBJECT, the first OBJECT, NOMINATED_BY, DECIDED_BY). */
export function linkedId(fact: FactRecord, link: EntityLink): string | null {
  switch (link) {
    case 'SUBJECT':
      return fact.subjectId;
    case 'OBJECT':
      return fact.objectIds[0] ?? null;
    case 'NOMINATED_BY':
      return fact.nominatedById;
    case 'DECIDED_BY':
      return fact.decidedById;
  }
}

/**
 * The entity a fact links to by `link`: required (a data fault when missing) or optional. `kind` is the kind
 * the field's type is (`Candidacy.person` is a Person), checked as it loads; omitted for fields of interface
 * type (`Membership.organization` is any Entity).
 */
export function linked<K extends EntityKind = EntityKind>(link: EntityLink, required: true, kind?: K): FieldModel<FactRecord, EntityOfKind<K>>;
export function linked<K extends EntityKind = EntityKind>(link: EntityLink, required: false, kind?: K): FieldModel<FactRecord, EntityOfKind<K> | null>;
export function linked(link: EntityLink, required: boolean, kind?: EntityKind): FieldModel<FactRecord, EntityRecord | null> {
  return {
    args: [],
    steps: () => [{ need: { kind: 'entityByLink', link }, children: 'field' }],
    resolve: (fact, _args, ctx) => (required ? requireEntity(ctx, linkedId(fact, link), kind) : optionalEntity(ctx, linkedId(fact, link), kind)),
  };
}

/**
 * An end of a two-ended fact read from the side asked about (its record turned round, ./family.ts): the
 * `link` end of the record as resolved, which may be either stored end, so both are planned.
 */
function eitherEnd<K extends EntityKind>(link: 'SUBJECT' | 'OBJECT', kind: K): FieldModel<FactRecord, EntityOfKind<K>> {
  return {
    args: [],
    steps: () => [
      { need: { kind: 'entityByLink', link: 'SUBJECT' }, children: 'field' },
      { need: { kind: 'entityByLink', link: 'OBJECT' }, children: 'field' },
    ],
    resolve: (fact, _args, ctx) => requireEntity(ctx, linkedId(fact, link), kind),
  };
}

/** A record that names another entity in `property` (an organisation its parent, a district its body...). */
type Referencing<Property extends EntityProperty> = { readonly [P in Property]: string | null };

/** The entity an entity names in a property (its body, place, parent...), of the kind the field's type is. */
export function referenced<Property extends EntityProperty, K extends EntityKind>(property: Property, required: true, kind: K): FieldModel<Referencing<Property>, EntityOfKind<K>>;
export function referenced<Property extends EntityProperty, K extends EntityKind>(property: Property, required: false, kind: K): FieldModel<Referencing<Property>, EntityOfKind<K> | null>;
export function referenced(property: EntityProperty, required: boolean, kind: EntityKind): FieldModel<Referencing<EntityProperty>, EntityRecord | null> {
  return {
    args: [],
    reads: [property],
    steps: () => [{ need: { kind: 'entityByProperty', property }, children: 'field' }],
    resolve: (entity, _args, ctx) => (required ? requireEntity(ctx, entity[property], kind) : optionalEntity(ctx, entity[property], kind)),
  };
}

/** An election's turnout per place: its claims of field `placeTurnout`, each an agreed, cited value. */
export async function turnoutByPlace(ctx: GraphContext, election: { id: string }): Promise<PlaceTurnoutRecord[]> {
  return (await ctx.loaders.claims.load(election.id))
    .filter((c) => c.field === 'placeTurnout')
    .map((c) => {
      const v = c.value as { place: string; turnout: number };
      return {
        placeId: v.place,
        turnout: { ownerId: election.id, field: 'placeTurnout', plain: v.turnout, disputed: false, claims: [{ value: v.turnout, qualifier: c.qualifier, citations: c.citations }] },
      };
    });
}

/** The audit trail of an entity or fact (every change to it, oldest first; src/repositories/curation-repository.ts `historyOf`). */
export const history: FieldModel<{ id: string }, ChangeRecord[]> = {
  args: [],
  size: historyRule,
  steps: () => [{ need: { kind: 'history' } }],
  resolve: (node, _args, ctx) => ctx.loaders.history.load(node.id),
};

/**
 * A page of a list held in its loader's order (a record's audit trail, its citations), each item keyed by its place
 * there: the answer is bounded by `first` (at most 100); the load is the list's. The audit trail only grows at its
 * end (changes are recorded in commit order), so a cursor keeps its place as changes are added.
 */
function pageByPlace<T>(list: () => FieldModel<{ id: string }, T[]>): FieldModel<{ id: string }, Connection<T>> {
  return {
    args: pageArgs,
    get size() {
      return list().size;
    },
    steps: () => list().steps({}),
    resolve: async (owner, args, ctx) => {
      const page = pageRequest(args);
      const items = await list().resolve(owner, {}, ctx);
      const paged = paginate(items.map((item, place) => ({ item, key: String(place).padStart(10, '0') })), (i) => i.key, page);
      return { ...paged, edges: paged.edges.map((e) => ({ cursor: e.cursor, node: e.node.item })) };
    },
  };
}

/** A page of the audit trail (`historyConnection`), in the order of `history`. */
export const historyPage = pageByPlace(() => history);

/** The citations of an entity or fact. */
export const citations: FieldModel<{ id: string }, CitationRecord[]> = {
  args: [],
  size: citationsRule,
  steps: () => [{ need: { kind: 'citations' } }],
  resolve: (owner, _args, ctx) => ctx.loaders.citations.load(owner.id),
};

/** A page of an entity's or fact's citations (`citationsConnection`), in the order of `citations`. */
export const citationsPage = pageByPlace(() => citations);

/** An entity's events (those it took part in), oldest first, as a page. */
export const events: FieldModel<EntityRecord, Connection<EventRecord>> = {
  args: ['kinds', ...pageArgs],
  steps: (args) => [{ need: { kind: 'events', kinds: (args.kinds as string[] | undefined) ?? null, page: pageRequest(args) }, children: 'connection' }],
  resolve: async (entity, args, ctx) =>
    connectionOfKind(
      await ctx.loaders.events.load({ entityId: entity.id, kinds: (args.kinds as string[] | undefined) ?? null, from: null, to: null, placeId: null, ...pageRequest(args) }),
      'EVENT',
    ),
};

/**
 * An entity's timeline (events it took part in, elections it contested), one keyset page; the events,
 * elections and facts its entries name come with it (src/repositories/timeline-repository.ts).
 */
export const timeline: FieldModel<EntityRecord, Connection<TimelineEntryRecord>> = {
  args: ['kinds', ...pageArgs],
  steps: (args) => [{ need: { kind: 'timeline', kinds: (args.kinds as TimelineEntryKind[] | null | undefined) ?? null, page: pageRequest(args) } }],
  resolve: (entity, args, ctx) => ctx.loaders.timeline.load({ entityId: entity.id, kinds: (args.kinds as TimelineEntryKind[] | null | undefined) ?? null, ...pageRequest(args) }),
};

/** The members of a party or organisation holding on `asOf` (filtered in the loader's query), of `role`. */
const members = facts('Membership', 'OBJECT', {
  retractable: true,
  dated: true,
  args: ['role'],
  shape: (found, _e, args) => (typeof args.role === 'string' ? found.filter((m) => m.role === args.role) : found),
});

/**
 * A page of a party's or organisation's members (`membersConnection`), in fact-id order: the answer is bounded by
 * `first` (at most 100) whatever the number of members; `members` answered them all.
 */
const membersPage = facts('Membership', 'OBJECT', {
  retractable: true,
  dated: true,
  args: ['role', ...pageArgs],
  children: 'connection',
  shape: (found, _e, args) => paginate(typeof args.role === 'string' ? found.filter((m) => m.role === args.role) : found, (m) => m.id, pageRequest(args)),
});

/** Candidacies of an election or party, those of one election only when `election` is given. */
const ofElection = <F extends FactRecord>(found: F[], _p: unknown, args: Args): F[] => (typeof args.election === 'string' ? found.filter((c) => c.objectIds.includes(args.election as string)) : found);

function seatsOf(r: FactRecord): number {
  return Number(r.values.totalSeats ?? Number(r.values.listSeats ?? 0) + Number(r.values.districtSeats ?? 0));
}

/** `ofElection` reads the election a candidacy links to. */
const electionLink: Uses = { links: ['OBJECT'] };

/**
 * The page of a list field's facts (the `…Connection` beside it), in fact-id order: the list's own load, filters,
 * size and uses, read from its declaration when asked (`list` names it in `fieldModel`, so a change to the list
 * is the page's too); its records' selection is under `edges.node`. The answer is bounded by `first` (at most
 * 100); the load is the list's.
 */
function pageOf<P, F extends { id: string }>(list: () => FieldModel<P, F[]>): FieldModel<P, Connection<F>> {
  return {
    get args() {
      return [...list().args, ...pageArgs];
    },
    steps: (args) => list().steps(args).map((step) => (step.children === 'field' ? { ...step, children: 'connection' } : step)),
    resolve: async (parent, args, ctx) => {
      const page = pageRequest(args);
      return paginate(await list().resolve(parent, args, ctx), (f) => f.id, page);
    },
    get reads() {
      return list().reads;
    },
    get size() {
      return list().size;
    },
    get uses() {
      return list().uses;
    },
  };
}

/** The party names' need: a party's dated names. */
const partyNames = facts('PartyName', 'SUBJECT');

/**
 * Every modelled field by `Type.field`. `Entity.*` and `Fact.*` apply to every type implementing the interface
 * (the planner looks them up there; resolver modules spread `entityModelFields`/`factModelFields`).
 */
export const fieldModel = {
  'Entity.citations': citations,
  'Entity.events': sized(events, ['PARTICIPATED_IN']),
  'Fact.citations': citations,
  'Entity.citationsConnection': citationsPage,
  'Fact.citationsConnection': citationsPage,
  'Entity.history': history,
  'Entity.historyConnection': historyPage,
  'Fact.history': history,
  'Fact.historyConnection': historyPage,
  // A timeline merges the events taken part in with the elections contested (a party's results, a person's candidacies).
  'Person.timeline': sized(timeline, timelineTypes),
  'Party.timeline': sized(timeline, timelineTypes),
  'Person.memberships': sized(facts('Membership', 'SUBJECT', { retractable: true, dated: true }), membershipTypes),
  'Person.candidacies': sized(facts('Candidacy', 'SUBJECT'), candidacyTypes),
  'Person.membershipsConnection': pageOf((): FieldModel<{ id: string }, MembershipRecord[]> => fieldModel['Person.memberships']),
  'Person.candidaciesConnection': pageOf((): FieldModel<{ id: string }, CandidacyRecord[]> => fieldModel['Person.candidacies']),
  'Person.courtCases': sized(facts('CaseParty', 'SUBJECT'), casePartyTypes),
  'Person.relatives': {
    args: [],
    size: { kind: 'degree', types: ['SPOUSE_OF', 'RELATIVE_OF'] },
    uses: { fact: ['relation'], links: ['SUBJECT', 'OBJECT'] },
    steps: (args) => [...facts('FamilyTie', 'SUBJECT').steps(args), ...facts('FamilyTie', 'OBJECT').steps(args)],
    // Seen from this person's side, whichever end the tie was recorded on (./family.ts).
    resolve: async (p, args, ctx) =>
      orientTies([...(await facts('FamilyTie', 'SUBJECT').resolve(p, args, ctx)), ...(await facts('FamilyTie', 'OBJECT').resolve(p, args, ctx))], p.id),
  } satisfies FieldModel<PersonRecord, FamilyTieRecord[]>,
  'Party.names': sized(partyNames, ['SUBJECT']),
  'Party.nameAsOf': {
    args: ['date'],
    uses: datedNames,
    steps: () => [{ need: partyNames.steps({})[0]!.need }],
    resolve: async (p, args, ctx) => {
      const names = await partyNames.resolve(p, {}, ctx);
      return nameOn(names, String(args.date));
    },
  } satisfies FieldModel<EntityRecord, string | null>,
  'Party.nameOn': {
    args: ['date'],
    uses: datedNames,
    steps: () => [{ need: partyNames.steps({})[0]!.need }],
    resolve: async (p, args, ctx) => nameOnDay(await partyNames.resolve(p, {}, ctx), String(args.date), p.name),
  } satisfies FieldModel<EntityRecord, NameOnDay>,
  'Party.members': sized(using(members, { fact: ['role'] }), membershipTypes),
  'Party.results': sized(facts('PartyResult', 'SUBJECT'), ['CONTESTED']),
  'Party.membersConnection': sized(using(membersPage, { fact: ['role'] }), membershipTypes),
  'Party.candidates': sized(using(facts('Candidacy', 'NOMINATED_BY', { args: ['election'], shape: ofElection }), electionLink), ['NOMINATED_BY']),
  'Party.candidatesConnection': sized(
    using(
      facts('Candidacy', 'NOMINATED_BY', {
        args: ['election', ...pageArgs],
        children: 'connection',
        shape: (found, p, args) => paginate(ofElection(found, p, args), (c) => c.id, pageRequest(args)),
      }),
      electionLink,
    ),
    ['NOMINATED_BY'],
  ),
  'Organization.members': sized(using(members, { fact: ['role'] }), membershipTypes),
  'Organization.membersConnection': sized(using(membersPage, { fact: ['role'] }), membershipTypes),
  'Organization.parent': referenced('parentId', false, 'ORGANIZATION'),
  'Organization.place': referenced('placeId', false, 'PLACE'),
  'Place.within': referenced('withinId', false, 'PLACE'),
  'Election.body': referenced('bodyId', false, 'ORGANIZATION'),
  'Election.results': sized(
    // sorted by seats and vote share: whole facts
    using(
    facts('PartyResult', 'OBJECT', {
      shape: (found) =>
        [...found].sort((a, b) => seatsOf(b) - seatsOf(a) || Number(b.values.voteShare ?? 0) - Number(a.values.voteShare ?? 0) || a.id.localeCompare(b.id)),
    }),
    { fact: null },
    ),
    ['CONTESTED'],
  ),
  'Election.candidacies': sized(
    // filtered by outcome and by rank (a value): whole facts
    using(
    facts('Candidacy', 'OBJECT', {
      args: ['district', 'outcome', 'rank', ...pageArgs],
      children: 'connection',
      shape: (found, _e, args) => {
        const district = typeof args.district === 'string' ? args.district : null;
        return paginate(
          found.filter((c) => (!district || c.districtIds.includes(district)) && matchesCandidacy(c, args)),
          (c) => c.id,
          pageRequest(args),
        );
      },
    }),
    { fact: null, links: ['IN_DISTRICT'] },
    ),
    candidacyTypes,
  ),
  'Election.findings': sized(facts('Finding', 'OBJECT'), ['OBSERVED']),
  'Election.turnoutByPlace': {
    args: [],
    size: { kind: 'held', items: HELD_LIST_SIZE },
    steps: () => [{ need: { kind: 'claims' } }, { need: { kind: 'valueEntities', field: 'placeTurnout' }, children: { at: 'place' } }],
    resolve: (election: { id: string }, _args: Args, ctx: GraphContext) => turnoutByPlace(ctx, election),
  },
  'Election.findingsConnection': pageOf((): FieldModel<{ id: string }, FindingRecord[]> => fieldModel['Election.findings']),
  'District.body': referenced('bodyId', true, 'ORGANIZATION'),
  'District.place': referenced('placeId', false, 'PLACE'),
  'District.candidacies': sized(using(facts('Candidacy', 'IN_DISTRICT', { args: ['election'], shape: ofElection }), electionLink), candidacyTypes),
  'District.candidaciesConnection': pageOf((): FieldModel<{ id: string }, CandidacyRecord[]> => fieldModel['District.candidacies']),
  'District.winner': {
    args: ['election'],
    uses: { fact: ['outcome'], links: ['SUBJECT', 'OBJECT'] },
    steps: () => [{ need: facts('Candidacy', 'IN_DISTRICT').steps({})[0]!.need, children: { through: { kind: 'entityByLink', link: 'SUBJECT' } } }],
    resolve: async (d, args, ctx) => {
      const found = await ctx.loaders.factsLinked.load({ ...factRequest('Candidacy', 'IN_DISTRICT', {}, args), id: d.id });
      const candidacies = ofElection(found.map((c) => factOfLabel(c, 'Candidacy')), d, args);
      const won = candidacies.find((c) => c.outcome === 'ELECTED');
      return won ? requireEntity(ctx, won.subjectId, 'PERSON') : null;
    },
  } satisfies FieldModel<DistrictRecord, PersonRecord | null>,
  'CourtCase.court': referenced('courtId', false, 'ORGANIZATION'),
  'CourtCase.defendants': sized(
    using(facts('CaseParty', 'OBJECT', { shape: (found) => found.filter((p) => p.role === 'DEFENDANT') }),
    { fact: ['role'] }),
    casePartyTypes,
  ),
  'CourtCase.parties': sized(facts('CaseParty', 'OBJECT'), casePartyTypes),
  'Event.place': referenced('placeId', false, 'PLACE'),
  'Event.participants': sized(facts('Participation', 'OBJECT'), ['PARTICIPATED_IN']),
  'Event.participantsConnection': sized(
    facts('Participation', 'OBJECT', { args: pageArgs, children: 'connection', shape: (found, _e, args) => paginate(found, (p) => p.id, pageRequest(args)) }),
    ['PARTICIPATED_IN'],
  ),
  'Membership.person': linked('SUBJECT', true, 'PERSON'),
  'Membership.organization': linked('OBJECT', true),
  // Ties are turned round to the side asked about (./family.ts), so either stored end may be asked for.
  'FamilyTie.person': eitherEnd('SUBJECT', 'PERSON'),
  'FamilyTie.relative': eitherEnd('OBJECT', 'PERSON'),
  'FamilyTie.other': eitherEnd('OBJECT', 'PERSON'),
  'PartyResult.party': linked('SUBJECT', true, 'PARTY'),
  'PartyResult.election': linked('OBJECT', true, 'ELECTION'),
  'PartyResult.partyName': {
    args: [],
    uses: { entity: ['date'], fact: datedNames.fact },
    steps: () => [
      { need: { kind: 'entityByLink', link: 'OBJECT' } },
      { need: { kind: 'entityByLink', link: 'SUBJECT' }, children: { through: partyNames.steps({})[0]!.need } },
    ],
    resolve: async (r, _args, ctx) => {
      const election = await requireEntity(ctx, r.objectIds[0] ?? null, 'ELECTION');
      const party = await requireEntity(ctx, r.subjectId, 'PARTY');
      const names = await partyNames.resolve(party, {}, ctx);
      return names.length === 0 || !election.date ? party.name : (nameOn(names, election.date.start) ?? party.name);
    },
  } satisfies FieldModel<FactRecord, string>,
  'Candidacy.person': linked('SUBJECT', true, 'PERSON'),
  'Candidacy.nominatedBy': linked('NOMINATED_BY', false, 'PARTY'),
  'Candidacy.statuses': sized(facts('CandidacyStatus', 'STATUS_OF'), ['STATUS_OF']),
  'CandidacyStatusChange.decidedBy': linked('DECIDED_BY', false),
  'Finding.observer': linked('SUBJECT', true),
  'Finding.election': linked('OBJECT', true, 'ELECTION'),
  'CaseParty.entity': linked('SUBJECT', true),
  'CaseParty.courtCase': linked('OBJECT', true, 'COURT_CASE'),
  'Participation.entity': linked('SUBJECT', true),
  'Participation.event': linked('OBJECT', true, 'EVENT'),
} as const;

export type ModelledFieldName = keyof typeof fieldModel;

/**
 * How a root field's selection is planned into its one query (./prefetch.ts `planRoot`): the record it returns
 * (`entity`: an entity or fact by id or identifier, with what its selection loads), a page of records (`connection`:
 * what its `edges.node` loads), records it finds itself named at a path below it (search hits' `entity`), or the
 * shapes of the `legislature` and `source` roots.
 */
export type RootPlanShape = 'entity' | 'connection' | 'legislature' | 'source' | { at: readonly string[]; type: string };

/** A root field that reads the database. */
export interface RootModel {
  /** How its selection is planned, or (`own`) why it reads in its own way and what that query brings with it. */
  plan: RootPlanShape | { own: string };
  /** It looks up one record by its `id` argument: the cost estimate reads that record's degrees (src/cost/). */
  lookup?: true;
  /** A list root's size (src/cost/estimate.ts); a connection's page is its `first` capped by it. */
  size?: SizeRule;
  /** What its resolver reads of what it loads (./projection.ts), beyond the selection. */
  uses?: Uses;
}

const lookup = { plan: 'entity', lookup: true } as const satisfies RootModel;
/** What a network root's nodes' `entity` selects: planned into the network's own query. */
const networkPlan = { at: ['nodes', 'entity'], type: 'Entity' } as const;
const pageOfLabel = (label: SizedLabel) => ({ plan: 'connection', size: { kind: 'label', label } }) as const satisfies RootModel;

/**
 * Every root field that reads the database, by name: how its selection is planned, whether it looks a record up by
 * id, and how many items a list holds. The planner (./analysis.ts plans each root of an operation from it), the cost
 * estimate (src/cost/fields.ts) and test/unit/field-model.test.ts (every loading root is here) read this one table.
 */
export const rootModel = {
  node: lookup,
  person: lookup,
  party: lookup,
  organization: lookup,
  place: lookup,
  district: lookup,
  election: lookup,
  courtCase: lookup,
  event: lookup,
  entityByIdentifier: { plan: 'entity' },
  legislature: { plan: 'legislature', lookup: true },
  source: { plan: 'source', lookup: true },
  people: pageOfLabel('Person'),
  partiesConnection: pageOfLabel('Party'),
  organizations: pageOfLabel('Organization'),
  districts: pageOfLabel('District'),
  elections: pageOfLabel('Election'),
  courtCases: pageOfLabel('CourtCase'),
  events: pageOfLabel('Event'),
  parties: {
    plan: { own: 'every party in one query; with `asOf`, their dated names through the batched facts loader (one more round trip)' },
    size: { kind: 'label', label: 'Party' },
    uses: datedNames,
  },
  sources: { plan: { own: 'one keyset page of sources; their citations and texts through the loaders' }, size: { kind: 'label', label: 'Source' } },
  changes: { plan: { own: 'one keyset page of the audit trail (src/resolvers/curation.ts)' }, size: { kind: 'label', label: 'Change' } },
  search: { plan: { at: ['entity'], type: 'Entity' }, size: { kind: 'argument', argument: 'first', fallback: 10 } },
  duplicateCandidates: { plan: { own: 'every entity of the kind with its names and neighbours, ranked in JavaScript (src/curation/duplicates.ts)' }, size: { kind: 'duplicatePairs' } },
  // The network roots read their nodes and edges in their own query (src/repositories/graph-repository.ts), with
  // parties' names on `asOf` and edges' citations when selected, and what `nodes { entity { … } }` loads, planned.
  neighbourhood: { plan: networkPlan, lookup: true },
  subgraph: { plan: networkPlan },
  shortestPath: { plan: networkPlan },
  paths: { plan: networkPlan, size: { kind: 'argument', argument: 'first', fallback: 5 } },
} as const satisfies Record<string, RootModel>;

export type RootFieldName = keyof typeof rootModel;

/** The root model of Query field `field`; undefined for roots that read nothing stored (apiVersion, viewer...). */
export function rootModelOf(field: string): RootModel | undefined {
  return (rootModel as Record<string, RootModel>)[field];
}


/**
 * A loading field outside `fieldModel`: why it is not planned as a step of its own (mostly: a root's query brings
 * it), and what the cost estimate and the projection need of it that no general rule gives: its size (a list;
 * src/cost/fields.ts) and the properties its resolver reads of what it loads (./projection.ts).
 */
export interface Unplanned {
  why: string;
  size?: SizeRule;
  uses?: Uses;
  /** The properties of the parent record it reads besides its id (./projection.ts); undefined: whole records. */
  reads?: readonly string[];
}

/**
 * Fields that read the database but are not planned as steps, each with the reason, its size when it is a list
 * and what it uses. A root field plans its selection; these are answered by their root's query or by their
 * resolvers through the loaders (one more round trip each, batched).
 */
export const unplannedFields: Record<string, Unplanned> = {
  'Entity.related': { why: 'planned by its own step (relationsStep in ./prefetch.ts): its page and the `other` ends are one need', size: { kind: 'degree', types: relationTypes, byTypesArgument: true } },
  'Relation.other': { why: 'planned with `related` (the relations need carries the other ends)' },
  'Relation.fact': { why: 'rarely asked; a fact or entity by id through the batched loaders' },
  'Relation.citations': { why: 'planned with `related` (the relations need reads the citations of each page row\'s fact when selected)', size: citationsRule },
  'GraphEdge.citations': { why: "network queries (src/resolvers/graph.ts) read their edges' citations in their own query when `citations` is selected and prime the loader; planning off, through the batched loader", size: citationsRule },
  'GraphNode.name': { why: "network queries choose a party's name on `asOf` in their own query when `name` is selected (graph-repository.ts, the rule of ./names.ts `nameOn`); planning off, through the facts loader", uses: datedNames },
  'DuplicateCandidate.entity': { why: 'read with the candidates by `duplicateCandidates` (the projected properties); what it selects beyond them comes in one more query for all pairs (`entitiesAtAnyFor`): the ranking needs every entity of the kind' },
  'DuplicateCandidate.duplicate': { why: 'read with the candidates by `duplicateCandidates` (the projected properties); what it selects beyond them comes in one more query for all pairs (`entitiesAtAnyFor`): the ranking needs every entity of the kind' },
  'EntityValue.value': { why: 'planned as `valueEntities` by planOfSelection (value types): the entity the value and its claims name; unplanned, through the entity loader' },
  'EntityClaim.value': { why: 'planned with its value as `valueEntities` (the entities a fact\'s claims name); unplanned, through the entity loader' },
  'IntValue.claims': { why: 'planned as the owner\'s claims and citations by planOfSelection (value types)', size: claimsRule, uses: statesItsValue },
  'FloatValue.claims': { why: 'planned as the owner\'s claims and citations by planOfSelection (value types)', size: claimsRule, uses: statesItsValue },
  'StringValue.claims': { why: 'planned as the owner\'s claims and citations by planOfSelection (value types)', size: claimsRule, uses: statesItsValue },
  'PartialDateValue.claims': { why: 'planned as the owner\'s claims and citations by planOfSelection (value types)', size: claimsRule, uses: statesItsValue },
  'EntityValue.claims': { why: 'planned as the owner\'s claims and citations by planOfSelection (value types)', size: claimsRule, uses: statesItsValue },
  'Source.citationCount': { why: 'a count from the source loader when the listing did not carry it' },
  'FamilyTie.recordedFor': { why: 'which end a tie was stored on: the stored fact by id through the batched fact loader, rarely asked', reads: [] },
  'TimelineEntry.event': { why: 'the event comes with the timeline page (planned as `timeline`), primed into the entity loader' },
  'TimelineEntry.election': { why: 'the election comes with the timeline page (planned as `timeline`), primed into the entity loader' },
  'TimelineEntry.result': { why: 'the party result comes with the timeline page (planned as `timeline`), primed into the fact loader' },
  'TimelineEntry.candidacy': { why: 'the candidacy comes with the timeline page (planned as `timeline`), primed into the fact loader' },
  'PlaceTurnout.place': { why: 'its place comes with `Election.turnoutByPlace` (planned: the places its claims name); unplanned, through the entity loader' },
  'Election.turnoutByPlaceConnection': { why: 'a page of per-place turnout: the election\'s claims through the claims loader, paged by place', size: { kind: 'degree', types: ['CLAIM_OF'] }, reads: [] },
  'Source.text': { why: 'a source\'s text comes with the `source` root (one query, src/resolvers/prefetch.ts `loadSourceFor`); a source reached otherwise reads it through the source loader' },
  'Source.previousVersions': { why: 'earlier texts of a corrected source: their own query, rarely asked', size: { kind: 'held', items: HELD_LIST_SIZE } },
  'Source.previousVersionsConnection': { why: 'a page of the earlier texts: their own keyset query with LIMIT (each text may be 500,000 characters)', size: { kind: 'argument', argument: 'first', fallback: 20 } },
  'Source.citations': { why: 'a page of a source\'s citations in text order: planned with the `source` root (`loadSourceFor`), otherwise through the `sourceCitations` loader', size: citationsRule },
  'Legislature.organization': { why: 'planned with the `legislature` root (src/resolvers/prefetch.ts `loadLegislatureFor`): the body with what it selects' },
  'Legislature.terms': { why: 'planned with the `legislature` root (`loadLegislatureFor`): terms and composition in its one query', size: { kind: 'degree', types: ['SUBJECT'] } },
  'Legislature.members': { why: 'the first page selected is planned with the `legislature` root (`loadLegislatureFor`); another alias\'s page is one bounded query of its own', size: { kind: 'degree', types: ['OBJECT'] } },
  'PartySeats.party': { why: 'planned with the `legislature` root (the parties of every term\'s composition); unplanned, through the entity loader' },
  'LegislativeSeat.person': { why: 'planned with the `legislature` root\'s members page; seats reached otherwise (`Party.seats`, `legislativeTerms`) batch through the entity loader' },
  'LegislativeSeat.legislature': { why: 'planned with the `legislature` root (the body itself); otherwise through the entity loader' },
  'LegislativeSeat.party': { why: 'planned with the `legislature` root\'s members page; otherwise through the entity loader' },
  'Person.legislativeTerms': { why: 'a person\'s seats: batched by a loader of the legislature module, one query per level', size: { kind: 'degree', types: membershipTypes }, reads: [] },
  'LegislativeSeat.partyName': { why: 'planned with the `legislature` root (the seat party\'s dated names, `Party.names`); otherwise through the batched facts loader', uses: datedNames },
  'Alias.citations': { why: 'an alias\'s citations are stored with it; their sources batch through the source loader', size: citationsRule },
  'PartyLineage.party': { why: 'the predecessor or successor party, when the graph holds it, through the entity loader' },
  'PartyLineage.citations': { why: 'a lineage\'s citations are stored with it; their sources batch through the source loader', size: citationsRule },
  'SearchHit.alias': { why: 'the alias that matched comes with the search hit (the entity\'s aliases are read with it)' },
  'Party.seats': { why: 'seats held for a party: one bounded query of its own (src/repositories/legislature-repository.ts), like Legislature.members', size: { kind: 'degree', types: ['ON_BEHALF_OF'] }, reads: [] },
  'LegislativeSeat.membership': { why: 'planned with the `legislature` root\'s members page; otherwise by id through the batched fact loader' },
  'LegislativeSeat.citations': { why: 'planned with the `legislature` root\'s members page; otherwise by id through the batched citations loader', size: citationsRule },
  'PartySeats.citations': { why: 'planned with the `legislature` root (the citations of every composition row\'s seats); otherwise by id through the batched citations loader', size: citationsRule },
  'Membership.party': { why: 'the party a seat was held for: its id comes with the fact\'s links, the party through the entity loader' },
  'SourceCitation.citedBy': { why: 'the entity or fact citing a source (or owning the claim citing it): planned with the `source` root (`loadSourceFor`); reached any other way, through the entity and fact loaders' },
  'Source.mentions': { why: 'the entities a source names: its text, then one fulltext query for the names sharing a folded word with it (src/repositories/mention-repository.ts)' },
  'EntityMention.entity': { why: 'the entities a source names batch through the entity loader' },
  'DuplicateDismissal.entity': { why: 'the pair of a dismissal (one per `dismissDuplicate`) reads through the batched entity loader' },
  'DuplicateDismissal.duplicate': { why: 'the pair of a dismissal (one per `dismissDuplicate`) reads through the batched entity loader' },
};

/** The entry of `Type.field` (or of the interface field it implements, or of every field of that name) in `unplannedFields`. */
export function unplannedOf(typeName: string, field: string, isEntity: boolean, isFact: boolean): Unplanned | undefined {
  return (
    unplannedFields[`${typeName}.${field}`] ??
    (isEntity ? unplannedFields[`Entity.${field}`] : isFact ? unplannedFields[`Fact.${field}`] : undefined) ??
    unplannedFields[field]
  );
}

/** Why `Type.field` is unplanned; undefined when it is not listed. */
export function unplannedReason(typeName: string, field: string, isEntity: boolean, isFact: boolean): string | undefined {
  return unplannedOf(typeName, field, isEntity, isFact)?.why;
}

/** The GraphQL type of each fact label reachable through the API (a legislature's terms are read as `Legislature.terms`). */
export const typeOfFactLabel = {
  Membership: 'Membership',
  Candidacy: 'Candidacy',
  CandidacyStatus: 'CandidacyStatusChange',
  PartyResult: 'PartyResult',
  FamilyTie: 'FamilyTie',
  CaseParty: 'CaseParty',
  Participation: 'Participation',
  PartyName: 'PartyName',
  Finding: 'Finding',
} as const satisfies Record<Exclude<FactLabel, 'Term'>, string>;

/** GraphQL types backed by entity records (named as their labels) and by fact records. */
export const entityTypeNames: ReadonlySet<string> = new Set([...Object.keys(entityKindOfLabel), 'Entity']);
export const factTypeNames: ReadonlySet<string> = new Set(['Fact', ...Object.values(typeOfFactLabel)]);

/**
 * What the catalogue says of loading field `Type.field` (looked up on its interface when it has no entry of its
 * own): its size when it is a list and what its resolver uses of what it loads; undefined when it is not a loading
 * field of the catalogue (`fieldModel` and `unplannedFields`).
 */
export function catalogued(typeName: string, field: string): { size?: SizeRule; uses?: Uses; reads?: readonly string[] } | undefined {
  const isEntity = entityTypeNames.has(typeName);
  const isFact = factTypeNames.has(typeName);
  return modelOf(typeName, field, isEntity, isFact) ?? unplannedOf(typeName, field, isEntity, isFact);
}

/** The model of field `field` of GraphQL type `typeName`, looked up on its interface when it has none of its own. */
export function modelOfField(typeName: string, field: string): FieldModel<never, unknown> | undefined {
  return modelOf(typeName, field, entityTypeNames.has(typeName), factTypeNames.has(typeName));
}

/** The model of `Type.field`, or of the interface field it implements (`Entity.*`, `Fact.*`). */
export function modelOf(typeName: string, field: string, isEntity: boolean, isFact: boolean): FieldModel<never, unknown> | undefined {
  const model = fieldModel as Record<string, FieldModel<never, unknown>>;
  return model[`${typeName}.${field}`] ?? (isEntity ? model[`Entity.${field}`] : isFact ? model[`Fact.${field}`] : undefined);
}

type ResolverOf<M> = M extends FieldModel<infer P, infer R> ? (parent: P, args: Args, ctx: GraphContext) => Promise<R> : never;
type FieldsOf<T extends string> = {
  [K in ModelledFieldName as K extends `${T}.${infer F}` ? F : never]: ResolverOf<(typeof fieldModel)[K]>;
};

/**
 * The resolver of modelled field `key`: its declaration's, handed the arguments it declares. The declaration is
 * looked up when the resolver runs (modules this one imports make their resolvers while it is still loading).
 */
export function resolverOf<K extends ModelledFieldName>(key: K): ResolverOf<(typeof fieldModel)[K]> {
  return ((parent: never, args: Args, ctx: GraphContext) => {
    const model = fieldModel[key] as FieldModel<never, unknown>;
    return model.resolve(parent, argsFor(model, args), ctx);
  }) as ResolverOf<(typeof fieldModel)[K]>;
}

/** The resolvers of type `typeName`'s modelled fields (its own, not the interface's), to spread into its module. */
export function resolversOf<T extends string>(typeName: T): FieldsOf<T> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(fieldModel)) {
    const [type, field] = key.split('.') as [string, string];
    if (type === typeName) out[field] = resolverOf(key as ModelledFieldName);
  }
  return out as FieldsOf<T>;
}

