// Renders docs/benchmarks.md from the results in bench/results (latest.json first, then the other scale if it
// was measured too) and the hand-written analysis in bench/analysis.md. `tsx bench/render.ts` re-renders
// without re-running anything. The targets are issue 13's, checked at every connection count measured.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AtConnections, BenchResults, Measurement, ShapeResult } from './run.js';

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 }) : '–');
const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}x` : '–');

type Figures = Pick<AtConnections, 'rps' | 'p50' | 'p95' | 'p99'> & { spread?: AtConnections['spread'] };

/** A system's figures at `connections` (results written before connection counts were recorded have only the top level). */
function at(m: Measurement | null, connections: number): Figures | null {
  if (!m) return null;
  return m.byConnections?.[String(connections)] ?? m;
}

function connectionCounts(r: BenchResults): number[] {
  return r.connections ?? [Number((r.settings as Record<string, unknown>).connections ?? 4)];
}

function medianOf(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const verdict = (ok: boolean) => (ok ? 'met' : 'missed');

/** Issue 21's targets (issue 13's, tightened: p50 against apolloFloor and db hits against raw); each row says what was measured and where it falls short. */
const P50_OVER_FLOOR = 1.15;
const DB_HITS_OVER_RAW = 1.2;
function targets(r: BenchResults): string[] {
  const lines: string[] = [];
  const scaleNote = r.scale === 'large' ? '' : ` (a \`large\` target; this is \`${r.scale}\`)`;
  for (const c of connectionCounts(r)) {
    const both = r.shapes.filter((s) => s.neo4jGraphql);
    const ratios = both.map((s) => ({ name: s.name, x: at(s.ours, c)!.rps / Math.max(at(s.neo4jGraphql, c)!.rps, 1e-9) }));
    const med = medianOf(ratios.map((x) => x.x));
    lines.push(`| ×${c}: throughput ≥ 1.5x @neo4j/graphql on the median shape${scaleNote} | ${times(med)} (median of ${ratios.length} shapes) | ${verdict(med >= 1.5)} |`);
    const slow = ratios.filter((x) => x.x < 1);
    lines.push(
      `| ×${c}: throughput ≥ 1.0x @neo4j/graphql on every shape${scaleNote} | ${ratios.length - slow.length} of ${ratios.length}${slow.length ? `; below: ${slow.map((x) => `${x.name} ${times(x.x)}`).join(', ')}` : ''} | ${verdict(slow.length === 0)} |`,
    );
    const floorMiss = r.shapes.filter((s) => s.apolloFloor && at(s.ours, c)!.p50 > P50_OVER_FLOOR * at(s.apolloFloor, c)!.p50);
    const withFloor = r.shapes.filter((s) => s.apolloFloor);
    lines.push(
      `| ×${c}: p50 ≤ ${P50_OVER_FLOOR}x apolloFloor on every shape${scaleNote} | ${withFloor.length - floorMiss.length} of ${withFloor.length}${floorMiss.length ? `; above: ${floorMiss.map((s) => `${s.name} ${times(at(s.ours, c)!.p50 / at(s.apolloFloor, c)!.p50)}`).join(', ')}` : ''} | ${verdict(withFloor.length > 0 && floorMiss.length === 0)} |`,
    );
    for (const name of ['neighbourhood-2hop', 'search-misspelt']) {
      const s = r.shapes.find((x) => x.name === name);
      if (!s?.raw) continue;
      const x = at(s.ours, c)!.p95 / at(s.raw, c)!.p95;
      lines.push(`| ×${c}: ${name} p95 ≤ 1.2x raw${scaleNote} | ${fmt(at(s.ours, c)!.p95, 2)} ms against ${fmt(at(s.raw, c)!.p95, 2)} ms (${times(x)}) | ${verdict(x <= 1.2)} |`);
    }
  }
  // Results written before `roundTrips` was recorded per probe have only the driver's count for the first probe.
  const oneTrip = r.shapes.filter((s) => (s.roundTrips ? s.roundTrips.overOnePerRootField === 0 : s.ours.roundTrips === 1));
  const perProbe = r.shapes.some((s) => s.roundTrips);
  lines.push(
    `| 1 database round trip per root field (ours${perProbe ? ', every probe, as `extensions.stats` reports it' : ', first probe'}) | ${oneTrip.length} of ${r.shapes.length} shapes${oneTrip.length < r.shapes.length ? `; above: ${r.shapes.filter((s) => !oneTrip.includes(s)).map((s) => s.name).join(', ')}` : ''} | ${verdict(oneTrip.length === r.shapes.length)} |`,
  );
  const withRaw = r.shapes.filter((s): s is ShapeResult & { raw: Measurement } => s.raw !== null);
  const hits = withRaw.filter((s) => s.ours.dbHits > DB_HITS_OVER_RAW * s.raw.dbHits);
  lines.push(
    `| db hits ≤ ${DB_HITS_OVER_RAW}x raw on every shape (ours) | ${withRaw.length - hits.length} of ${withRaw.length}${hits.length ? `; above: ${hits.map((s) => `${s.name} ${times(s.ours.dbHits / Math.max(s.raw.dbHits, 1))}`).join(', ')}` : ''} | ${verdict(hits.length === 0)} |`,
  );
  lines.push(`| import ≥ 0.7x the raw UNWIND rate (issue 9)${scaleNote} | ${r.load.ratio.toFixed(2)}x end to end, ${r.load.writeRatio.toFixed(2)}x for the writes alone | ${verdict(r.load.ratio >= 0.7)} |`);
  return ['| target | measured | |', '|---|---|---|', ...lines];
}

