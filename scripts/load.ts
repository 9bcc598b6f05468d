// Loopback load test (autocannon): `npm run load -- --connections 50 --seconds 120 [--url http://127.0.0.1:4000]
// [--max-requests N] [--warmup 10]`. The mix is every worked query of docs/api.md (the questions analysts ask,
// kept valid by test/integration/api-guide.test.ts). Bounded by time and by request count. Reports errors
// (non-2xx, GraphQL errors, timeouts), latency percentiles, throughput, and the server's memory before, during and
// after (from its /metrics). Run the server with RATE_LIMIT_PER_MINUTE=0, or the limiter answers most requests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:4000' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '60' },
    'max-requests': { type: 'string', default: '5000000' },
    warmup: { type: 'string', default: '10' },
    // Mixed mode (docs/operations.md, "Expensive operations"): `--mixed` runs one lookup client alone, then beside
    // `--heavy-clients` clients sending the heaviest operation the server admits, and compares the lookup's median.
    mixed: { type: 'boolean', default: false },
    'heavy-clients': { type: 'string', default: '4' },
    /**
     * The heavy query's form (see `heavyQuery` and `rootForms`): `neighbours`, `hub`, one list root (`legislature`,
     * `people`, `search`, `timeline`, `neighbourhood`, `duplicates`), or `roots` for each list root in turn.
     */
    heavy: { type: 'string', default: 'neighbours' },
  },
});
const base = args.url.replace(/\/$/, '');
const connections = Number(args.connections);
const seconds = Number(args.seconds);
const maxRequests = Number(args['max-requests']);
const warmupSeconds = Number(args.warmup);
if (![connections, seconds, maxRequests, warmupSeconds].every((n) => Number.isInteger(n) && n >= 0) || connections < 1 || seconds < 1) {
  console.error('usage: npm run load -- --connections 50 --seconds 120 [--url http://127.0.0.1:4000] [--max-requests N] [--warmup 10]');
  process.exit(2);
}

// Mixed mode's two operations (defined before the mode runs, which returns before the ordinary mix below).
const LOOKUP = '{ person(id: "person:zhanbolat-mamai") { name } }';
/**
 * The issue's starving query, 30 aliases of a two-level `related`, in one of two forms that no two aliases ask the
 * same thing (identical aliases share one fetch and would make it cheaper than it looks):
 * - `neighbours`: each alias around a different entity (the hub's first 30 neighbours, found at run time),
 *   `related(first: $n)` at both levels;
 * - `hub`: every alias around the seed's largest hub, `related(first: $n)` then `related(first: i + 1)` in alias i.
 */
function heavyQuery(form: 'neighbours' | 'hub', ids: string[]): string {
  const aliases = ids.map((id, i) => {
    const [root, second] = form === 'hub' ? [HUB, String(i + 1)] : [id, '$n'];
    return `a${i}: node(id: ${JSON.stringify(root)}) { ... on Entity { related(first: $n) { edges { node { other { name related(first: ${second}) { edges { node { type other { name } } } } } } } } } }`;
  });
  return `query Heavy($n: Int) { ${aliases.join(' ')} }`;
}
const HUB = 'place:kazakhstan';

/**
 * The heaviest question of each list root, `$n` growing it (bisected up to `max` against the cost limit): the probes
 * of issue 21. The legislature form needs a legislature (`npm run import -- --format popolo` of the Mazhilis file).
 */
const rootForms: Record<string, { query: string; max: number }> = {
  legislature: {
    query: `query Heavy($n: Int) { legislature(id: "organization:mazhilis") { members(first: 1000) { nodes { person { related(first: $n) { edges { node { other { related(first: $n) { edges { node { type } } } } } } } } } } } }`,
    max: 100,
  },
  people: { query: `query Heavy($n: Int) { people(first: $n) { edges { node { related(first: $n) { edges { node { other { related(first: $n) { edges { node { type } } } } } } } } } } }`, max: 100 },
  search: { query: `query Heavy($n: Int) { search(query: "party", first: $n) { entity { id related(first: $n) { edges { node { other { related(first: $n) { edges { node { type } } } } } } } } } }`, max: 100 },
  timeline: {
    query: `query Heavy($n: Int) { people(first: $n) { edges { node { timeline(first: 100) { edges { node { event { related(first: $n) { edges { node { type } } } } } } } } } } }`,
    max: 100,
  },
  neighbourhood: { query: `query Heavy($n: Int) { neighbourhood(id: "party:amanat", depth: 3, limit: $n) { nodes { id name kind } edges { source target type } } }`, max: 1000 },
  duplicates: { query: `query Heavy($n: Int) { duplicateCandidates(kind: PERSON, first: $n) { score entity { id name } duplicate { id name } } }`, max: 100 },
};

if (args.mixed) {
  const forms = args.heavy === 'roots' ? Object.keys(rootForms) : [args.heavy];
  if (!forms.every((f) => f === 'neighbours' || f === 'hub' || f in rootForms)) {
    console.error(`--heavy is neighbours, hub, roots or one of ${Object.keys(rootForms).join(', ')}`);
    process.exit(2);
  }
  await mixedLoad(base, Math.min(seconds, 600), maxRequests, Number(args['heavy-clients']), forms);
  process.exit(0);
}

