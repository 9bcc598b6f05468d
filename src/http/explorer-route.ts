// The offline network explorer: `/explorer` serves public/explorer (the page and its stylesheet), `/vendor` the
// script bundle and layout worker that `npm run build:explorer` builds from public/explorer/src with sigma and
// graphology inside, and `/` leads to the explorer. Nothing comes from a CDN.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const explorerDir = resolve(projectRoot, 'public/explorer');
export const vendorDir = resolve(projectRoot, 'public/vendor');

export function explorerRouter(): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.redirect(302, '/explorer/');
  });
  router.use('/explorer', express.static(explorerDir, { index: 'index.html', maxAge: '1h' }));
  router.use('/vendor', (req, res, next) => {
    if (!existsSync(resolve(vendorDir, 'explorer.js'))) {
      res.status(503).type('text/plain').send('The explorer is not built: run `npm run build:explorer`.');
      return;
    }
    next();
  });
  router.use('/vendor', express.static(vendorDir, { maxAge: '1h' }));
  return router;
}