/** A median with its spread over the runs: `412 (398–430)`. */
function withSpread(f: Figures | null, key: 'rps' | 'p50' | 'p95' | 'p99', digits: number): string {
  if (!f) return '–';
  const range = f.spread?.[key];
  return range && range[0] !== range[1] ? `${fmt(f[key], digits)} (${fmt(range[0], digits)}–${fmt(range[1], digits)})` : fmt(f[key], digits);
}

function latencyTable(shapes: ShapeResult[], c: number): string[] {
  const out: string[] = [];
  out.push(`#### ${c} connection${c === 1 ? '' : 's'}`, '');
  out.push('Throughput (requests/s, higher is better), median over the runs with the lowest and highest run in brackets:', '');
  out.push('| shape | ours | apolloFloor | @neo4j/graphql | raw | ours ÷ @neo4j/graphql | ours ÷ apolloFloor |');
  out.push('|---|--:|--:|--:|--:|--:|--:|');
  for (const s of shapes) {
    const [o, f, n, w] = [at(s.ours, c), at(s.apolloFloor, c), at(s.neo4jGraphql, c), at(s.raw, c)];
    out.push(
      `| ${s.name} | ${withSpread(o, 'rps', 1)} | ${withSpread(f, 'rps', 1)} | ${withSpread(n, 'rps', 1)} | ${withSpread(w, 'rps', 1)} | ${n ? times(o!.rps / n.rps) : '–'} | ${f ? times(o!.rps / f.rps) : '–'} |`,
    );
  }
  out.push('', 'Latency (ms, lower is better), medians over the runs; p50 with its spread:', '');
  out.push('| shape | ours p50 | apolloFloor p50 | @neo4j/graphql p50 | raw p50 | ours ÷ apolloFloor (p50) | ours p95 | apolloFloor p95 | @neo4j/graphql p95 | raw p95 | ours p99 | apolloFloor p99 | @neo4j/graphql p99 | raw p99 |');
  out.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const s of shapes) {
    const [o, f, n, w] = [at(s.ours, c), at(s.apolloFloor, c), at(s.neo4jGraphql, c), at(s.raw, c)];
    const v = (x: Figures | null, k: 'p95' | 'p99') => (x ? fmt(x[k], 2) : '–');
    out.push(
      `| ${s.name} | ${withSpread(o, 'p50', 2)} | ${withSpread(f, 'p50', 2)} | ${withSpread(n, 'p50', 2)} | ${withSpread(w, 'p50', 2)} | ${f ? times(o!.p50 / f.p50) : '–'} | ${v(o, 'p95')} | ${v(f, 'p95')} | ${v(n, 'p95')} | ${v(w, 'p95')} | ${v(o, 'p99')} | ${v(f, 'p99')} | ${v(n, 'p99')} | ${v(w, 'p99')} |`,
    );
  }
  out.push('');
  return out;
}