const guide = readFileSync(resolve(import.meta.dirname, '../docs/api.md'), 'utf8');
// Each anonymous `{ ... }` becomes `query PersonRelationships { ... }`, so /metrics shows latency per question.
const operationName = (name: string) => name.replace(/(^|-)(\w)/g, (_m, _dash: string, c: string) => c.toUpperCase());
const mix = [...guide.matchAll(/```graphql\n# name: ([\w-]+)\n([\s\S]*?)```/g)].map((m) => ({
  name: m[1]!,
  query: m[2]!.replace(/^\s*\{/, `query ${operationName(m[1]!)} {`),
}));

async function post(query: string): Promise<{ status: number; errors: unknown }> {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { errors?: unknown };
  return { status: res.status, errors: body.errors };
}

/** The server's own figures, from its Prometheus endpoint. */
async function serverMemory(): Promise<{ rssMb: number; heapMb: number }> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const value = (name: string) => Number(text.split('\n').find((l) => l.startsWith(`${name} `))?.split(' ')[1] ?? NaN);
  return { rssMb: value('process_resident_memory_bytes') / 2 ** 20, heapMb: value('nodejs_heap_size_used_bytes') / 2 ** 20 };
}

const mb = (n: number) => `${n.toFixed(1)} MB`;

// Every query must work before it is used as load.
for (const { name, query } of mix) {
  const { status, errors } = await post(query);
  if (status !== 200 || errors) {
    console.error(`docs/api.md query "${name}" fails (${status}): ${JSON.stringify(errors)}`);
    if (status === 429) console.error('The server is rate limiting: start it with RATE_LIMIT_PER_MINUTE=0.');
    process.exit(1);
  }
}
console.log(`mix: ${mix.length} queries from docs/api.md (${mix.map((m) => m.name).join(', ')})`);

let graphqlErrors = 0;
const requests = mix.map(({ query }) => ({
  method: 'POST' as const,
  path: '/graphql',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query }),
  onResponse: (status: number, body: string) => {
    if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
  },
}));

/** Runs for `duration` seconds or until `maxCount` responses, whichever comes first (autocannon does one or the other). */
const run = (duration: number, maxCount: number, conns: number) =>
  new Promise<autocannon.Result>((done, fail) => {
    let responses = 0;
    const instance = autocannon({ url: base, connections: conns, duration, timeout: 10, requests }, (error, result) =>
      error ? fail(error instanceof Error ? error : new Error(String(error))) : done(result),
    );
    instance.on('response', () => {
      responses += 1;
      if (responses === maxCount) instance.stop();
    });
  });

if (warmupSeconds > 0) {
  console.log(`warm-up: ${warmupSeconds} s at ${Math.min(connections, 10)} connections`);
  await run(warmupSeconds, maxRequests, Math.min(connections, 10));
  graphqlErrors = 0;
}

const before = await serverMemory();
const samples: { at: number; rssMb: number; heapMb: number }[] = [];
const started = Date.now();
const sampler = setInterval(() => {
  void serverMemory().then((m) => samples.push({ at: Math.round((Date.now() - started) / 1000), ...m }), () => undefined);
}, 10_000);
console.log(`load: ${connections} connections for ${seconds} s (stopping after ${maxRequests} responses) against ${base}`);
const result = await run(seconds, maxRequests, connections);
clearInterval(sampler);
await new Promise((r) => setTimeout(r, 1_000));
const after = await serverMemory();

const { latency, requests: rate } = result;
const errors = result.non2xx + result.errors + result.timeouts + graphqlErrors;
console.log(`
requests     ${result.requests.total} in ${result.duration} s (${rate.average.toFixed(0)}/s average, ${rate.min}–${rate.max}/s)
errors       ${errors} (non-2xx ${result.non2xx}, connection errors ${result.errors}, timeouts ${result.timeouts}, GraphQL errors ${graphqlErrors})
latency ms   p50 ${latency.p50}  p90 ${latency.p90}  p97.5 ${latency.p97_5}  p99 ${latency.p99}  max ${latency.max}  mean ${latency.average.toFixed(1)}
server RSS   before ${mb(before.rssMb)}, after ${mb(after.rssMb)} (heap used ${mb(before.heapMb)} → ${mb(after.heapMb)})
RSS every 10 s: ${samples.map((s) => `${s.at}s ${s.rssMb.toFixed(0)}`).join(', ')}`);
process.exitCode = errors === 0 ? 0 : 1;

// ---- Mixed mode: does a cheap lookup keep its latency while heavy clients push the heaviest admitted query? ----

interface Sample {
  ms: number;
  code: string;
}

async function timedPost(url: string, query: string, variables: Record<string, unknown> = {}): Promise<Sample> {
  const started = performance.now();
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const text = await res.text();
  const ms = performance.now() - started;
  // A large answer without errors is not parsed: the clients share this process's event loop, and parsing the
  // heavy clients' answers would delay the lookup client's own clock.
  if (res.status === 200 && !text.includes('"errors":')) return { ms, code: 'ok' };
  const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
  return { ms, code: body.errors?.[0]?.extensions?.code ?? String(res.status) };
}

