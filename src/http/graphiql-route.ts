// GraphiQL served by the app itself (Apollo's landing page loads from the internet and fails offline): a
// browser's GET on /graphql gets public/graphiql/index.html, with React, ReactDOM and GraphiQL from
// node_modules and the worked queries of docs/api.md preloaded as tabs. Every other request passes to Apollo.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type RequestHandler } from 'express';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pageDir = resolve(projectRoot, 'public/graphiql');
const apiGuide = resolve(projectRoot, 'docs/api.md');

/** The UMD bundles the page loads, by the name it asks for. */
const vendorFiles = new Map<string, string>(Object.entries({
  'react.production.min.js': 'node_modules/react/umd/react.production.min.js',
  'react-dom.production.min.js': 'node_modules/react-dom/umd/react-dom.production.min.js',
  'graphiql.min.js': 'node_modules/graphiql/graphiql.min.js',
  'graphiql.min.css': 'node_modules/graphiql/graphiql.min.css',
}));

export interface ExampleQuery {
  title: string;
  query: string;
}

/** Used when docs/api.md is absent: a few worked queries on the seed. */
const builtInExamples: ExampleQuery[] = [
  {
    title: 'A person and their relationships',
    query: `{
  person(id: "person:zhanbolat-mamai") {
    name
    related(first: 20) {
      edges { node { type role other { id name kind } from { text } citations { quote source { publisher } } } }
    }
  }
}`,
  },
  {
    title: 'Search any spelling',
    query: `{
  search(query: "Тоқаев") { score matched entity { id name kind } }
}`,
  },
  {
    title: "A party's names over time",
    query: `{
  party(id: "party:amanat") {
    names { name from { text } to { text } }
    in2021: nameAsOf(date: "2021-06-30")
  }
}`,
  },
];

/** Network queries are always offered, whatever the guide holds. */
const networkExamples: ExampleQuery[] = [
  {
    title: "Amanat's network as of 2021",
    query: `# The 2-step network around Amanat as it stood in mid-2021 (the party was still called Nur Otan).
{
  neighbourhood(id: "party:amanat", depth: 2, asOf: "2021-06-30", limit: 50) {
    truncated
    nodes { id kind name degree betweenness }
    edges { source target type from { text } citationCount }
  }
}`,
  },
  {
    title: 'How are Imanbai and Tokayev connected?',
    query: `{
  shortestPath(from: "person:inga-imanbai", to: "person:kassym-jomart-tokayev") {
    length
    nodes { id name }
    edges { type source target citations { quote source { publisher date { text } } } }
  }
}`,
  },
];

/** `person-relationships` or `1. A party's names` → `PersonRelationships`, `APartysNames`: a GraphQL name. */
function operationName(title: string): string {
  const words = title.replace(/^[\d.\s]+/, '').replace(/['’]/g, '').match(/[A-Za-z0-9]+/g) ?? [];
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z]/.test(name) ? name : `Example${name}`;
}

/** GraphiQL titles a tab by its operation's name: an anonymous `{ ... }` gets one from its title. */
function named(query: string, title: string): string {
  const lines = query.split('\n');
  const first = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  // An anonymous operation: `{ … }` (a query) or `mutation { … }`.
  const anonymous = first < 0 ? null : /^(query|mutation|subscription)?\s*\{/.exec(lines[first]!.trim());
  if (!anonymous) return query;
  // The guide tags its queries `# name: person-relationships`; that makes the shortest title.
  const tag = lines.map((l) => /^#\s*name:\s*(\S+)/.exec(l.trim())?.[1]).find(Boolean);
  lines[first] = lines[first]!.replace(/^(\s*)(?:(query|mutation|subscription)\s*)?\{/, (_m, indent: string, kind?: string) => `${indent}${kind ?? 'query'} ${operationName(tag ?? title)} {`);
  return lines.join('\n');
}

/** The ```graphql blocks of a Markdown guide, each titled by the heading above it. */
export function examplesFromMarkdown(markdown: string): ExampleQuery[] {
  const examples: ExampleQuery[] = [];
  let heading = 'Example';
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const title = /^#{1,6}\s+(.*)$/.exec(line);
    if (title) heading = title[1]!.trim();
    if (/^```graphql\s*$/.test(line)) {
      const body: string[] = [];
      for (i += 1; i < lines.length && !/^```\s*$/.test(lines[i]!); i += 1) body.push(lines[i]!);
      const query = body.join('\n').trim();
      if (query) examples.push({ title: heading, query: `# ${heading}\n${query}` });
    }
  }
  return examples;
}

export function exampleQueries(): ExampleQuery[] {
  const fromGuide = existsSync(apiGuide) ? examplesFromMarkdown(readFileSync(apiGuide, 'utf8')) : [];
  return [...(fromGuide.length > 0 ? fromGuide : builtInExamples), ...networkExamples].map((e) => ({ ...e, query: named(e.query, e.title) }));
}

/**
 * Mounted before Apollo's middleware. Only a GET that prefers HTML (a browser's navigation) gets the page;
 * clients asking for JSON, and every POST, go on to Apollo with its CSRF prevention untouched.
 */
export function graphiqlRouter(): RequestHandler {
  const router = Router();
  router.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) !== 'text/html') {
      next();
      return;
    }
    res.set('Cache-Control', 'no-cache').sendFile(resolve(pageDir, 'index.html'));
  });
  router.get('/graphiql/examples.json', (_req, res) => {
    // Read on each request so an edited guide shows without a restart; it is a small file.
    res.set('Cache-Control', 'no-cache').json(exampleQueries());
  });
  router.get('/graphiql/vendor/:file', (req, res, next) => {
    const file = vendorFiles.get(req.params.file);
    if (!file) {
      next();
      return;
    }
    res.sendFile(resolve(projectRoot, file), { maxAge: '1d' });
  });
  router.use('/graphiql', express.static(pageDir, { index: false }));
  // A router answers OPTIONS by itself (200, Allow: GET, HEAD) for any path it has a route for, so a browser's
  // CORS preflight of /graphql would end here, without CORS headers. Preflights belong to the API's gate.
  return (req, res, next) => {
    if (req.method === 'OPTIONS') next();
    else router(req, res, next);
  };
}
