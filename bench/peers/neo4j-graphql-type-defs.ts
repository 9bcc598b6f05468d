// Type definitions for @neo4j/graphql 7 over the product's graph (src/dataset/to-graph.ts), as a user of that
// library would write them: one type per label, fact nodes reached through @relationship on SUBJECT/OBJECT,
// citations through CITES with its quote, disputed values through CLAIM_OF, and the derived entity→entity
// relationships a user reaches for: MEMBER_OF, and PARTICIPATED_IN (a person's or a case's events, so that a
// timeline is one nested, sorted, paged selection under the lookup rather than a scan of every Event).
// Only what the benchmark's shapes read is mapped; nothing here is used by the product.
export const neo4jGraphqlTypeDefs = /* GraphQL */ `
  type Source @node {
    id: ID!
    publisher: String
    title: String
    date: String
    url: String
  }

  type Cites @relationshipProperties {
    quote: String!
    ord: Int
  }

  type Derived @relationshipProperties {
    id: String
    factId: String
    role: String
    from: String
    fromStart: String
    to: String
    toEnd: String
  }

  type Claim @node {
    id: ID!
    field: String!
    value: String!
    qualifier: String
    ord: Int
    citations: [Source!]! @relationship(type: "CITES", direction: OUT, properties: "Cites")
  }

  type Person
    @node(labels: ["Person", "Entity"])
    @fulltext(indexes: [{ indexName: "entity_search", queryName: "peopleByName", fields: ["searchKeys"] }]) {
    id: ID!
    name: String!
    sortName: String!
    aliases: String
    searchKeys: String
    description: String
    citations: [Source!]! @relationship(type: "CITES", direction: OUT, properties: "Cites")
    memberships: [Membership!]! @relationship(type: "SUBJECT", direction: IN)
    participations: [Participation!]! @relationship(type: "SUBJECT", direction: IN)
    caseParties: [CaseParty!]! @relationship(type: "SUBJECT", direction: IN)
    memberOf: [Body!]! @relationship(type: "MEMBER_OF", direction: OUT, properties: "Derived")
    events: [Event!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Derived")
  }

  type PartyName @node(labels: ["PartyName", "Fact"]) {
    id: ID!
    name: String!
    from: String
    fromStart: String
    to: String
    toEnd: String
  }

  "Parties and organisations: what people are members of."
  interface Body {
    id: ID!
    name: String!
    sortName: String!
    memberPeople: [Person!]! @declareRelationship
  }

  type Party implements Body @node(labels: ["Party", "Entity"]) {
    id: ID!
    name: String!
    sortName: String!
    status: String
    citations: [Source!]! @relationship(type: "CITES", direction: OUT, properties: "Cites")
    names: [PartyName!]! @relationship(type: "SUBJECT", direction: IN)
    memberships: [Membership!]! @relationship(type: "OBJECT", direction: IN)
    results: [PartyResult!]! @relationship(type: "SUBJECT", direction: IN)
    memberPeople: [Person!]! @relationship(type: "MEMBER_OF", direction: IN, properties: "Derived")
  }

  type Organization implements Body @node(labels: ["Organization", "Entity"]) {
    id: ID!
    name: String!
    sortName: String!
    orgKind: String
    memberships: [Membership!]! @relationship(type: "OBJECT", direction: IN)
    memberPeople: [Person!]! @relationship(type: "MEMBER_OF", direction: IN, properties: "Derived")
  }

  type Membership @node(labels: ["Membership", "Fact"]) {
    id: ID!
    role: String
    title: String
    from: String
    fromStart: String
    to: String
    toEnd: String
    person: [Person!]! @relationship(type: "SUBJECT", direction: OUT)
    organization: [Body!]! @relationship(type: "OBJECT", direction: OUT)
    citations: [Source!]! @relationship(type: "CITES", direction: OUT, properties: "Cites")
  }

  type Election @node(labels: ["Election", "Entity"]) {
    id: ID!
    name: String!
    electionKind: String
    date: String
    turnout: Float
    seats: Int
    results: [PartyResult!]! @relationship(type: "OBJECT", direction: IN)
    claims: [Claim!]! @relationship(type: "CLAIM_OF", direction: IN)
    citations: [Source!]! @relationship(type: "CITES", direction: OUT, properties: "Cites")
  }

  type PartyResult @node(labels: ["PartyResult", "Fact"]) {
    id: ID!
    voteShare: Float
    listSeats: Int
    districtSeats: Int
    totalSeats: Int
    passedThreshold: Boolean
    party: [Party!]! @relationship(type: "SUBJECT", direction: OUT)
    claims: [Claim!]! @relationship(type: "CLAIM_OF", direction: IN)
    citations: [Source!]! @relationship(type: "CITES", direction: OUT, properties: "Cites")
  }

  type CourtCase @node(labels: ["CourtCase", "Entity"]) {
    id: ID!
    name: String!
    charges: [String!]
    from: String
    status: String
    maxPenalty: String
    claims: [Claim!]! @relationship(type: "CLAIM_OF", direction: IN)
    parties: [CaseParty!]! @relationship(type: "OBJECT", direction: IN)
    participations: [Participation!]! @relationship(type: "SUBJECT", direction: IN)
    events: [Event!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Derived")
  }

  type CaseParty @node(labels: ["CaseParty", "Fact"]) {
    id: ID!
    role: String!
    charges: [String!]
    person: [Person!]! @relationship(type: "SUBJECT", direction: OUT)
    citations: [Source!]! @relationship(type: "CITES", direction: OUT, properties: "Cites")
  }

  type Event @node(labels: ["Event", "Entity"]) {
    id: ID!
    name: String!
    eventKind: String
    date: String
    dateStart: String
    "Timeline order key of the date (\`2022-99-99\` for a year, \`2022-03-99\` for a month), stored by the benchmark's loader: ours computes it per query."
    dateOrder: String
    "Names of the fields whose value the sources dispute (then stored as claims, not as a property)."
    disputed: [String!]
    participations: [Participation!]! @relationship(type: "OBJECT", direction: IN)
  }

  type Participation @node(labels: ["Participation", "Fact"]) {
    id: ID!
    role: String
    ord: Int
    person: [Person!]! @relationship(type: "SUBJECT", direction: OUT)
    courtCase: [CourtCase!]! @relationship(type: "SUBJECT", direction: OUT)
    event: [Event!]! @relationship(type: "OBJECT", direction: OUT)
  }
`;