/** The largest `n` up to `max` for which the server admits `heavy` (its cost estimate decides), by bisection. */
async function heaviestAdmitted(url: string, heavy: string, max = 100): Promise<number> {
  let low = 1;
  let high = max;
  if ((await timedPost(url, heavy, { n: high })).code === 'ok') return high;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if ((await timedPost(url, heavy, { n: mid })).code === 'QUERY_TOO_COMPLEX') high = mid;
    else low = mid;
  }
  return low;
}

/** One client: sends `query` back to back until `until` or `max` responses. */
async function client(url: string, query: string, variables: Record<string, unknown>, until: number, max: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  while (Date.now() < until && samples.length < max) samples.push(await timedPost(url, query, variables));
  return samples;
}

function summary(samples: Sample[]): string {
  const ms = samples.filter((s) => s.code === 'ok').map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) => (ms.length ? ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(1) : '-');
  const codes = new Map<string, number>();
  for (const s of samples) codes.set(s.code, (codes.get(s.code) ?? 0) + 1);
  return `${samples.length} requests (${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}), ok p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${ms.length ? ms[ms.length - 1]!.toFixed(1) : '-'} ms`;
}

function median(samples: Sample[]): number {
  const ms = samples.filter((s) => s.code === 'ok').map((s) => s.ms).sort((a, b) => a - b);
  return ms[Math.floor(ms.length / 2)] ?? NaN;
}

async function mixedLoad(url: string, phaseSeconds: number, maxRequests: number, heavyClients: number, forms: string[]): Promise<void> {
  const lookup = await timedPost(url, LOOKUP);
  if (lookup.code !== 'ok') {
    console.error(`the lookup fails (${lookup.code}); is the server seeded and started with RATE_LIMIT_PER_MINUTE=0?`);
    process.exit(1);
  }
  await client(url, LOOKUP, {}, Date.now() + 2_000, maxRequests); // warm-up
  const idle = await client(url, LOOKUP, {}, Date.now() + phaseSeconds * 1000, maxRequests);
  console.log(`idle:  lookup ${summary(idle)}`);
  for (const form of forms) {
    const found = rootForms[form] ? { heavy: rootForms[form].query, max: rootForms[form].max, what: form } : await aliasForm(url, form as 'neighbours' | 'hub');
    const n = await heaviestAdmitted(url, found.heavy, found.max);
    const heavyAlone = await timedPost(url, found.heavy, { n });
    const cost = await costOf(url, found.heavy, { n });
    console.log(`heaviest admitted (${found.what}): n = ${n}, estimate ${cost}; alone it takes ${heavyAlone.ms.toFixed(0)} ms (${heavyAlone.code})`);
    const until = Date.now() + phaseSeconds * 1000;
    const [loaded, ...heavyRuns] = await Promise.all([
      // The lookup starts once the heavy clients are under way.
      new Promise<Sample[]>((done) => setTimeout(() => void client(url, LOOKUP, {}, until, maxRequests).then(done), 500)),
      ...Array.from({ length: heavyClients }, () => client(url, found.heavy, { n }, until, maxRequests)),
    ]);
    console.log(`load:  lookup ${summary(loaded)}`);
    console.log(`       heavy (${heavyClients} clients) ${summary(heavyRuns.flat())}`);
    console.log(`lookup median under ${form} / idle: ${median(idle).toFixed(1)} -> ${median(loaded).toFixed(1)} ms, ${(median(loaded) / median(idle)).toFixed(2)}x`);
  }
}

/** The cost estimate and work the server reports for an operation. */
async function costOf(url: string, query: string, variables: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { extensions?: { cost?: { estimate: number; work?: number; expensive: boolean } } };
  const cost = body.extensions?.cost;
  return cost ? `${cost.estimate} (work ${cost.work ?? 0}, ${cost.expensive ? 'expensive' : 'cheap'})` : 'none';
}

/** The 30-alias forms around the seed's largest hub. */
async function aliasForm(url: string, form: 'neighbours' | 'hub'): Promise<{ heavy: string; max: number; what: string }> {
  const hub = (await (
    await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ node(id: ${JSON.stringify(HUB)}) { ... on Entity { related(first: 30) { edges { node { other { id } } } } } } }` }),
    })
  ).json()) as { data?: { node?: { related: { edges: { node: { other: { id: string } } }[] } } | null } };
  const ids = [...new Set(hub.data?.node?.related.edges.map((e) => e.node.other.id) ?? [])];
  if (ids.length === 0) {
    console.error(`${HUB} has no neighbours; is the server seeded?`);
    process.exit(1);
  }
  const around = form === 'hub' ? `all around ${HUB}, second level first: 1..${ids.length}` : `around ${HUB}'s first ${ids.length} neighbours`;
  return { heavy: heavyQuery(form, ids), max: 100, what: `${form}: ${ids.length} aliases (${around}) of a two-level related(first: $n)` };
}
