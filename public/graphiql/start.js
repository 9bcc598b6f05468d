// Starts GraphiQL (UMD globals React, ReactDOM, GraphiQL loaded by index.html) against this server's /graphql,
// with the worked queries of the API guide as tabs. No inline script, so a strict CSP can allow 'self' only.
/* global React, ReactDOM, GraphiQL */

const examples = await fetch('/graphiql/examples.json')
  .then((res) => (res.ok ? res.json() : []))
  .catch(() => []);

const fetcher = GraphiQL.createFetcher({ url: new URL('/graphql', window.location.href).toString() });

ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultTabs: examples.map((example) => ({ query: example.query })),
    defaultEditorToolsVisibility: false,
    shouldPersistHeaders: false,
  }),
);
