// The Popolo JSON schemas (popoloproject.com/schemas: person, organization, membership, event, area, other_name,
// identifier, link) as JSON Schema draft-07, and a checker of a whole Popolo document against them. No package
// ships the Popolo schemas and the originals are draft-03 (`"required": true` on a property), which no maintained
// validator reads: each property's type, format and pattern and each required property is restated here as draft-07
// (docs/import-format.md, "Popolo export"). Validated with ajv, whose draft-07 support is complete.
import Ajv from 'ajv';

const base = 'http://www.popoloproject.com/schemas/';
const str = { type: ['string', 'null'] };
const uri = { type: ['string', 'null'], format: 'uri' };
const dateTime = { type: ['string', 'null'], format: 'date-time' };
/** Popolo's partial date: `2012`, `2012-01`, `2012-01-15`. */
const date = { type: ['string', 'null'], pattern: '^[0-9]{4}(-[0-9]{2}){0,2}$' };
/** A membership's or event's start and end: a partial date or a date-time. */
const dateOrTime = { type: ['string', 'null'], pattern: '^[0-9]{4}((-[0-9]{2}){0,2}|(-[0-9]{2}){2}T[0-9]{2}(:[0-9]{2}){0,2}(Z|[+-][0-9]{2}(:[0-9]{2})?))$' };
const arrayOf = (name: string) => ({ type: 'array', items: { $ref: `${base}${name}.json#` } });
const timestamps = { created_at: dateTime, updated_at: dateTime, sources: arrayOf('link') };

const schema = (name: string, title: string, properties: Record<string, unknown>, required: string[] = []) => ({
  $id: `${base}${name}.json#`,
  title,
  type: 'object',
  properties,
  ...(required.length > 0 ? { required } : {}),
});

export const popoloSchemas = [
  schema('link', 'Link', { url: { type: 'string', format: 'uri' }, note: str }, ['url']),
  schema('identifier', 'Identifier', { identifier: { type: 'string' }, scheme: str }, ['identifier']),
  schema('other_name', 'Other name', {
    name: { type: 'string' },
    family_name: str,
    given_name: str,
    additional_name: str,
    honorific_prefix: str,
    honorific_suffix: str,
    patronymic_name: str,
    start_date: date,
    end_date: date,
    note: str,
  }),
  schema('person', 'Person', {
    id: str,
    name: str,
    other_names: arrayOf('other_name'),
    identifiers: arrayOf('identifier'),
    family_name: str,
    given_name: str,
    additional_name: str,
    honorific_prefix: str,
    honorific_suffix: str,
    patronymic_name: str,
    sort_name: str,
    email: { type: ['string', 'null'], format: 'email' },
    gender: str,
    birth_date: date,
    death_date: date,
    image: uri,
    summary: str,
    biography: str,
    national_identity: str,
    links: arrayOf('link'),
    memberships: arrayOf('membership'),
    ...timestamps,
  }),
  schema('organization', 'Organization', {
    id: str,
    name: str,
    other_names: arrayOf('other_name'),
    identifiers: arrayOf('identifier'),
    classification: str,
    parent_id: str,
    area_id: str,
    abstract: str,
    description: str,
    founding_date: date,
    dissolution_date: date,
    image: uri,
    links: arrayOf('link'),
    memberships: arrayOf('membership'),
    ...timestamps,
  }),
  schema('membership', 'Membership', {
    id: str,
    label: str,
    role: str,
    member: { type: ['object', 'null'] },
    person_id: str,
    organization_id: str,
    post_id: str,
    on_behalf_of_id: str,
    area_id: str,
    start_date: dateOrTime,
    end_date: dateOrTime,
    links: arrayOf('link'),
    ...timestamps,
  }),
  schema('event', 'Event', {
    id: str,
    name: str,
    description: str,
    start_date: dateOrTime,
    end_date: dateOrTime,
    location: str,
    status: str,
    identifiers: arrayOf('identifier'),
    classification: str,
    organization_id: str,
    parent_id: str,
    ...timestamps,
  }),
  schema('area', 'Area', { id: str, name: str, identifier: str, classification: str, parent_id: str, geometry: { type: ['object', 'null'] }, ...timestamps }),
];

/**
 * Our extension of Popolo's organisation (docs/import-format.md, "Popolo export"): a party's `predecessors` and
 * `successors`, which Popolo has no field for. Not a Popolo schema; checked the same way.
 */
