// A small Cypher layout for snapshots: each clause starts a line, indented by the depth of the braces around
// it, so generated queries read in review as a person would write them. Quoted text is left as it is.
const CLAUSES = ['OPTIONAL MATCH', 'MATCH', 'WHERE', 'WITH', 'UNWIND', 'CALL', 'RETURN', 'ORDER BY', 'LIMIT', 'UNION'];

export function formatCypher(cypher: string): string {
  const flat = cypher.replace(/\s+/g, ' ').trim();
  const lines: string[] = [];
  let line = '';
  let lineDepth = 0;
  let depth = 0;
  let quote: string | null = null;
  const flush = () => {
    if (line.trim()) lines.push(`${'  '.repeat(lineDepth)}${line.trim()}`);
    line = '';
    lineDepth = depth;
  };
  for (let i = 0; i < flat.length; i++) {
    const ch = flat[i]!;
    if (quote) {
      line += ch;
      if (ch === '\\') line += flat[++i] ?? '';
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '{') depth += 1;
    else if (ch === '}') depth -= 1;
    else if (i > 0 && /[ {]/.test(flat[i - 1]!)) {
      const clause = CLAUSES.find((c) => flat.startsWith(c, i) && !/\w/.test(flat[i + c.length] ?? ''));
      // `OPTIONAL MATCH`, `STARTS WITH`, `ENDS WITH` are one clause or operator, not two.
      if (clause && !/(?:^|\s)(?:OPTIONAL|STARTS|ENDS)\s*$/.test(line)) flush();
    }
    line += ch;
  }
  flush();
  return lines.join('\n');
}
