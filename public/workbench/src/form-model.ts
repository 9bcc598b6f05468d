// "Facts from passages": the form of each mutation that takes citations, generated from the schema by
// introspection (enums as choices, references to entities as pickers with the kinds the field names, partial
// dates as checked text), the variables a filled form makes (the selected passage as the citation), and the
// mutation document sending them. Pure (no DOM): unit-tested in test/unit/workbench-form.test.ts.
import type { WorkbenchSchemaQuery } from './gql/graphql.js';

export type IntrospectedSchema = WorkbenchSchemaQuery['__schema'];
type IntrospectedType = IntrospectedSchema['types'][number];

interface TypeRef {
  kind: string;
  name: string | null;
  ofType?: TypeRef | null;
}

export type EntityKindName = 'PERSON' | 'PARTY' | 'ORGANIZATION' | 'PLACE' | 'DISTRICT' | 'ELECTION' | 'COURT_CASE' | 'EVENT';

export type Control =
  | { control: 'text' }
  | { control: 'partialDate' }
  /** An entity by id, picked by search; `kinds` null: any kind. */
  | { control: 'entity'; kinds: EntityKindName[] | null }
  /** A fact's id (a candidacy, a membership to end) or the id of a new fact: typed. */
  | { control: 'factId' }
  | { control: 'enum'; options: { value: string; label: string }[] }
  | { control: 'int' }
  | { control: 'float' }
  | { control: 'boolean' }
  /** A list of strings, one a line. */
  | { control: 'strings' }
  /** A nested input object; `list`: any number of them. */
  | { control: 'group'; list: boolean; fields: FormField[] };

export type FormField = Control & {
  name: string;
  label: string;
  description: string;
  required: boolean;
};

export interface FormModel {
  mutation: string;
  description: string;
  /** `input`: one `input` argument of an input type whose fields are the form; `arguments`: the arguments are. */
  shape: 'input' | 'arguments';
  /** The input type (shape `input`), for the document's variable. */
  inputType: string | null;
  /** Argument types by name (shape `arguments`). */
  argumentTypes: Record<string, string>;
  fields: FormField[];
  /** Where the passage goes: `citations` (a list, in the input) or `citation` (one, an argument). */
  citation: { name: string; list: boolean };
  /** Payload fields holding what was written (selected with `{ id }`), best first; `changes` and `errors` apart. */
  resultFields: string[];
}

/** Partial dates are strings of these names (`2023`, `2023-03`, `2023-03-19`). */
const dateFields = new Set(['from', 'to', 'date', 'opened', 'endDate']);
export const partialDatePattern = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** Which kinds a reference may name, by the field's name (the schema's types say only `ID`). */
const kindsByField: Record<string, EntityKindName[] | null> = {
  person: ['PERSON'],
  relative: ['PERSON'],
  organization: ['PARTY', 'ORGANIZATION'],
  party: ['PARTY'],
  nominatedBy: ['PARTY'],
  election: ['ELECTION'],
  district: ['DISTRICT'],
  courtCase: ['COURT_CASE'],
  event: ['EVENT'],
  place: ['PLACE'],
  within: ['PLACE'],
  body: ['ORGANIZATION'],
  parent: ['ORGANIZATION', 'PARTY'],
  court: ['ORGANIZATION'],
  observer: ['ORGANIZATION'],
  by: ['ORGANIZATION'],
  entity: null,
};
/** References to facts, typed as ids. */
const factReferences = new Set(['candidacy']);

const upsertKinds: Record<string, EntityKindName> = {
  upsertPerson: 'PERSON',
  upsertParty: 'PARTY',
  upsertOrganization: 'ORGANIZATION',
  upsertPlace: 'PLACE',
  upsertDistrict: 'DISTRICT',
  upsertElection: 'ELECTION',
  upsertCourtCase: 'COURT_CASE',
  upsertEvent: 'EVENT',
};

function unwrap(t: TypeRef): { name: string; kind: string; required: boolean; list: boolean } {
  let required = false;
  let list = false;
  let cur: TypeRef = t;
  if (cur.kind === 'NON_NULL' && cur.ofType) {
    required = true;
    cur = cur.ofType;
  }
  if (cur.kind === 'LIST' && cur.ofType) {
    list = true;
    cur = cur.ofType;
    if (cur.kind === 'NON_NULL' && cur.ofType) cur = cur.ofType;
  }
  return { name: cur.name ?? '', kind: cur.kind, required, list };
}