function shapeTables(r: BenchResults): string[] {
  const shapes = r.shapes;
  const out: string[] = [];
  for (const c of connectionCounts(r)) out.push(...latencyTable(shapes, c));
  out.push('#### Work per operation and answers', '');
  out.push('Database round trips (queries sent) and db hits (PROFILE of exactly those queries, summed), for the first probe; the answer hash covers every probe (bench/answers.ts):', '');
  out.push('| shape | round trips (ours / apolloFloor / @neo4j/graphql / raw) | ours db hits | apolloFloor db hits | @neo4j/graphql db hits | raw db hits | ours ÷ raw (db hits) | answer size (ours / @neo4j/graphql / raw) | answer hash |');
  out.push('|---|---|--:|--:|--:|--:|--:|---|---|');
  for (const s of shapes) {
    const n = s.neo4jGraphql;
    const f = s.apolloFloor;
    const w = s.raw;
    const hashes = w && [s.ours, f, ...(n && !s.neo4jGraphqlIncomparable ? [n] : [])].filter((m): m is Measurement => Boolean(m)).every((m) => m.answerHash === w.answerHash);
    const hashCell = w?.answerHash
      ? `\`${w.answerHash}\` ${hashes ? `all agree${n && s.neo4jGraphqlIncomparable ? ' (@neo4j/graphql not compared)' : ''}` : 'DIFFER'}`
      : s.oursOnly
        ? `\`${s.ours.answerHash}\` ours only (not compared)`
        : '–';
    out.push(
      `| ${s.name} | ${s.ours.roundTrips} / ${f ? f.roundTrips : '–'} / ${n ? n.roundTrips : '–'} / ${w ? w.roundTrips : '–'} | ${fmt(s.ours.dbHits, 0)} | ${f ? fmt(f.dbHits, 0) : '–'} | ${n ? fmt(n.dbHits, 0) : '–'} | ${w ? fmt(w.dbHits, 0) : '–'} | ${w ? times(s.ours.dbHits / Math.max(w.dbHits, 1)) : '–'} | ${s.ours.answerSize} / ${n ? n.answerSize : '–'} / ${w ? w.answerSize : '–'} | ${hashCell} |`,
    );
  }
  const reported = shapes.filter((s) => s.roundTrips);
  if (reported.length > 0) {
    out.push('', "Round trips the server reported for every probe's answer (`extensions.stats.databaseRoundTrips`; ours, and apolloFloor on the same stack), against the rule of one per root field:", '');
    out.push('| shape | probes | root fields | ours (lowest–highest) | probes over one per root field | apolloFloor (lowest–highest) |');
    out.push('|---|--:|---|---|--:|---|');
    const range = (values: (number | null)[]) => {
      const v = values.filter((x): x is number => x !== null);
      if (v.length === 0) return '–';
      const [lo, hi] = [Math.min(...v), Math.max(...v)];
      return lo === hi ? String(lo) : `${lo}–${hi}`;
    };
    for (const s of reported) {
      const t = s.roundTrips;
      out.push(`| ${s.name} | ${t.perProbe.length} | ${range(t.perProbe.map((x) => x.rootFields))} | ${range(t.perProbe.map((x) => x.ours))} | ${t.overOnePerRootField} | ${range(t.perProbe.map((x) => x.apolloFloor))} |`);
    }
    for (const s of reported.filter((x) => x.oursOnly)) {
      const seen = new Map<string, string>();
      for (const x of s.roundTrips.perProbe) if (!seen.has(x.probe)) seen.set(x.probe, `${x.probe} ${x.ours ?? '?'}/${x.rootFields ?? '?'}`);
      out.push('', `${s.name}, round trips / root fields of each (first probe of each): ${[...seen.values()].join(', ')}.`);
    }
  }
  out.push(...slowestAndDrains(shapes));
  const failed = shapes.filter((s) => [s.ours, s.apolloFloor, s.neo4jGraphql, s.raw].some((m) => m && m.errors > 0));
  if (failed.length > 0) out.push('', `Requests that failed under load (non-2xx or socket errors): ${failed.map((s) => s.name).join(', ')}.`);
  const alone = shapes.filter((s) => s.oursOnly);
  if (alone.length > 0) {
    out.push('', 'Shapes only ours answers (no apolloFloor, raw or @neo4j/graphql figures; answers not compared):', '');
    for (const s of alone) out.push(`- **${s.name}**: ${s.oursOnly}.`);
  }
  const unsupported = shapes.filter((s) => s.neo4jGraphqlNote && !s.oursOnly);
  if (unsupported.length > 0) {
    out.push('', 'Shapes @neo4j/graphql does not serve:', '');
    for (const s of unsupported) out.push(`- **${s.name}**: ${s.neo4jGraphqlNote}.`);
  }
  const incomparable = shapes.filter((s) => s.neo4jGraphqlIncomparable);
  if (incomparable.length > 0) {
    out.push('', 'Answers not compared (measured all the same, and counted in the throughput targets):', '');
    for (const s of incomparable) out.push(`- **${s.name}**: ${s.neo4jGraphqlIncomparable}.`);
  }
  out.push('', 'What each shape asks:', '');
  for (const s of shapes) out.push(`- **${s.name}** — ${s.description}`);
  return out;
}