export const lineageSchema = {
  $id: 'https://github.com/kz-political-graph/popolo-extensions/lineage.json#',
  title: 'Predecessor or successor (extension)',
  type: 'object',
  properties: { name: { type: 'string', minLength: 1 }, names: { type: 'array', items: { type: 'string', minLength: 1 } }, organization_id: { type: 'string' }, date },
  required: ['name'],
  additionalProperties: false,
};

const collections = { persons: 'person', organizations: 'organization', memberships: 'membership', events: 'event', areas: 'area' } as const;

export interface PopoloSchemaError {
  /** JSON pointer of the offending value: `/persons/3/image`. */
  pointer: string;
  message: string;
}

let compiled: Map<string, Ajv.ValidateFunction> | null = null;
function validators(): Map<string, Ajv.ValidateFunction> {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, schemas: [...popoloSchemas, lineageSchema], format: 'full' });
  compiled = new Map(Object.values(collections).map((name) => [name, ajv.getSchema(`${base}${name}.json#`)!]));
  compiled.set('lineage', ajv.getSchema(lineageSchema.$id)!);
  return compiled;
}

const dataPathToPointer = (dataPath: string) => dataPath.replace(/\.([^.[]+)/g, '/$1').replace(/\[(\d+)\]/g, '/$1').replace(/\['([^']+)'\]/g, '/$1');

/**
 * Checks every element of a Popolo document's collections against its schema, plus what the schemas leave to the
 * document: each collection is an array, and memberships and events refer to elements the document holds.
 */
export function checkPopolo(doc: unknown): PopoloSchemaError[] {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return [{ pointer: '', message: 'a Popolo document is a JSON object' }];
  const errors: PopoloSchemaError[] = [];
  const record = doc as Record<string, unknown>;
  const ids = new Map<string, Set<string>>();
  for (const [collection, name] of Object.entries(collections)) {
    const list = record[collection];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      errors.push({ pointer: `/${collection}`, message: 'must be an array' });
      continue;
    }
    const validate = validators().get(name)!;
    const seen = new Set<string>();
    list.forEach((element: unknown, index) => {
      if (!validate(element)) {
        for (const e of validate.errors ?? []) errors.push({ pointer: `/${collection}/${index}${dataPathToPointer(e.dataPath)}`, message: `${name} ${e.message ?? 'is invalid'}` });
      }
      const id = (element as { id?: unknown } | null)?.id;
      if (typeof id === 'string') seen.add(id);
    });
    ids.set(collection, seen);
  }
  const refers = (pointer: string, value: unknown, collection: string) => {
    if (typeof value === 'string' && !ids.get(collection)?.has(value)) errors.push({ pointer, message: `refers to ${value}, which is not among the ${collection}` });
  };
  (Array.isArray(record.memberships) ? (record.memberships as Record<string, unknown>[]) : []).forEach((m, i) => {
    if (typeof m !== 'object' || m === null) return;
    refers(`/memberships/${i}/person_id`, m.person_id, 'persons');
    refers(`/memberships/${i}/organization_id`, m.organization_id, 'organizations');
    refers(`/memberships/${i}/on_behalf_of_id`, m.on_behalf_of_id, 'organizations');
    refers(`/memberships/${i}/legislative_period_id`, m.legislative_period_id, 'events');
  });
  (Array.isArray(record.events) ? (record.events as Record<string, unknown>[]) : []).forEach((e, i) => {
    if (typeof e === 'object' && e !== null) refers(`/events/${i}/organization_id`, e.organization_id, 'organizations');
  });
  // The lineage extension: each entry's shape, and the organisation it names is in the document.
  const lineage = validators().get('lineage')!;
  (Array.isArray(record.organizations) ? (record.organizations as Record<string, unknown>[]) : []).forEach((o, i) => {
    if (typeof o !== 'object' || o === null) return;
    for (const field of ['predecessors', 'successors'] as const) {
      const list = o[field];
      if (list === undefined) continue;
      if (!Array.isArray(list)) {
        errors.push({ pointer: `/organizations/${i}/${field}`, message: 'must be an array' });
        continue;
      }
      list.forEach((l: unknown, j) => {
        const at = `/organizations/${i}/${field}/${j}`;
        if (!lineage(l)) for (const e of lineage.errors ?? []) errors.push({ pointer: `${at}${dataPathToPointer(e.dataPath)}`, message: `${field} ${e.message ?? 'is invalid'}` });
        else refers(`${at}/organization_id`, (l as { organization_id?: unknown }).organization_id, 'organizations');
      });
    }
  });
  return errors;
}
