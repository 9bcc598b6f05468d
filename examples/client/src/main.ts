// Try it against a running server: `npx tsx examples/client/src/main.ts [http://localhost:4000/graphql]`.
import { KzGraphClient } from './client.js';
import { PersonRelationsQuery, SearchQuery } from './operations.js';

const client = new KzGraphClient(process.argv[2] ?? 'http://localhost:4000/graphql');

const hits = await client.request(SearchQuery, { query: 'Тоқаев', first: 3 });
for (const hit of hits.search) console.log(`${hit.entity.kind} ${hit.entity.id}: ${hit.entity.name} (matched "${hit.matched}")`);

const { person } = await client.request(PersonRelationsQuery, { id: 'person:zhanbolat-mamai', first: 5 });
if (person) {
  console.log(`\n${person.name}: ${person.related.totalCount} relations`);
  for (const { node } of person.related.edges) {
    const source = node.citations[0]?.source.publisher ?? 'no source';
    console.log(`  ${node.type} ${node.other.name}${node.role ? ` (${node.role})` : ''}${node.from ? ` since ${node.from.text}` : ''}, per ${source}`);
  }
}