/** Each system's slowest probe per shape while answers were checked, and the waits for idle between measurements (results that record them). */
function slowestAndDrains(shapes: ShapeResult[]): string[] {
  const out: string[] = [];
  const timed = shapes.filter((s) => s.slowestProbes);
  if (timed.length > 0) {
    const cell = (list: { probe: string; ms: number }[] | undefined) => {
      const top = list?.[0];
      return top ? `${fmt(top.ms, 0)} ms \`${top.probe.length > 60 ? `${top.probe.slice(0, 57)}…` : top.probe}\`` : '–';
    };
    out.push('', 'Slowest probe of each shape while the answers were checked (each probe asked once of each system, one request at a time):', '');
    out.push('| shape | ours | apolloFloor | @neo4j/graphql | raw |', '|---|---|---|---|---|');
    for (const s of timed) {
      const t = s.slowestProbes!;
      out.push(`| ${s.name} | ${cell(t.ours)} | ${cell(t.apolloFloor)} | ${cell(t.neo4jGraphql)} | ${cell(t.raw)} |`);
    }
  }
  const waits = shapes.flatMap((s) =>
    (['ours', 'apolloFloor', 'neo4jGraphql', 'raw'] as const).flatMap((k) =>
      Object.entries(s[k]?.byConnections ?? {}).flatMap(([c, a]) =>
        a.samples.flatMap((x, run) => (x.drainedMs === undefined ? [] : [{ where: `${s.name} ${k} ×${c} run ${run + 1}`, ms: Math.max(x.drainedMs, x.warmupDrainedMs ?? 0), timedOut: x.drainTimedOut === true }])),
      ),
    ),
  );
  if (waits.length > 0) {
    const long = waits.filter((w) => w.ms >= 1000).sort((a, b) => b.ms - a.ms);
    const bound = waits.filter((w) => w.timedOut);
    out.push(
      '',
      `Waits for the system to be idle again after a warm-up or a measurement (no transaction left in Neo4j, a node lookup back near its idle latency): ${long.length} of ${waits.length} measurements waited 1 s or more` +
        `${long.length ? ` (longest: ${long.slice(0, 5).map((w) => `${w.where} ${fmt(w.ms / 1000, 1)} s`).join(', ')})` : ''}` +
        `${bound.length ? `; ${bound.length} reached the bound still busy: ${bound.map((w) => w.where).join(', ')}` : ''}.`,
    );
  }
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
    ...shapeTables(r),
    '',
  ];
}

