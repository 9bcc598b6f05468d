// Renders docs/benchmarks.md from the results in bench/results (latest.json first, then the other scale if it
// was measured too) and the hand-written analysis in bench/analysis.md. `tsx bench/render.ts` re-renders
// without re-running anything.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResults, Measurement, ShapeResult } from './run.js';

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 }) : '–');
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}x` : '–');

function targets(r: BenchResults): string[] {
  const lines: string[] = [];
  const both = r.shapes.filter((s) => s.neo4jGraphql);
  const onePerOp = r.shapes.filter((s) => s.ours.roundTrips === 1).length;
  lines.push(`| 1 database round trip per operation (ours) | ${onePerOp} of ${r.shapes.length} shapes | ${onePerOp === r.shapes.length ? 'met' : 'missed'} |`);
  const fast = both.filter((s) => s.ours.rps >= 1.5 * s.neo4jGraphql!.rps).length;
  lines.push(`| throughput ≥ 1.5x @neo4j/graphql on shapes both serve | ${fast} of ${both.length} shapes | ${fast === both.length ? 'met' : 'missed'} |`);
  const close = r.shapes.filter((s) => s.ours.p50 <= 1.25 * s.raw.p50).length;
  lines.push(`| p50 within 1.25x of hand-written Cypher | ${close} of ${r.shapes.length} shapes | ${close === r.shapes.length ? 'met' : 'missed'} |`);
  const at = (name: string) => r.shapes.find((s) => s.name === name)?.ours;
  const scaleNote = r.scale === 'large' ? '' : ` (a \`large\` target; this is \`${r.scale}\`)`;
  const hood = at('neighbourhood-2hop');
  if (hood) lines.push(`| 2-hop neighbourhood p95 ≤ 50 ms${scaleNote} | ${fmt(hood.p95)} ms | ${hood.p95 <= 50 ? 'met' : 'missed'} |`);
  const search = at('search-misspelt');
  if (search) lines.push(`| search p95 ≤ 20 ms${scaleNote} | ${fmt(search.p95)} ms | ${search.p95 <= 20 ? 'met' : 'missed'} |`);
  lines.push(`| import ≥ 0.7x the raw UNWIND rate${scaleNote} | ${r.load.ratio.toFixed(2)}x end to end, ${r.load.writeRatio.toFixed(2)}x for the writes alone | ${r.load.ratio >= 0.7 ? 'met' : 'missed'} |`);
  return ['| target | measured | |', '|---|---|---|', ...lines];
}

function cell(m: Measurement | null, key: keyof Measurement, digits = 1): string {
  return m ? fmt(m[key], digits) : '–';
}

function shapeTables(shapes: ShapeResult[]): string[] {
  const out: string[] = [];
  out.push('Throughput (requests/s, higher is better) and latency (ms, lower is better):', '');
  out.push('| shape | ours rps | @neo4j/graphql rps | raw rps | ours ÷ @neo4j/graphql | ours p50 | @neo4j/graphql p50 | raw p50 | ours ÷ raw (p50) | ours p95 | @neo4j/graphql p95 | raw p95 | ours p99 | @neo4j/graphql p99 | raw p99 |');
  out.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const s of shapes) {
    const n = s.neo4jGraphql;
    out.push(
      `| ${s.name} | ${cell(s.ours, 'rps')} | ${cell(n, 'rps')} | ${cell(s.raw, 'rps')} | ${n ? ratio(s.ours.rps, n.rps) : '–'} | ${cell(s.ours, 'p50', 2)} | ${cell(n, 'p50', 2)} | ${cell(s.raw, 'p50', 2)} | ${ratio(s.ours.p50, s.raw.p50)} | ${cell(s.ours, 'p95', 2)} | ${cell(n, 'p95', 2)} | ${cell(s.raw, 'p95', 2)} | ${cell(s.ours, 'p99', 2)} | ${cell(n, 'p99', 2)} | ${cell(s.raw, 'p99', 2)} |`,
    );
  }
  out.push('', 'Work per operation: database round trips (queries sent) and db hits (PROFILE of exactly those queries, summed):', '');
  out.push('| shape | ours round trips | @neo4j/graphql round trips | raw round trips | ours db hits | @neo4j/graphql db hits | raw db hits | answer size (ours / @neo4j/graphql / raw) |');
  out.push('|---|--:|--:|--:|--:|--:|--:|---|');
  for (const s of shapes) {
    const n = s.neo4jGraphql;
    out.push(
      `| ${s.name} | ${s.ours.roundTrips} | ${n ? n.roundTrips : '–'} | ${s.raw.roundTrips} | ${fmt(s.ours.dbHits, 0)} | ${n ? fmt(n.dbHits, 0) : '–'} | ${fmt(s.raw.dbHits, 0)} | ${s.ours.answerSize} / ${n ? n.answerSize : '–'} / ${s.raw.answerSize} |`,
    );
  }
  const failed = shapes.flatMap((s) => [s.ours, s.neo4jGraphql, s.raw].filter((m): m is Measurement => m !== null && m.errors > 0).map(() => s.name));
  if (failed.length > 0) out.push('', `Requests that failed under load (non-2xx or socket errors): ${[...new Set(failed)].join(', ')}.`);
  const unsupported = shapes.filter((s) => s.neo4jGraphqlNote);
  if (unsupported.length > 0) {
    out.push('', 'Shapes @neo4j/graphql does not serve:', '');
    for (const s of unsupported) out.push(`- **${s.name}**: ${s.neo4jGraphqlNote}.`);
  }
  out.push('', 'What each shape asks:', '');
  for (const s of shapes) out.push(`- **${s.name}** — ${s.description}`);
  return out;
}

