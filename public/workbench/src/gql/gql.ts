/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query WorkbenchViewer {\n    viewer { name role }\n  }\n": typeof types.WorkbenchViewerDocument,
    "\n  query WorkbenchSources($first: Int) {\n    sources(first: $first) { totalCount edges { node { id title publisher date { text } } } }\n  }\n": typeof types.WorkbenchSourcesDocument,
    "\n  query WorkbenchSource($id: ID!) {\n    source(id: $id) {\n      id kind title publisher author url language version sha256 date { text }\n      text\n      citations(first: 100) { totalCount edges { node { citedById quote start end } } }\n      mentions {\n        entities { start end text matchedName entity { id name kind } }\n        candidates { start end text }\n      }\n    }\n  }\n": typeof types.WorkbenchSourceDocument,
    "\n  mutation WorkbenchAddSource($input: AddSourceInput!) {\n    addSource(input: $input) { source { id } errors { field code message } }\n  }\n": typeof types.WorkbenchAddSourceDocument,
    "\n  query WorkbenchSearch($query: String!, $kinds: [EntityKind!]) {\n    search(query: $query, kinds: $kinds, first: 8) { matched entity { id name kind } }\n  }\n": typeof types.WorkbenchSearchDocument,
    "\n  query WorkbenchEntity($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Entity {\n        name kind description\n        aliases { name }\n        related(first: 100, includeRetracted: true) {\n          edges { node { type direction retracted role from { text } to { text } other { id name } fact { id } } }\n        }\n        history { id at actor operation targetId before after reason }\n      }\n    }\n  }\n": typeof types.WorkbenchEntityDocument,
    "\n  query WorkbenchFactHistory($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Fact { history { id at actor operation targetId before after reason } retraction { reason actor at } }\n    }\n  }\n": typeof types.WorkbenchFactHistoryDocument,
    "\n  query WorkbenchDuplicates($kind: EntityKind!) {\n    duplicateCandidates(kind: $kind, first: 20) {\n      score nameScore sharedRelations matchedNames\n      entity { id name } duplicate { id name }\n    }\n  }\n": typeof types.WorkbenchDuplicatesDocument,
    "\n  mutation WorkbenchDismiss($entity: ID!, $duplicate: ID!, $reason: String!) {\n    dismissDuplicate(entity: $entity, duplicate: $duplicate, reason: $reason) { changes { id } errors { field code message } }\n  }\n": typeof types.WorkbenchDismissDocument,
    "\n  mutation WorkbenchMerge($keep: ID!, $drop: ID!, $reason: String) {\n    mergeEntities(keep: $keep, drop: $drop, reason: $reason) { entity { id } errors { field code message } }\n  }\n": typeof types.WorkbenchMergeDocument,
    "\n  mutation WorkbenchRetract($id: ID!, $reason: String!) {\n    retractFact(id: $id, reason: $reason) { fact { id } errors { field code message } }\n  }\n": typeof types.WorkbenchRetractDocument,
    "\n  mutation WorkbenchRestore($id: ID!, $reason: String!) {\n    restoreFact(id: $id, reason: $reason) { fact { id } errors { field code message } }\n  }\n": typeof types.WorkbenchRestoreDocument,
    "\n  query WorkbenchSchema {\n    __schema {\n      mutationType { name }\n      types {\n        name kind description\n        enumValues { name description }\n        inputFields { name description type { ...WorkbenchTypeRef } }\n        fields { name description args { name description type { ...WorkbenchTypeRef } } type { ...WorkbenchTypeRef } }\n      }\n    }\n  }\n  fragment WorkbenchTypeRef on __Type {\n    kind name ofType { kind name ofType { kind name ofType { kind name } } }\n  }\n": typeof types.WorkbenchSchemaDocument,
    "\n  query WorkbenchFact($id: ID!) {\n    node(id: $id) {\n      id\n      __typename\n      ... on Fact {\n        citations { quote start end locator source { id title publisher date { text } } }\n        history { id at actor operation targetId before after reason }\n        retraction { reason actor at }\n      }\n      ... on Membership {\n        person { ...WorkbenchEntityRef } organization { ...WorkbenchEntityRef } memberOfParty: party { ...WorkbenchEntityRef }\n        role title term independent from { text } to { text }\n      }\n      ... on Candidacy {\n        person { ...WorkbenchEntityRef }\n        candidacyElection: election { value { ...WorkbenchEntityRef } disputed claims { value { ...WorkbenchEntityRef } } }\n        district { value { ...WorkbenchEntityRef } disputed claims { value { ...WorkbenchEntityRef } } }\n        nominatedBy { ...WorkbenchEntityRef } selfNominated outcome mandate\n        rank { value disputed claims { value } }\n      }\n      ... on CandidacyStatusChange { status date { text } decidedBy { ...WorkbenchEntityRef } }\n      ... on CaseParty { courtCase { ...WorkbenchEntityRef } entity { ...WorkbenchEntityRef } role charges from { text } }\n      ... on FamilyTie { person { ...WorkbenchEntityRef } relative { ...WorkbenchEntityRef } relation }\n      ... on Finding { election { ...WorkbenchEntityRef } observer { ...WorkbenchEntityRef } summary date { text } }\n      ... on Participation { event { ...WorkbenchEntityRef } entity { ...WorkbenchEntityRef } role }\n      ... on PartyName { name from { text } to { text } }\n      ... on PartyResult {\n        resultParty: party { ...WorkbenchEntityRef } election { ...WorkbenchEntityRef } partyName passedThreshold\n        totalSeats { value disputed claims { value } } listSeats { value disputed claims { value } }\n        districtSeats { value disputed claims { value } } voteShare { value disputed claims { value } }\n      }\n    }\n  }\n  fragment WorkbenchEntityRef on Entity { id name kind }\n": typeof types.WorkbenchFactDocument,
    "\n  mutation WorkbenchRetractCitation($input: RetractCitationInput!) {\n    retractCitation(input: $input) { changes { id } errors { field code message } }\n  }\n": typeof types.WorkbenchRetractCitationDocument,
};
const documents: Documents = {
    "\n  query WorkbenchViewer {\n    viewer { name role }\n  }\n": types.WorkbenchViewerDocument,
    "\n  query WorkbenchSources($first: Int) {\n    sources(first: $first) { totalCount edges { node { id title publisher date { text } } } }\n  }\n": types.WorkbenchSourcesDocument,
    "\n  query WorkbenchSource($id: ID!) {\n    source(id: $id) {\n      id kind title publisher author url language version sha256 date { text }\n      text\n      citations(first: 100) { totalCount edges { node { citedById quote start end } } }\n      mentions {\n        entities { start end text matchedName entity { id name kind } }\n        candidates { start end text }\n      }\n    }\n  }\n": types.WorkbenchSourceDocument,
    "\n  mutation WorkbenchAddSource($input: AddSourceInput!) {\n    addSource(input: $input) { source { id } errors { field code message } }\n  }\n": types.WorkbenchAddSourceDocument,
    "\n  query WorkbenchSearch($query: String!, $kinds: [EntityKind!]) {\n    search(query: $query, kinds: $kinds, first: 8) { matched entity { id name kind } }\n  }\n": types.WorkbenchSearchDocument,
    "\n  query WorkbenchEntity($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Entity {\n        name kind description\n        aliases { name }\n        related(first: 100, includeRetracted: true) {\n          edges { node { type direction retracted role from { text } to { text } other { id name } fact { id } } }\n        }\n        history { id at actor operation targetId before after reason }\n      }\n    }\n  }\n": types.WorkbenchEntityDocument,
    "\n  query WorkbenchFactHistory($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Fact { history { id at actor operation targetId before after reason } retraction { reason actor at } }\n    }\n  }\n": types.WorkbenchFactHistoryDocument,
    "\n  query WorkbenchDuplicates($kind: EntityKind!) {\n    duplicateCandidates(kind: $kind, first: 20) {\n      score nameScore sharedRelations matchedNames\n      entity { id name } duplicate { id name }\n    }\n  }\n": types.WorkbenchDuplicatesDocument,
    "\n  mutation WorkbenchDismiss($entity: ID!, $duplicate: ID!, $reason: String!) {\n    dismissDuplicate(entity: $entity, duplicate: $duplicate, reason: $reason) { changes { id } errors { field code message } }\n  }\n": types.WorkbenchDismissDocument,
    "\n  mutation WorkbenchMerge($keep: ID!, $drop: ID!, $reason: String) {\n    mergeEntities(keep: $keep, drop: $drop, reason: $reason) { entity { id } errors { field code message } }\n  }\n": types.WorkbenchMergeDocument,
    "\n  mutation WorkbenchRetract($id: ID!, $reason: String!) {\n    retractFact(id: $id, reason: $reason) { fact { id } errors { field code message } }\n  }\n": types.WorkbenchRetractDocument,
    "\n  mutation WorkbenchRestore($id: ID!, $reason: String!) {\n    restoreFact(id: $id, reason: $reason) { fact { id } errors { field code message } }\n  }\n": types.WorkbenchRestoreDocument,
    "\n  query WorkbenchSchema {\n    __schema {\n      mutationType { name }\n      types {\n        name kind description\n        enumValues { name description }\n        inputFields { name description type { ...WorkbenchTypeRef } }\n        fields { name description args { name description type { ...WorkbenchTypeRef } } type { ...WorkbenchTypeRef } }\n      }\n    }\n  }\n  fragment WorkbenchTypeRef on __Type {\n    kind name ofType { kind name ofType { kind name ofType { kind name } } }\n  }\n": types.WorkbenchSchemaDocument,
    "\n  query WorkbenchFact($id: ID!) {\n    node(id: $id) {\n      id\n      __typename\n      ... on Fact {\n        citations { quote start end locator source { id title publisher date { text } } }\n        history { id at actor operation targetId before after reason }\n        retraction { reason actor at }\n      }\n      ... on Membership {\n        person { ...WorkbenchEntityRef } organization { ...WorkbenchEntityRef } memberOfParty: party { ...WorkbenchEntityRef }\n        role title term independent from { text } to { text }\n      }\n      ... on Candidacy {\n        person { ...WorkbenchEntityRef }\n        candidacyElection: election { value { ...WorkbenchEntityRef } disputed claims { value { ...WorkbenchEntityRef } } }\n        district { value { ...WorkbenchEntityRef } disputed claims { value { ...WorkbenchEntityRef } } }\n        nominatedBy { ...WorkbenchEntityRef } selfNominated outcome mandate\n        rank { value disputed claims { value } }\n      }\n      ... on CandidacyStatusChange { status date { text } decidedBy { ...WorkbenchEntityRef } }\n      ... on CaseParty { courtCase { ...WorkbenchEntityRef } entity { ...WorkbenchEntityRef } role charges from { text } }\n      ... on FamilyTie { person { ...WorkbenchEntityRef } relative { ...WorkbenchEntityRef } relation }\n      ... on Finding { election { ...WorkbenchEntityRef } observer { ...WorkbenchEntityRef } summary date { text } }\n      ... on Participation { event { ...WorkbenchEntityRef } entity { ...WorkbenchEntityRef } role }\n      ... on PartyName { name from { text } to { text } }\n      ... on PartyResult {\n        resultParty: party { ...WorkbenchEntityRef } election { ...WorkbenchEntityRef } partyName passedThreshold\n        totalSeats { value disputed claims { value } } listSeats { value disputed claims { value } }\n        districtSeats { value disputed claims { value } } voteShare { value disputed claims { value } }\n      }\n    }\n  }\n  fragment WorkbenchEntityRef on Entity { id name kind }\n": types.WorkbenchFactDocument,
    "\n  mutation WorkbenchRetractCitation($input: RetractCitationInput!) {\n    retractCitation(input: $input) { changes { id } errors { field code message } }\n  }\n": types.WorkbenchRetractCitationDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkbenchViewer {\n    viewer { name role }\n  }\n"): typeof import('./graphql.js').WorkbenchViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkbenchSources($first: Int) {\n    sources(first: $first) { totalCount edges { node { id title publisher date { text } } } }\n  }\n"): typeof import('./graphql.js').WorkbenchSourcesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkbenchSource($id: ID!) {\n    source(id: $id) {\n      id kind title publisher author url language version sha256 date { text }\n      text\n      citations(first: 100) { totalCount edges { node { citedById quote start end } } }\n      mentions {\n        entities { start end text matchedName entity { id name kind } }\n        candidates { start end text }\n      }\n    }\n  }\n"): typeof import('./graphql.js').WorkbenchSourceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkbenchAddSource($input: AddSourceInput!) {\n    addSource(input: $input) { source { id } errors { field code message } }\n  }\n"): typeof import('./graphql.js').WorkbenchAddSourceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkbenchSearch($query: String!, $kinds: [EntityKind!]) {\n    search(query: $query, kinds: $kinds, first: 8) { matched entity { id name kind } }\n  }\n"): typeof import('./graphql.js').WorkbenchSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkbenchEntity($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Entity {\n        name kind description\n        aliases { name }\n        related(first: 100, includeRetracted: true) {\n          edges { node { type direction retracted role from { text } to { text } other { id name } fact { id } } }\n        }\n        history { id at actor operation targetId before after reason }\n      }\n    }\n  }\n"): typeof import('./graphql.js').WorkbenchEntityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkbenchFactHistory($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Fact { history { id at actor operation targetId before after reason } retraction { reason actor at } }\n    }\n  }\n"): typeof import('./graphql.js').WorkbenchFactHistoryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkbenchDuplicates($kind: EntityKind!) {\n    duplicateCandidates(kind: $kind, first: 20) {\n      score nameScore sharedRelations matchedNames\n      entity { id name } duplicate { id name }\n    }\n  }\n"): typeof import('./graphql.js').WorkbenchDuplicatesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkbenchDismiss($entity: ID!, $duplicate: ID!, $reason: String!) {\n    dismissDuplicate(entity: $entity, duplicate: $duplicate, reason: $reason) { changes { id } errors { field code message } }\n  }\n"): typeof import('./graphql.js').WorkbenchDismissDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkbenchMerge($keep: ID!, $drop: ID!, $reason: String) {\n    mergeEntities(keep: $keep, drop: $drop, reason: $reason) { entity { id } errors { field code message } }\n  }\n"): typeof import('./graphql.js').WorkbenchMergeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkbenchRetract($id: ID!, $reason: String!) {\n    retractFact(id: $id, reason: $reason) { fact { id } errors { field code message } }\n  }\n"): typeof import('./graphql.js').WorkbenchRetractDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkbenchRestore($id: ID!, $reason: String!) {\n    restoreFact(id: $id, reason: $reason) { fact { id } errors { field code message } }\n  }\n"): typeof import('./graphql.js').WorkbenchRestoreDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkbenchSchema {\n    __schema {\n      mutationType { name }\n      types {\n        name kind description\n        enumValues { name description }\n        inputFields { name description type { ...WorkbenchTypeRef } }\n        fields { name description args { name description type { ...WorkbenchTypeRef } } type { ...WorkbenchTypeRef } }\n      }\n    }\n  }\n  fragment WorkbenchTypeRef on __Type {\n    kind name ofType { kind name ofType { kind name ofType { kind name } } }\n  }\n"): typeof import('./graphql.js').WorkbenchSchemaDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkbenchFact($id: ID!) {\n    node(id: $id) {\n      id\n      __typename\n      ... on Fact {\n        citations { quote start end locator source { id title publisher date { text } } }\n        history { id at actor operation targetId before after reason }\n        retraction { reason actor at }\n      }\n      ... on Membership {\n        person { ...WorkbenchEntityRef } organization { ...WorkbenchEntityRef } memberOfParty: party { ...WorkbenchEntityRef }\n        role title term independent from { text } to { text }\n      }\n      ... on Candidacy {\n        person { ...WorkbenchEntityRef }\n        candidacyElection: election { value { ...WorkbenchEntityRef } disputed claims { value { ...WorkbenchEntityRef } } }\n        district { value { ...WorkbenchEntityRef } disputed claims { value { ...WorkbenchEntityRef } } }\n        nominatedBy { ...WorkbenchEntityRef } selfNominated outcome mandate\n        rank { value disputed claims { value } }\n      }\n      ... on CandidacyStatusChange { status date { text } decidedBy { ...WorkbenchEntityRef } }\n      ... on CaseParty { courtCase { ...WorkbenchEntityRef } entity { ...WorkbenchEntityRef } role charges from { text } }\n      ... on FamilyTie { person { ...WorkbenchEntityRef } relative { ...WorkbenchEntityRef } relation }\n      ... on Finding { election { ...WorkbenchEntityRef } observer { ...WorkbenchEntityRef } summary date { text } }\n      ... on Participation { event { ...WorkbenchEntityRef } entity { ...WorkbenchEntityRef } role }\n      ... on PartyName { name from { text } to { text } }\n      ... on PartyResult {\n        resultParty: party { ...WorkbenchEntityRef } election { ...WorkbenchEntityRef } partyName passedThreshold\n        totalSeats { value disputed claims { value } } listSeats { value disputed claims { value } }\n        districtSeats { value disputed claims { value } } voteShare { value disputed claims { value } }\n      }\n    }\n  }\n  fragment WorkbenchEntityRef on Entity { id name kind }\n"): typeof import('./graphql.js').WorkbenchFactDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WorkbenchRetractCitation($input: RetractCitationInput!) {\n    retractCitation(input: $input) { changes { id } errors { field code message } }\n  }\n"): typeof import('./graphql.js').WorkbenchRetractCitationDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
