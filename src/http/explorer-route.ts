// The offline network explorer: `/explorer` serves public/explorer (plain JS modules, no build step), `/`
// leads there, and `/vendor/cytoscape.min.js` is Cytoscape.js from node_modules, so nothing comes from a CDN.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const explorerDir = resolve(projectRoot, 'public/explorer');
const cytoscapeBundle = resolve(projectRoot, 'node_modules/cytoscape/dist/cytoscape.min.js');

export function explorerRouter(): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.redirect(302, '/explorer/');
  });
  router.use('/explorer', express.static(explorerDir, { index: 'index.html', maxAge: '1h' }));
  router.get('/vendor/cytoscape.min.js', (_req, res) => {
    res.sendFile(cytoscapeBundle, { maxAge: '1d' });
  });
  return router;
}
