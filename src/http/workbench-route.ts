// The curation workbench: `/curate` serves public/workbench (the page and its stylesheet); its script is the
// `workbench.js` bundle in /vendor, built with the explorer's (scripts/build-explorer.ts). Nothing from a CDN.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router } from 'express';

export const workbenchDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../public/workbench');

export function workbenchRouter(): Router {
  const router = Router();
  // Only the page and its stylesheet: the TypeScript sources and codegen config beside them are not served.
  router.get(['/curate/', '/curate/index.html'], (_req, res) => res.sendFile(resolve(workbenchDir, 'index.html'), { maxAge: '1h' }));
  router.get('/curate/style.css', (_req, res) => res.sendFile(resolve(workbenchDir, 'style.css'), { maxAge: '1h' }));
  router.get('/curate', (req, res) => res.redirect(302, `/curate/${req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''}`));
  return router;
}
