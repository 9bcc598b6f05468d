// Reads the public schema from schema/*.graphql: the same files codegen reads, so they cannot drift apart.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const schemaDir = resolve(dirname(fileURLToPath(import.meta.url)), '../schema');

export function loadTypeDefs(): string {
  return readdirSync(schemaDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(schemaDir, f), 'utf8'))
    .join('\n');
}
