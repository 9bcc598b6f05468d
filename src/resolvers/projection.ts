// Projection: which entity and fact properties an operation reads, so the repositories fetch only those instead
// of whole records (`n {.*}`). Computed once per parsed operation, as part of its analysis (./analysis.ts), from every field it selects on an entity or
// fact type (through fragments): fields of the field model read what their declaration says (./model.ts
// `reads`), the plain fields below read their own properties, and any other field — a value the sources may
// dispute, a kind-specific scalar, a field added later — makes the operation read whole records of that side.
// Records primed into a request's loaders therefore always carry every property any resolver of that operation
// reads. With planning off (`PREFETCH=false`) records are read whole, so the planned-versus-unplanned test
// (test/integration/prefetch.test.ts) checks the projection too.
import { getNamedType, isInterfaceType, isObjectType, Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { linkTypes, type LinkType } from '../dataset/to-graph.js';
import { relationProperties, type RelationProperty } from '../repositories/fragments.js';
import { catalogued, entityTypeNames, factTypeNames, modelOfField, rootModelOf, type Uses } from './model.js';

/** Entity fields that read only the parent's id (or nothing), and the plain fields that read their own properties. */
const entityReads: Record<string, readonly string[]> = {
  __typename: [],
  id: [],
  name: [],
  kind: [],
  related: [],
  history: [],
  historyConnection: [],
  description: ['description'],
  aliases: ['aliases'],
  identifiers: ['identifiers'],
  predecessors: ['predecessors'],
  successors: ['successors'],
};

/** Fact fields likewise; a fact always carries its links (./fragments.ts `factMap`), which its loading fields follow. */
const factReads: Record<string, readonly string[]> = {
  __typename: [],
  id: [],
  history: [],
  historyConnection: [],
  role: ['role'],
  title: ['title'],
  from: ['from'],
  to: ['to'],
  date: ['date'],
  name: ['name'],
  relation: ['relation'],
  summary: ['summary'],
  mandate: ['mandate'],
  outcome: ['outcome'],
  selfNominated: ['selfNominated'],
  passedThreshold: ['passedThreshold'],
  charges: ['charges'],
  status: ['status'],
  term: ['term'],
  independent: ['independent'],
  party: [],
  retraction: ['retractedReason', 'retractedBy', 'retractedAt'],
};

/**
 * Fact fields outside the field model that follow a link of their fact (read an id off the record, ./fragments.ts
 * `factMap`). The others: a modelled field follows the links its steps walk (`Membership.person`: SUBJECT) and
 * those its `uses` name; the plain fields of `factReads` and claimable values (`*Value`) follow none; any other
 * fact field makes the operation walk every link.
 */
const factLinkReads: Record<string, readonly LinkType[]> = {
  'Membership.party': ['ON_BEHALF_OF'],
  'FamilyTie.recordedFor': ['SUBJECT'],
};

/** Claimable values: read from the record's own properties, never its links. */
const valueTypes = new Set(['IntValue', 'FloatValue', 'StringValue', 'PartialDateValue', 'EntityValue']);

/** A citation's own properties; its `source` reads the source side. */
const citationReads: Record<string, readonly string[]> = {
  __typename: [],
  source: [],
  quote: ['quote'],
  locator: ['locator'],
  start: ['start'],
  end: ['end'],
};

/** A source's fields that read a stored property of the same name; its loading fields read nothing of the record. */
const sourceReads: Record<string, readonly string[]> = {
  __typename: [],
  id: [],
  ...Object.fromEntries(['kind', 'title', 'publisher', 'author', 'date', 'url', 'language', 'sha256', 'retrievedAt', 'version'].map((p) => [p, [p]])),
  citationCount: [],
  previousVersions: [],
  citations: [],
  mentions: [],
};

/** A relation's fields and the relationship properties they read (type, direction and the other end always come). */
const relationReads: Record<string, readonly RelationProperty[]> = {
  __typename: [],
  id: ['id'],
  type: [],
  direction: [],
  other: [],
  retracted: [],
  role: ['role'],
  from: ['from'],
  to: ['to'],
  fact: ['factId'],
  citations: ['factId'],
};

export interface Projection {
  /** Entity properties the operation reads; null: whole records. */
  entity: string[] | null;
  /** Fact properties the operation reads; null: whole records. */
  fact: string[] | null;
  /** Citation properties (quote, locator, offsets) it reads; null: all. */
  citation: string[] | null;
  /** Source properties it reads under citations; null: all (their text aside). */
  source: string[] | null;
  /** Relationship properties its relations read; null: all. */
  relation: RelationProperty[] | null;
  /** Fact links its resolvers follow; null: all. */
  links: LinkType[] | null;
}

/** The properties `operation` reads of entities and of facts. */
export function projectionOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): Projection {
  const sides = {
    entity: { reads: entityReads, props: new Set<string>(), whole: false },
    fact: { reads: factReads, props: new Set<string>(), whole: false },
    citation: { reads: citationReads, props: new Set<string>(), whole: false },
    source: { reads: sourceReads, props: new Set<string>(), whole: false },
    relation: { reads: relationReads as Record<string, readonly string[]>, props: new Set<string>(), whole: false },
    links: { reads: {} as Record<string, readonly string[]>, props: new Set<string>(), whole: false },
  };
  const use = (uses: Uses | undefined) => {
    for (const [key, props] of Object.entries(uses ?? {}) as [keyof typeof sides, readonly string[] | null | undefined][]) {
      if (props === undefined) continue;
      if (props === null) sides[key].whole = true;
      else props.forEach((p) => sides[key].props.add(p));
    }
  };
  const typeInfo = new TypeInfo(schema);
  // Fragments are visited where they are defined: a fragment the operation does not use only widens the projection.
  const parts = document.definitions.filter((d) => d === operation || d.kind === Kind.FRAGMENT_DEFINITION);
  for (const part of parts) {
    visit(
      part,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const parent = typeInfo.getParentType();
          if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) return;
          const name = node.name.value;
          const model = modelOfField(parent.name, name);
          // What the field's resolver reads of what it loads: its entry in the catalogue (a root's in the root model).
          const entry = parent === schema.getQueryType() ? rootModelOf(name) : catalogued(parent.name, name);
          use(entry?.uses);
          if (factTypeNames.has(parent.name)) {
            const links = sides.links;
            const listed = factLinkReads[`${parent.name}.${name}`];
            const fieldType = typeInfo.getFieldDef()?.type;
            if (listed) listed.forEach((l) => links.props.add(l));
            else if (model) {
              for (const { need } of model.steps({})) if (need.kind === 'entityByLink') links.props.add(need.link);
            }
            else if (!(name in factReads) && !(fieldType && valueTypes.has(getNamedType(fieldType).name))) links.whole = true;
          }
          // `Node` is both: its one field, `id`, reads nothing on either side.
          const side =
            entityTypeNames.has(parent.name) || parent.name === 'Node'
              ? sides.entity
              : factTypeNames.has(parent.name)
                ? sides.fact
                : parent.name === 'Citation'
                  ? sides.citation
                  : parent.name === 'Source'
                    ? sides.source
                    : parent.name === 'Relation'
                      ? sides.relation
                      : null;
          if (!side || side.whole) return;
          const plain = side.reads[name];
          if (plain) return void plain.forEach((p) => side.props.add(p));
          // A modelled field reads nothing of its parent unless it says so; an unplanned one must say what it reads.
          const declared = model ? (model.reads ?? []) : entry && 'reads' in entry ? entry.reads : undefined;
          if (declared) return void declared.forEach((p) => side.props.add(p));
          side.whole = true;
        },
      }),
    );
  }
  return {
    entity: sides.entity.whole ? null : [...sides.entity.props].sort(),
    fact: sides.fact.whole ? null : [...sides.fact.props].sort(),
    citation: sides.citation.whole ? null : [...sides.citation.props].sort(),
    source: sides.source.whole ? null : [...sides.source.props].sort(),
    relation: sides.relation.whole ? null : relationProperties.filter((p) => sides.relation.props.has(p)),
    links: sides.links.whole ? null : linkTypes.filter((l) => sides.links.props.has(l)),
  };
}

/** The entity properties `operation` reads; null when it needs whole records. */
export function entityProjection(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): string[] | null {
  return projectionOf(schema, document, operation).entity;
}
