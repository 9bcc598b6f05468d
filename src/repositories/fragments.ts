// Cypher fragments shared by the batched loaders (one query per level of a GraphQL operation) and the
// prefetch compiler (one query per operation): each is a function of the variable names it may use, so the
// same text can sit at the top of a query or nested inside another's COLLECT subquery without clashing with
// variables of an enclosing scope. Labels and relationship types are never taken from callers' input here.
import { linkTypes, relationTypes, type LinkType } from '../dataset/to-graph.js';

/**
 * A keyset sort key of several parts (Cypher expressions), joined by U+0001: a separator below every character
 * a part holds, so keys order as the tuple of their parts would ("dana sarsenbay" before "dana sarsenbayeva"
 * whatever follows), the order @neo4j/graphql and hand-written `ORDER BY a, b` give.
 */
export function sortKey(...parts: string[]): string {
  return parts.join(" + '\\u0001' + ");
}

/** Fresh variable names for one query being built: v0, v1... never repeated, never user-supplied. */
export class VariableNames {
  private next = 0;
  /** `scope` prefixes every name, so two builders' names in one query never meet. */
  constructor(private readonly scope = '') {}
  fresh(prefix = 'v'): string {
    return `${this.scope}${prefix}_${this.next++}`;
  }
}

/** Variables to keep through a WITH, as its leading items (`a, b, `). */
function carried(carry: readonly string[]): string {
  return carry.map((v) => `${v}, `).join('');
}

