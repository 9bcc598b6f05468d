import { describe, expect, it } from 'vitest';
import { formatCypher } from '../cypher-format.js';

describe('formatCypher', () => {
  it('starts each clause on a line, indented by the braces around it, and leaves quoted text alone', () => {
    const text = formatCypher(`OPTIONAL MATCH (n:Entity {id: $id}) WHERE n.name = 'a WHERE b' AND n.id STARTS WITH 'x'
      RETURN n {.id, x: COLLECT { MATCH (n)-[:R]->(m) WITH m ORDER BY m.id RETURN m.id }} AS n`);
    expect(text).toBe(
      [
        'OPTIONAL MATCH (n:Entity {id: $id})',
        "WHERE n.name = 'a WHERE b' AND n.id STARTS WITH 'x'",
        'RETURN n {.id, x: COLLECT {',
        '    MATCH (n)-[:R]->(m)',
        '    WITH m',
        '    ORDER BY m.id',
        '    RETURN m.id }} AS n',
      ].join('\n'),
    );
  });
});
