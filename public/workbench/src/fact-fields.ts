// What the fact view lists of a fact: its fields as read by the `WorkbenchFact` query (./operations.ts), each as
// a label and its values (text, or an entity to open), in the query's order, with a disputed value's claims.
// The fields every fact has (id, citations, history, retraction) are shown apart and left out here.

export type FieldValue = { text: string } | { entity: { id: string; name: string; kind: string } };

export interface FactRow {
  /** The schema's field name (an alias the query needed is read back as the field it stands for). */
  field: string;
  label: string;
  values: FieldValue[];
  /** A disputed value: each claim's values (the graph keeps every claim, each with its own citations). */
  claims: FieldValue[][] | null;
}

/** Response names the query had to alias (two fact types give one field name two different types). */
const aliasOf: Record<string, string> = { memberOfParty: 'party', candidacyElection: 'election', resultParty: 'party' };
const apart = new Set(['id', '__typename', 'citations', 'history', 'retraction']);
/** Fields whose values are enum values (`ELECTED`, `PARTY_LIST`), shown as words. */
const enumFields = new Set(['outcome', 'mandate', 'status']);

/** `voteShare` -> `vote share`; `CandidacyStatusChange` -> `candidacy status change`. */
export function words(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function valuesOf(value: unknown, enumValue = false): FieldValue[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => valuesOf(v, enumValue));
  if (typeof value === 'boolean') return [{ text: value ? 'yes' : 'no' }];
  if (typeof value === 'string') return [{ text: enumValue ? words(value) : value }];
  if (typeof value === 'number') return [{ text: String(value) }];
  if (isRecord(value)) {
    if (typeof value.id === 'string' && typeof value.name === 'string') return [{ entity: { id: value.id, name: value.name, kind: typeof value.kind === 'string' ? value.kind : '' } }];
    if (typeof value.text === 'string') return [{ text: value.text }]; // a partial date
    if ('disputed' in value) return valuesOf(value.value);
  }
  return [{ text: JSON.stringify(value) }];
}

/** The fact's own fields, each with its values; a field with no value (not stated) is left out. */
export function factRows(node: Record<string, unknown>): FactRow[] {
  const rows: FactRow[] = [];
  for (const [name, value] of Object.entries(node)) {
    if (apart.has(name)) continue;
    const values = valuesOf(value, enumFields.has(name));
    const claims = isRecord(value) && value.disputed === true && Array.isArray(value.claims) ? value.claims.map((c) => valuesOf(isRecord(c) ? c.value : c)) : null;
    if (values.length === 0 && !claims) continue;
    const field = aliasOf[name] ?? name;
    rows.push({ field, label: words(field), values, claims });
  }
  return rows;
}