const PROPERTY = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * An entity node as a map with its labels (parsed by `parseEntity`): every property, or, given `props` (an
 * operation's projection, src/resolvers/projection.ts), only those and the ones every record carries.
 */
export function entityMap(n: string, props: readonly string[] | null = null): string {
  return `${n} {${propertyList(['id', 'name', 'sortName'], props)}, labels: labels(${n})}`;
}

/** A map projection's property items: all (`.*`) when `props` is null, else `always` and `props`. */
function propertyList(always: readonly string[], props: readonly string[] | null): string {
  if (props === null) return '.*';
  const names = [...new Set([...always, ...props])];
  for (const name of names) if (!PROPERTY.test(name)) throw new Error(`not a property name: ${name}`);
  return names.map((p) => `.${p}`).join(', ');
}

/**
 * A fact node as a map with the ids of what it links to (parsed by `parseFact`): one walk over its outgoing
 * links, each as `[type, id]`, not one pattern per link type. `links` (an operation's projection,
 * src/resolvers/projection.ts) names the link types its resolvers follow: only those are walked, none when it
 * is empty (every link walked is a db hit, and each other end's id another); null walks them all.
 */
export function factMap(f: string, names: VariableNames, props: readonly string[] | null = null, links: readonly LinkType[] | null = null): string {
  const walked = links === null ? linkTypes : linkTypes.filter((t) => links.includes(t));
  if (walked.length === 0) return `${f} {${propertyList(['id', 'ord', 'retracted'], props)}, labels: labels(${f}), links: []}`;
  const x = names.fresh('x');
  const l = names.fresh('l');
  return `${f} {${propertyList(['id', 'ord', 'retracted'], props)}, labels: labels(${f}), links: [(${f})-[${l}:${walked.join('|')}]->(${x}) | [type(${l}), ${x}.id]]}`;
}

/** The order of an owner's facts of one kind: timeline order of their start (`dateOrderKey`), then as listed in the sources. */
export function factOrder(f: string): string {
  return `coalesce(${dateTextOrderKey(`${f}.from`)}, ${dateTextOrderKey(`${f}.date`)}, ''), ${f}.ord, ${f}.id`;
}

/**
 * Timeline order of a date stored as its first day and precision (an expression): `2022-99-99` for a year,
 * `2022-03-99` for a month, the day itself otherwise, as `dateOrderKey` in src/domain/timeline-order.ts.
 */
export function dateOrderKey(start: string, precision: string): string {
  return `CASE ${precision} WHEN 'YEAR' THEN left(${start}, 4) + '-99-99' WHEN 'MONTH' THEN left(${start}, 7) + '-99' ELSE ${start} END`;
}

/** The same order key from a date's text (`2022`, `2022-03`, `2022-03-05`); null for null. */
export function dateTextOrderKey(text: string): string {
  return `CASE size(${text}) WHEN 4 THEN ${text} + '-99-99' WHEN 7 THEN ${text} + '-99' ELSE ${text} END`;
}

/** Whether fact `f` holds on day `asOf` (an expression; null: any day), as `holdsOn` in the resolvers. */
export function holdingOn(f: string, asOf: string): string {
  return `(${asOf} IS NULL OR ((${f}.fromStart IS NULL OR ${f}.fromStart <= ${asOf}) AND (${f}.toEnd IS NULL OR ${f}.toEnd >= ${asOf})))`;
}

/** A source's properties without its text (which `Source.text` loads on request), as parsed by `parseSource`. */
export function sourceMap(s: string, props: readonly string[] | null = null): string {
  return `${s} {${props === null ? '.id, .kind, .publisher, .author, .title, .date, .url, .language, .sha256, .retrievedAt, .version' : propertyList(['id', 'publisher'], props)}}`;
}

/** The properties read of citations (`citation`) and of their sources (`source`); null: all. */
export interface CitationProjection {
  citation: readonly string[] | null;
  source: readonly string[] | null;
}

/**
 * What one operation reads of each kind of record (src/resolvers/projection.ts computes it once per operation):
 * entity, fact and relationship properties and the citation side; null on a side reads whole records. Built
 * once and passed whole to every planned read, so a new side is one field here, not a parameter everywhere.
 */
export interface ReadProjection {
  entity: readonly string[] | null;
  fact: readonly string[] | null;
  citations: CitationProjection | null;
  relation: readonly RelationProperty[] | null;
  /** The fact links its resolvers follow (`factMap`); null: all. */
  links: readonly LinkType[] | null;
}

/** Reads whole records (planning off, or a caller with no operation). */
export const wholeRecords: ReadProjection = { entity: null, fact: null, citations: null, relation: null, links: null };

/**
 * The audit trail of node `o` (an entity or fact), oldest first: its changes (`c {.*}`, parsed by `parseChange`) in
 * the order they were recorded, by the sequence of its history, then time and id.
 */
export function historyList(o: string, names: VariableNames): string {
  const h = names.fresh('h');
  const c = names.fresh('c');
  return `COLLECT { MATCH (${o})<-[${h}:CHANGED]-(${c}:Change) WITH ${h}, ${c} ORDER BY ${h}.seq, ${c}.at, ${c}.id RETURN ${c} {.*} }`;
}

const CITATION_PROPERTIES = ['quote', 'locator', 'start', 'end'] as const;

/** The citations of node `o` in their stated order, as a list of `{quote, locator, start, end, source}` (parsed by `parseCitation`). */
export function citationList(o: string, names: VariableNames, projection: CitationProjection | null = null): string {
  const c = names.fresh('c');
  const s = names.fresh('s');
  const props = CITATION_PROPERTIES.filter((p) => projection?.citation == null || projection.citation.includes(p));
  return `COLLECT { MATCH (${o})-[${c}:CITES]->(${s}:Source) WITH ${c}, ${s} ORDER BY ${c}.ord
    RETURN {${props.map((p) => `${p}: ${c}.${p}, `).join('')}source: ${sourceMap(s, projection?.source ?? null)}} }`;
}

/** The disputed-value claims of the entity or fact with id `ownerId`, each with its citations (parsed by `parseClaim`). */
export function claimList(ownerId: string, names: VariableNames, projection: CitationProjection | null = null): string {
  const c = names.fresh('c');
  return `COLLECT { MATCH (${c}:Claim) WHERE ${c}.id STARTS WITH ${ownerId} + '#'
      WITH ${c} ORDER BY ${c}.field, ${c}.ord
      RETURN {ownerId: ${ownerId}, field: ${c}.field, value: ${c}.value, qualifier: ${c}.qualifier, citations: ${citationList(c, names, projection)}} }`;
}

/** The rows of a keyset page: those after cursor key `after` (an expression; null: from the start), at most `limit`. */
export interface PageBounds {
  after: string;
  limit: string;
}

/**
 * `(p0, p1, ...) > after`, compared part by part as `ORDER BY p0, p1, ...` orders, against a cursor key made by
 * `sortKey` (an expression; null: true). Sorting and cutting on the parts themselves is a top-k over the rows'
 * own values; only the page's rows then get their key string built.
 */
function tupleAfter(parts: readonly string[], after: string): string {
  const at = (i: number) => `split(${after}, '\\u0001')[${i}]`;
  const greater = (i: number): string => (i === parts.length - 1 ? `${parts[i]} > ${at(i)}` : `(${parts[i]} > ${at(i)} OR (${parts[i]} = ${at(i)} AND ${greater(i + 1)}))`);
  return `(${after} IS NULL OR ${greater(0)})`;
}

/** The filter of a relation `r` of entity `e` as request `req` (types, asOf, includeRetracted) asks; `t` its relation type. */
function relationFilter(r: string, t: string, req: string): string {
  return `(${req}.types IS NULL OR ${t} IN ${req}.types)
        AND (${req}.asOf IS NULL OR ((${r}.fromStart IS NULL OR ${r}.fromStart <= ${req}.asOf) AND (${r}.toEnd IS NULL OR ${r}.toEnd >= ${req}.asOf)))`;
}

/** The relation type of relationship `r`: its own, or the one a retracted relation keeps in a property. */
function relationTypeOf(r: string, typed: boolean): string {
  return typed ? `CASE type(${r}) WHEN 'RETRACTED_RELATION' THEN ${r}.relationType ELSE type(${r}) END` : `coalesce(${r}.relationType, type(${r}))`;
}

/** Which relationships of the pattern are relations: typed, all but retracted ones unless asked; untyped, the derived ones. */
function relationKind(r: string, req: string, typed: boolean): string {
  return typed ? `(type(${r}) <> 'RETRACTED_RELATION' OR ${req}.includeRetracted)` : `(${r}.derived OR (${req}.includeRetracted AND type(${r}) = 'RETRACTED_RELATION'))`;
}

/**
 * One keyset page of the relations of entity `e` matching request `req` (a map: types, asOf, includeRetracted),
 * sorted by key; `row` is the row as a map `{key, r, o, type, outgoing}`. Callers gather the rows themselves
 * (`collect` in a CALL, or a COLLECT subquery). `carry` are variables to keep alongside. `types`, when every
 * request asks for the same relation types, puts them in the pattern so Neo4j expands only those
 * relationships (not the facts' links and citations that crowd every entity); names outside the fixed list of
 * relation types are dropped.
 */
export function relationRows(e: string, req: string, names: VariableNames, page: PageBounds, carry: string[] = [], types: readonly string[] | null = null): { cypher: string; row: string } {
  const r = names.fresh('r');
  const o = names.fresh('o');
  const t = names.fresh('t');
  const k = names.fresh('k');
  const out = names.fresh('out');
  const keep = carried(carry);
  const typed = types !== null;
  return {
    row: `{key: ${k}, r: ${r}, o: ${o}, type: ${t}, outgoing: ${out}}`,
    // Relation types join entities only (src/dataset/to-graph.ts), so a typed walk checks no label on the other
    // end (a db hit per relationship of a hub); the untyped walk keeps it beside its `derived` filter.
    cypher: `MATCH (${e})-[${r}${typePattern(types)}]-(${o}${typed ? '' : ':Entity'})
      WHERE ${relationKind(r, req, typed)}
      WITH ${keep}${r}, ${o}, ${relationTypeOf(r, typed)} AS ${t}, startNode(${r}) = ${e} AS ${out}
      WHERE ${relationFilter(r, t, req)} AND ${tupleAfter([t, `${o}.sortName`, `${r}.id`], page.after)}
      WITH ${keep}${r}, ${o}, ${t}, ${out} ORDER BY ${t}, ${o}.sortName, ${r}.id LIMIT ${page.limit}
      WITH ${keep}${r}, ${o}, ${t}, ${out}, ${sortKey(t, `${o}.sortName`, `${r}.id`)} AS ${k} ORDER BY ${k}`,
  };
}

/**
 * How many relations of entity `e` match request `req`: from Neo4j's degree counts when the request is only by
 * type (relation types join entities only), by walking them when it filters by day or includes retracted ones.
 */
export function relationCount(e: string, req: string, names: VariableNames, types: readonly string[] | null = null): string {
  const r = names.fresh('r');
  const o = names.fresh('o');
  const typed = types !== null;
  const walk = `COUNT { MATCH (${e})-[${r}${typePattern(types)}]-(${o}:Entity) WHERE ${relationKind(r, req, typed)} AND ${relationFilter(r, relationTypeOf(r, typed), req)} }`;
  if (!typed) return walk;
  const known = relationTypes.filter((x) => types.includes(x));
  if (known.length === 0) return '0';
  return `CASE WHEN ${req}.includeRetracted OR ${req}.asOf IS NOT NULL THEN ${walk} ELSE COUNT { (${e})-[:${known.join('|')}]-() } END`;
}

/** `:A|B|RETRACTED_RELATION` for the known relation types among `types` (retracted ones keep their type in a property); empty for all. */
function typePattern(types: readonly string[] | null): string {
  if (types === null) return '';
  const known = relationTypes.filter((t) => types.includes(t));
  return `:${[...known, 'RETRACTED_RELATION'].join('|')}`;
}

/** A relationship's stored properties a relation map may carry (its type, direction and other end always come). */
export const relationProperties = ['id', 'factId', 'role', 'from', 'to'] as const;
export type RelationProperty = (typeof relationProperties)[number];

/**
 * One relation row `x` (from `relationRows`) as a map (parsed by `parseRelation`), plus `extra` entries: with the
 * stored properties `props` only (null: all of them), since each one read is a db hit per relation.
 */
export function relationMap(x: string, extra = '', props: readonly RelationProperty[] | null = null): string {
  const stored = (p: RelationProperty) => (props === null || props.includes(p) ? `${p}: ${x}.r.${p}, ` : '');
  return `{key: ${x}.key, ${stored('id')}type: ${x}.type, direction: CASE WHEN ${x}.outgoing THEN 'OUTGOING' ELSE 'INCOMING' END,
    otherId: ${x}.o.id, ${stored('factId')}${stored('role')}${stored('from')}${stored('to')}
    retracted: type(${x}.r) = 'RETRACTED_RELATION'${extra}}`;
}

/**
 * The events matching request `req` (a map: kinds, from, to, placeId) as rows of `n`: those an entity `e`
 * took part in when `e` is given (a walk from the entity), or all events otherwise (a label scan).
 */
export function matchingEvents(e: string | null, req: string, n: string, names: VariableNames): string {
  const filters = `(${req}.kinds IS NULL OR ${n}.eventKind IN ${req}.kinds)
      AND (${req}.from IS NULL OR ${n}.dateEnd >= ${req}.from)
      AND (${req}.to IS NULL OR ${n}.dateStart <= ${req}.to)
      AND (${req}.placeId IS NULL OR ${n}.placeId = ${req}.placeId
           OR EXISTS { (:Entity {id: ${n}.placeId})-[:LOCATED_IN*1..3]->(:Place {id: ${req}.placeId}) })`;
  if (e === null) return `MATCH (${n}:Event) WHERE ${filters}`;
  const p = names.fresh('p');
  return `MATCH (${e})<-[:SUBJECT]-(${p}:Participation)-[:OBJECT]->(${n}:Event)
      WHERE NOT coalesce(${p}.retracted, false) AND ${filters}
      WITH DISTINCT ${n}`;
}

/**
 * `{total, page}`: how many events match request `req` (as `matchingEvents`) and one keyset page of them in
 * timeline order (`eventsSorted`), each page row (`{key, n}`, bound to the variable it is given) made into a map
 * by `each`. An entity's events are walked once (through its participations, into a list both the count and the
 * page read); all events (`e` null) are counted and paged by two label scans rather than held in one list.
 */
export function eventsPage(e: string | null, req: string, names: VariableNames, page: PageBounds, each: (x: string) => string): string {
  const ev = names.fresh('ev');
  const x = names.fresh('x');
  const sorted = eventsSorted(ev, names, page);
  const rows = (source: string) => `COLLECT { ${source} ${sorted.cypher} WITH ${sorted.row} AS ${x} ${each(x)} }`;
  const found = names.fresh('ev');
  if (e === null) return `{total: COUNT { ${matchingEvents(null, req, found, names)} RETURN ${found} }, page: ${rows(matchingEvents(null, req, ev, names))}}`;
  const all = names.fresh('evs');
  return `[${all} IN [COLLECT { ${matchingEvents(e, req, found, names)} RETURN ${found} }] | {total: size(${all}), page: ${rows(`UNWIND ${all} AS ${ev}`)}}][0]`;
}

/**
 * One keyset page of event rows `n` in timeline order (`dateOrderKey`, then id); `row` is the row as a map
 * `{key, n}`. `carry` as in `relationRows`. A top-k on the tuple (date key, id), as `relationRows` pages: only
 * the page's rows get their cursor key string built.
 */
export function eventsSorted(n: string, names: VariableNames, page: PageBounds, carry: string[] = []): { cypher: string; row: string; key: string } {
  const k = names.fresh('k');
  const d = names.fresh('d');
  const keep = carried(carry);
  return {
    key: k,
    row: `{key: ${k}, n: ${n}}`,
    cypher: `WITH ${keep}${n}, ${dateOrderKey(`${n}.dateStart`, `${n}.datePrecision`)} AS ${d}
      WHERE ${tupleAfter([d, `${n}.id`], page.after)}
      WITH ${keep}${n}, ${d} ORDER BY ${d}, ${n}.id LIMIT ${page.limit}
      WITH ${keep}${n}, ${sortKey(d, `${n}.id`)} AS ${k} ORDER BY ${k}`,
  };
}
