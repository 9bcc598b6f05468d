// Every fixed operation the workbench sends, as typed documents (codegen's client preset, public/workbench/codegen.yml).
// The "facts from passages" mutations are not here: their documents are built from the schema by introspection
// (./form-model.ts), as their forms are.
import { graphql } from './gql/index.js';

export const ViewerQuery = graphql(`
  query WorkbenchViewer {
    viewer { name role }
  }
`);

export const SourcesQuery = graphql(`
  query WorkbenchSources($first: Int) {
    sources(first: $first) { totalCount edges { node { id title publisher date { text } } } }
  }
`);

export const SourceQuery = graphql(`
  query WorkbenchSource($id: ID!) {
    source(id: $id) {
      id kind title publisher author url language version sha256 date { text }
      text
      citations(first: 100) { totalCount edges { node { citedById quote start end } } }
      mentions {
        entities { start end text matchedName entity { id name kind } }
        candidates { start end text }
      }
    }
  }
`);

export const AddSourceMutation = graphql(`
  mutation WorkbenchAddSource($input: AddSourceInput!) {
    addSource(input: $input) { source { id } errors { field code message } }
  }
`);

export const SearchQuery = graphql(`
  query WorkbenchSearch($query: String!, $kinds: [EntityKind!]) {
    search(query: $query, kinds: $kinds, first: 8) { matched entity { id name kind } }
  }
`);

export const EntityQuery = graphql(`
  query WorkbenchEntity($id: ID!) {
    node(id: $id) {
      id
      ... on Entity {
        name kind description
        aliases { name }
        related(first: 100, includeRetracted: true) {
          edges { node { type direction retracted role from { text } to { text } other { id name } fact { id } } }
        }
        history { id at actor operation targetId before after reason }
      }
    }
  }
`);

export const FactHistoryQuery = graphql(`
  query WorkbenchFactHistory($id: ID!) {
    node(id: $id) {
      id
      ... on Fact { history { id at actor operation targetId before after reason } retraction { reason actor at } }
    }
  }
`);

export const DuplicatesQuery = graphql(`
  query WorkbenchDuplicates($kind: EntityKind!) {
    duplicateCandidates(kind: $kind, first: 20) {
      score nameScore sharedRelations matchedNames
      entity { id name } duplicate { id name }
    }
  }
`);

export const DismissMutation = graphql(`
  mutation WorkbenchDismiss($entity: ID!, $duplicate: ID!, $reason: String!) {
    dismissDuplicate(entity: $entity, duplicate: $duplicate, reason: $reason) { changes { id } errors { field code message } }
  }
`);

export const MergeMutation = graphql(`
  mutation WorkbenchMerge($keep: ID!, $drop: ID!, $reason: String) {
    mergeEntities(keep: $keep, drop: $drop, reason: $reason) { entity { id } errors { field code message } }
  }
`);

export const RetractMutation = graphql(`
  mutation WorkbenchRetract($id: ID!, $reason: String!) {
    retractFact(id: $id, reason: $reason) { fact { id } errors { field code message } }
  }
`);

export const RestoreMutation = graphql(`
  mutation WorkbenchRestore($id: ID!, $reason: String!) {
    restoreFact(id: $id, reason: $reason) { fact { id } errors { field code message } }
  }
`);

export const IntrospectionQuery = graphql(`
  query WorkbenchSchema {
    __schema {
      mutationType { name }
      types {
        name kind description
        enumValues { name description }
        inputFields { name description type { ...WorkbenchTypeRef } }
        fields { name description args { name description type { ...WorkbenchTypeRef } } type { ...WorkbenchTypeRef } }
      }
    }
  }
  fragment WorkbenchTypeRef on __Type {
    kind name ofType { kind name ofType { kind name ofType { kind name } } }
  }
`);

// One fact as the fact view shows it: its fields (per type; names that differ in type between facts are aliased),
// each citation with its source and offsets, its history and its retraction.
export const FactQuery = graphql(`
  query WorkbenchFact($id: ID!) {
    node(id: $id) {
      id
      __typename
      ... on Fact {
        citations { quote start end locator source { id title publisher date { text } } }
        history { id at actor operation targetId before after reason }
        retraction { reason actor at }
      }
      ... on Membership {
        person { ...WorkbenchEntityRef } organization { ...WorkbenchEntityRef } memberOfParty: party { ...WorkbenchEntityRef }
        role title term independent from { text } to { text }
      }
      ... on Candidacy {
        person { ...WorkbenchEntityRef }
        candidacyElection: election { value { ...WorkbenchEntityRef } disputed claims { value { ...WorkbenchEntityRef } } }
        district { value { ...WorkbenchEntityRef } disputed claims { value { ...WorkbenchEntityRef } } }
        nominatedBy { ...WorkbenchEntityRef } selfNominated outcome mandate
        rank { value disputed claims { value } }
      }
      ... on CandidacyStatusChange { status date { text } decidedBy { ...WorkbenchEntityRef } }
      ... on CaseParty { courtCase { ...WorkbenchEntityRef } entity { ...WorkbenchEntityRef } role charges from { text } }
      ... on FamilyTie { person { ...WorkbenchEntityRef } relative { ...WorkbenchEntityRef } relation }
      ... on Finding { election { ...WorkbenchEntityRef } observer { ...WorkbenchEntityRef } summary date { text } }
      ... on Participation { event { ...WorkbenchEntityRef } entity { ...WorkbenchEntityRef } role }
      ... on PartyName { name from { text } to { text } }
      ... on PartyResult {
        resultParty: party { ...WorkbenchEntityRef } election { ...WorkbenchEntityRef } partyName passedThreshold
        totalSeats { value disputed claims { value } } listSeats { value disputed claims { value } }
        districtSeats { value disputed claims { value } } voteShare { value disputed claims { value } }
      }
    }
  }
  fragment WorkbenchEntityRef on Entity { id name kind }
`);

export const RetractCitationMutation = graphql(`
  mutation WorkbenchRetractCitation($input: RetractCitationInput!) {
    retractCitation(input: $input) { changes { id } errors { field code message } }
  }
`);