function settings(r: BenchResults): string {
  const s = r.settings as Record<string, unknown>;
  const counts = connectionCounts(r).join(' and ');
  return (
    `${r.runs ?? 1} run(s); in each, every shape at ${counts} concurrent connection(s), each system ${String(s.warmupSeconds)} s warm-up` +
    `${typeof s.rewarmupSeconds === 'number' ? ` (${s.rewarmupSeconds} s after the first run)` : ''} then ${String(s.durationSeconds)} s (at most ${fmt(Number(s.maxRequests), 0)} requests), ` +
    'rotating through the shape\'s probes; the systems of a shape run back to back, in an order rotated between runs, shapes and connection counts. ' +
    `${typeof s.drainLimitMs === 'number' ? `After each warm-up and each measurement the run waited until the system was idle again (at most ${fmt(s.drainLimitMs / 1000, 0)} s). ` : ''}` +
    `Figures are medians over the runs, spreads the lowest and highest run. This run took ${fmt(r.durationSeconds / 60, 1)} min in all.`
  );
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
    'Our API against [@neo4j/graphql](https://github.com/neo4j/graphql) 7, against hand-written resolvers on our own',
    'Apollo stack, and against hand-written Cypher through neo4j-driver, on the same embedded Neo4j holding the same',
    'synthetic network, in one run. Every figure below was measured by `npm run bench`; nothing is estimated.',
    '',
    '**The four systems.**',
    '',
    '- *ours*: the product (`startApp` from src/server.ts: Apollo Server 5 on express 5 with its middleware and',
    '  plugins, root fields planned into one Cypher query each, DataLoaders, repositories; docs/api.md, "How a query runs").',
    '- *apolloFloor*: the same `startApp` — the same express app, middleware (request log, metrics, CORS, body',
    '  checks), Apollo plugins, validation limits and per-request context — serving our schema through',
    '  hand-written resolvers instead of ours (startApp\'s `graphql` option; bench/peers/apollo-floor.ts). Each',
    '  benchmark operation\'s root field runs that shape\'s raw Cypher in one read and maps the rows to the schema\'s',
    '  types; every other field is graphql\'s default resolver. It answers exactly ours\' query, so it is the',
    '  floor an Apollo product can reach; what separates ours from it is planning, loaders and records.',
    '- *@neo4j/graphql*: version 7 on Apollo Server and the same express integration, with type definitions over',
    '  the same graph as a competent user would write them (bench/peers/neo4j-graphql-type-defs.ts: one type per',
    '  label, the fact nodes reached through `@relationship` on SUBJECT/OBJECT, citations through CITES with their',
    '  quote, claims through CLAIM_OF, and the derived MEMBER_OF and PARTICIPATED_IN relationships, so a timeline',
    '  or a case\'s events are one nested, sorted, paged selection under the lookup), APOC core on the classpath.',
    '- *raw*: the Cypher a developer would write by hand for each shape (bench/shapes.ts; each checked with',
    '  PROFILE: one scan, per-hub top-k with `ORDER BY … LIMIT` inside a subquery, counts from `COUNT {}`), run',
    '  by neo4j-driver behind a bare node:http server — the floor of the database work.',
    '',
    'Ours, apolloFloor and raw send each read as an auto-commit query in a READ session; @neo4j/graphql uses its',
    'own managed transactions (it cannot be told otherwise). Each system runs in its own process; the load',
    'generator (autocannon) runs in another one, on loopback.',
    '',
    '**Same answers.** Before measuring, every system answers every probe of every shape; each answer is put in',
    'the shape\'s canonical form (the same fields for every system, lists sorted where the query leaves their order',
    'open, pages and top-k lists kept in their order) and hashed. Any difference stops the run, naming the shape,',
    'system, probe and the first differing field (bench/results/mismatches-<scale>.json).',
    '',
    '**Round trips and db hits.** All four use the same driver wrapper (bench/instrument.ts), which records every',
    'query sent, whichever API sends it; round trips are the queries of one operation, db hits the sum over the',
    'PROFILE plans of exactly those queries with their parameters. For ours the count is cross-checked against the',
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
    'npm run bench -- --quick                     # development: small scale, 1 short run (about 6 minutes on 2 cores)',
    'npm run bench -- --check                     # only check that the four systems answer alike (small: about 2 minutes)',
    'npm run bench                                # BENCH_SCALE=small, 3 runs (about 20 minutes)',
    'BENCH_SCALE=large npm run bench              # ≥ 1 M relationships, 3 runs (about 30 minutes)',
    'npx tsx bench/render.ts                      # re-render this page from bench/results',
    'npx tsx bench/import.ts --lines 100000,1000000   # JSONL import at the default settings (own embedded Neo4j)',
    'npx tsx bench/popolo-import.ts                   # Popolo: 10 000 persons against 100 000 stored people',
    '```',
    '',
    'Knobs (environment): `BENCH_SEED`, `BENCH_RUNS` (3; 1 with `--quick`), `BENCH_CONNECTIONS` (`1,4`: each shape is',
    'measured at each; the top-level figures in latest.json are those at the highest), `BENCH_WARMUP` (2 s in the',
    'first run), `BENCH_REWARMUP` (1 s in later runs), `BENCH_DURATION` (3 s, 4 s at large, 2 s with `--quick`),',
    '`BENCH_MAX_REQUESTS` (20 000), `BENCH_NEO4J_HEAP` (1g), `BENCH_NEO4J_PAGECACHE` (512m, 1g at large),',
    '`BENCH_NEO4J_TX_MEMORY` (768m), `BENCH_LOAD_BATCH` (records per product-loader transaction: all at small,',
    '5 000 at large), `BENCH_RAW_BATCH` (rows per raw transaction, 10 000), `BENCH_SHAPES` (a comma-separated subset),',
    '`BENCH_CPU_PROF` (`ours,apollo-floor,neo4j-graphql`: V8 CPU profiles into bench/results/profiles), `BENCH_DRAIN_LIMIT_MS` (90 000: the longest',
    'wait for an idle system between measurements). `tsx bench/generate.ts --scale large`',
    'prints the generated record counts and checksum without touching a database.',
    '',
  ].join('\n');
  writeFileSync(outFile, text);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  renderBenchmarks(join(root, 'bench/results'), join(root, 'docs/benchmarks.md'));
}
