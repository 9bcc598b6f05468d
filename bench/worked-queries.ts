// The worked queries of docs/api.md (each a ```graphql block whose first line is `# name: <name>`), read from the
// guide itself so that the round-trip test (test/integration/round-trips.test.ts) and the benchmark's
// `analyst-mix` shape (bench/shapes.ts) send exactly what the guide shows, and never a copy that drifts from it.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

export interface WorkedQuery {
  name: string;
  query: string;
}

const guideFile = resolve(dirname(fileURLToPath(import.meta.url)), '../docs/api.md');

/** The guide's named worked queries, in the order the guide gives them. */
export function workedQueries(guide = readFileSync(guideFile, 'utf8')): WorkedQuery[] {
  return [...guide.matchAll(/```graphql\n# name: ([\w-]+)\n([\s\S]*?)```/g)].map((m) => ({ name: m[1]!, query: m[2]! }));
}

/** Root fields of the document's operation (aliases count each): the round-trip rule allows one per root field. */
export function rootFields(query: string): number {
  const op = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return op.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && s.name.value !== '__typename').length;
}