function section(r: BenchResults): string[] {
  const m = r.machine;
  const load = r.load;
  const dataset = r.dataset;
  const loadRow = (name: string, l: BenchResults['load']['product']) =>
    `| ${name} | ${l.method} | ${fmt(l.records, 0)} | ${fmt(l.relationships, 0)} | ${l.transactions} | ${fmt(l.ms / 1000, 1)} s | ${fmt(l.validateMs / 1000, 1)} s | ${fmt(l.toGraphMs / 1000, 1)} s | ${fmt(l.writeMs / 1000, 1)} s | ${fmt(l.recordsPerSecond, 0)} | ${fmt(l.relationshipsPerSecond, 0)} |`;
  return [
    `## Scale \`${r.scale}\` — measured ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Machine: ${String(m.cpus)} × ${String(m.cpuModel)}, ${String(m.memoryGiB)} GiB RAM, ${String(m.os)}, Node ${String(m.node)}, ${String(m.neo4j)} (embedded, heap ${String(m.neo4jHeap)}, page cache ${String(m.neo4jPageCache)}). ` +
      `Load average before/after the run: ${(m.loadAverageBefore as number[]).join(' ')} / ${(m.loadAverageAfter as number[]).join(' ')} — the machine was shared with other work, so treat small differences as noise.`,
    '',
    `Data: seed ${String(dataset.seed)}, ${fmt(Number(dataset.totalRecords), 0)} dataset records → ${fmt(Number(dataset.nodes), 0)} nodes and ${fmt(Number(dataset.relationships), 0)} relationships (checksum \`${String(dataset.checksum).slice(0, 16)}…\`).`,
    '',
    `Load: ${settings(r)}`,
    '',
    '### Targets',
    '',
    ...targets(r),
    '',
    '### Loading',
    '',
    '| loader | how | records | relationships | transactions | wall time | validate | to rows | write | records/s | relationships/s |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    loadRow('product', load.product),
    loadRow('raw UNWIND', load.raw),
    '',
    `The product loads at ${load.ratio.toFixed(2)}x the raw rate end to end (validation and row building included) and at ${load.writeRatio.toFixed(2)}x counting its database writes alone. Both loads produced ${load.countsMatch ? 'identical' : 'DIFFERENT'} node and relationship counts per label and type. Raw rates count the database writes only.`,
    '',
    '### Queries',
    '',
    ...shapeTables(r.shapes),
    '',
  ];
}

function settings(r: BenchResults): string {
  const s = r.settings;
  return `${s.connections} concurrent connections, ${s.warmupSeconds} s warm-up then ${s.durationSeconds} s (at most ${fmt(s.maxRequests, 0)} requests) per shape and system, each shape rotating through its probes; the three systems run back to back per shape.`;
}