/** A field's name as a label: `nominatedBy` → `Nominated by`. */
export function labelOf(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function typeNamed(schema: IntrospectedSchema, name: string): IntrospectedType {
  const t = schema.types.find((x) => x.name === name);
  if (!t) throw new Error(`the schema has no type ${name}`);
  return t;
}

const isCitation = (typeName: string) => typeName === 'CitationInput';

function fieldOf(schema: IntrospectedSchema, mutation: string, name: string, description: string | null, type: TypeRef, depth: number): FormField | null {
  const t = unwrap(type);
  if (isCitation(t.name)) return null; // the selected passage is the citation
  const base = { name, label: labelOf(name), description: description ?? '', required: t.required };
  if (t.kind === 'ENUM') {
    const values = typeNamed(schema, t.name).enumValues ?? [];
    return { ...base, control: 'enum', options: values.map((v) => ({ value: v.name, label: v.description ? `${labelOf(v.name.toLowerCase())} (${v.description.replace(/\.$/, '')})` : v.name })) };
  }
  if (t.kind === 'INPUT_OBJECT') {
    if (depth >= 2) return null;
    const inner = (typeNamed(schema, t.name).inputFields ?? [])
      .map((f) => fieldOf(schema, mutation, f.name, f.description, f.type, depth + 1))
      .filter((f): f is FormField => f !== null);
    return { ...base, control: 'group', list: t.list, fields: inner };
  }
  if (t.list) return { ...base, control: 'strings' };
  switch (t.name) {
    case 'Int':
      return { ...base, control: 'int' };
    case 'Float':
      return { ...base, control: 'float' };
    case 'Boolean':
      return { ...base, control: 'boolean' };
    case 'ID':
      if (name === 'id') {
        const kind = upsertKinds[mutation];
        return kind && depth === 0 ? { ...base, control: 'entity', kinds: [kind] } : { ...base, control: 'factId' };
      }
      if (factReferences.has(name)) return { ...base, control: 'factId' };
      return { ...base, control: 'entity', kinds: name in kindsByField ? kindsByField[name]! : null };
    default:
      return dateFields.has(name) ? { ...base, control: 'partialDate' } : { ...base, control: 'text' };
  }
}

/** The mutations a passage can support: those taking a citation (in their input or as an argument). */
export function recordableMutations(schema: IntrospectedSchema): string[] {
  const mutationType = typeNamed(schema, schema.mutationType?.name ?? 'Mutation');
  return (mutationType.fields ?? [])
    .filter((f) => {
      const cites = (a: { type: TypeRef }) => isCitation(unwrap(a.type).name);
      if (f.args.some(cites)) return true;
      const input = f.args.find((a) => a.name === 'input');
      if (!input) return false;
      return (typeNamed(schema, unwrap(input.type).name).inputFields ?? []).some((x) => x.name === 'citations' && cites(x));
    })
    .map((f) => f.name);
}

/** The form of one mutation. */
export function formModel(schema: IntrospectedSchema, mutation: string): FormModel {
  const mutationType = typeNamed(schema, schema.mutationType?.name ?? 'Mutation');
  const field = (mutationType.fields ?? []).find((f) => f.name === mutation);
  if (!field) throw new Error(`no mutation ${mutation}`);
  const input = field.args.length === 1 && field.args[0]!.name === 'input' ? field.args[0]! : null;
  const payload = typeNamed(schema, unwrap(field.type).name);
  /** Names of the input's references (ids): a payload field of that name is not what was written. */
  const inputNames = new Set<string>();
  let fields: FormField[];
  let citation: FormModel['citation'];
  let inputType: string | null = null;
  const argumentTypes: Record<string, string> = {};
  if (input) {
    inputType = unwrap(input.type).name;
    const inputFields = typeNamed(schema, inputType).inputFields ?? [];
    inputFields.filter((f) => unwrap(f.type).name === 'ID').forEach((f) => inputNames.add(f.name));
    fields = inputFields.map((f) => fieldOf(schema, mutation, f.name, f.description, f.type, 0)).filter((f): f is FormField => f !== null);
    const cites = inputFields.find((f) => isCitation(unwrap(f.type).name));
    citation = { name: cites?.name ?? 'citations', list: cites ? unwrap(cites.type).list : true };
  } else {
    for (const a of field.args) {
      if (unwrap(a.type).name === 'ID') inputNames.add(a.name);
      argumentTypes[a.name] = printType(a.type);
    }
    fields = field.args.map((a) => fieldOf(schema, mutation, a.name, a.description, a.type, 0)).filter((f): f is FormField => f !== null);
    const cites = field.args.find((a) => isCitation(unwrap(a.type).name));
    citation = { name: cites?.name ?? 'citation', list: cites ? unwrap(cites.type).list : false };
  }
  // What the mutation wrote, not a record its input referred to by id (addCandidacyStatus answers the candidacy too).
  const resultFields = (payload.fields ?? [])
    .filter((f) => f.name !== 'changes' && f.name !== 'errors')
    .map((f) => f.name)
    .sort((a, b) => Number(inputNames.has(a)) - Number(inputNames.has(b)));
  return { mutation, description: field.description ?? '', shape: input ? 'input' : 'arguments', inputType, argumentTypes, fields, citation, resultFields };
}

function printType(t: TypeRef): string {
  if (t.kind === 'NON_NULL' && t.ofType) return `${printType(t.ofType)}!`;
  if (t.kind === 'LIST' && t.ofType) return `[${printType(t.ofType)}]`;
  return t.name ?? '';
}

/** The mutation's document: what was written (its id) and every refusal. */
export function mutationDocument(model: FormModel): string {
  const result = model.resultFields.map((f) => `${f} { id }`).join(' ');
  if (model.shape === 'input') {
    return `mutation Record($input: ${model.inputType}!) { ${model.mutation}(input: $input) { ${result} changes { id } errors { field code message } } }`;
  }
  const names = Object.keys(model.argumentTypes);
  const vars = names.map((n) => `$${n}: ${model.argumentTypes[n]}`).join(', ');
  const args = names.map((n) => `${n}: $${n}`).join(', ');
  return `mutation Record(${vars}) { ${model.mutation}(${args}) { ${result} changes { id } errors { field code message } } }`;
}

/** A refusal of one field, the form's or the server's: `field` is the input path (`from`, `aliases[0].name`). */
export interface FieldError {
  field: string | null;
  code: string;
  message: string;
}

/** Raw form values: strings as typed (booleans as `true`/`false`/``), groups as objects, lists of groups as arrays. */
export type RawValues = Record<string, unknown>;

/** A raw value as the text a form field would hold. */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function convert(field: FormField, raw: unknown, path: string, errors: FieldError[]): unknown {
  if (field.control === 'group') {
    const items = (field.list ? (Array.isArray(raw) ? raw : []) : raw === undefined ? [] : [raw]).filter((item) => !blank(item));
    const out = items.map((item, i) => convertAll(field.fields, (item ?? {}) as RawValues, field.list ? `${path}[${i}].` : `${path}.`, errors)).filter((o) => Object.keys(o).length > 0);
    if (out.length === 0) return undefined;
    return field.list ? out : out[0];
  }
  if (field.control === 'strings') {
    const list = (Array.isArray(raw) ? raw.map(asText) : asText(raw).split('\n')).map((s) => s.trim()).filter((s) => s !== '');
    return list.length > 0 ? list : undefined;
  }
  if (typeof raw === 'boolean') return raw;
  if (typeof raw === 'number') return raw;
  const text = asText(raw).trim();
  if (text === '') return undefined;
  switch (field.control) {
    case 'int':
      if (!/^-?\d+$/.test(text)) errors.push({ field: path, code: 'INVALID', message: 'A whole number.' });
      return Number.parseInt(text, 10);
    case 'float':
      if (!Number.isFinite(Number(text))) errors.push({ field: path, code: 'INVALID', message: 'A number (a decimal point, no percent sign).' });
      return Number(text);
    case 'boolean':
      return text === 'true';
    case 'partialDate':
      if (!partialDatePattern.test(text)) errors.push({ field: path, code: 'BAD_DATE', message: 'A date as precise as the source: 2023, 2023-03 or 2023-03-19.' });
      return text;
    case 'enum':
      if (!field.options.some((o) => o.value === text)) errors.push({ field: path, code: 'INVALID', message: 'Choose one of the options.' });
      return text;
    default:
      return text;
  }
}

/** A group item the user left empty (added and not filled): ignored, not refused. */
function blank(raw: unknown): boolean {
  if (raw === undefined || raw === null) return true;
  if (Array.isArray(raw)) return raw.every(blank);
  if (typeof raw === 'object') return Object.values(raw).every(blank);
  return typeof raw === 'string' && raw.trim() === '';
}

function convertAll(fields: readonly FormField[], raw: RawValues, prefix: string, errors: FieldError[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const value = convert(f, raw[f.name], `${prefix}${f.name}`, errors);
    if (value === undefined) {
      if (f.required) errors.push({ field: `${prefix}${f.name}`, code: 'REQUIRED', message: `${f.label} is required.` });
    } else out[f.name] = value;
  }
  return out;
}

/** The mutation's variables from a filled form and the passage, or the form's own refusals. */
export function buildVariables(model: FormModel, raw: RawValues, passage: { source: string; quote: string }): { variables: Record<string, unknown> } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const values = convertAll(model.fields, raw, '', errors);
  if (errors.length > 0) return { errors };
  const citation = { source: passage.source, quote: passage.quote };
  values[model.citation.name] = model.citation.list ? [citation] : citation;
  return { variables: model.shape === 'input' ? { input: values } : values };
}