export function renderBenchmarks(resultsDir: string, outFile: string): void {
  const read = (name: string): BenchResults | null => {
    const file = join(resultsDir, name);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResults) : null;
  };
  const latest = read('latest.json');
  if (!latest) throw new Error(`no ${join(resultsDir, 'latest.json')}: run \`npm run bench\` first`);
  const others = ['small.json', 'large.json'].map(read).filter((r): r is BenchResults => r !== null && r.scale !== latest.scale);
  const analysisFile = resolve(dirname(fileURLToPath(import.meta.url)), 'analysis.md');
  const analysis = existsSync(analysisFile) ? readFileSync(analysisFile, 'utf8').trim() : '';
  const text = [
    '# Benchmarks',
    '',
    '<!-- Generated by bench/render.ts from bench/results/*.json and bench/analysis.md; edit those, not this file. -->',
    '',
    'Our API against [@neo4j/graphql](https://github.com/neo4j/graphql) 7 and against hand-written Cypher through',
    'neo4j-driver, on the same embedded Neo4j holding the same synthetic network, in one run. Every figure below was',
    'measured by `npm run bench`; nothing is estimated.',
    '',
    '**The three systems.** *ours*: the product (`startApp` from src/server.ts: Apollo Server 5 on express 5,',
    'root fields planned into one Cypher query each, DataLoaders, repositories; docs/api.md, "How a query runs"). *@neo4j/graphql*: version 7 on the same Apollo/express stack, with type',
    'definitions over the same graph (bench/peers/neo4j-graphql-type-defs.ts: one type per label, the fact nodes',
    'reached through `@relationship` on SUBJECT/OBJECT, citations through CITES with their quote, claims through',
    'CLAIM_OF, MEMBER_OF for the three-level walk), APOC core on the classpath. *raw*: the Cypher a developer would',
    'write by hand for each shape (bench/shapes.ts), run by neo4j-driver behind a bare node:http server — the floor.',
    'Ours and raw send each read as an auto-commit query in a READ session; @neo4j/graphql uses its own managed',
    'transactions (it cannot be told otherwise).',
    'Each system runs in its own process; the load generator (autocannon) runs in a third one, on loopback.',
    '',
    '**Round trips and db hits.** All three use the same driver wrapper (bench/instrument.ts), which records every',
    'query sent, whichever API sends it; round trips are the queries of one operation, db hits the sum over the',
    "PROFILE plans of exactly those queries with their parameters. For ours the count is cross-checked against the",
    "response's `extensions.stats.databaseRoundTrips`.",
    '',
    ...section(latest),
    ...others.flatMap(section),
    analysis,
    '',
    '## How to reproduce',
    '',
    '```sh',
    'mvn -B -q -f neo4j/pom.xml -Pbench package   # once: APOC core into neo4j/target/plugins (npm run bench tries it too)',
    'npm run bench                                # BENCH_SCALE=small, about 5 minutes on 2 cores',
    'BENCH_SCALE=large npm run bench              # ≥ 1 M relationships',
    'npx tsx bench/render.ts                      # re-render this page from bench/results',
    '```',
    '',
    'Knobs (environment): `BENCH_SEED`, `BENCH_CONNECTIONS` (4), `BENCH_WARMUP` (2 s), `BENCH_DURATION` (5 s, 8 s at',
    'large), `BENCH_MAX_REQUESTS` (20 000), `BENCH_NEO4J_HEAP` (1g), `BENCH_NEO4J_PAGECACHE` (512m, 1g at large),',
    '`BENCH_NEO4J_TX_MEMORY` (768m), `BENCH_LOAD_BATCH` (records per product-loader transaction: all at small,',
    '5 000 at large), `BENCH_RAW_BATCH` (rows per raw transaction, 10 000), `BENCH_SHAPES` (a comma-separated subset),',
    '`BENCH_CPU_PROF` (`ours,neo4j-graphql`: V8 CPU profiles into bench/results/profiles). `tsx bench/generate.ts --scale large`',
    'prints the generated record counts and checksum without touching a database.',
    '',
  ].join('\n');
  writeFileSync(outFile, text);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  renderBenchmarks(join(root, 'bench/results'), join(root, 'docs/benchmarks.md'));
}
