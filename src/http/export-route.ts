// `GET /export?format=graphml|gexf|cytoscape|csv[&root=ID&depth=N&asOf=DAY&types=A,B]`: the network (whole, or
// one entity's neighbourhood) as a file for Gephi, Cytoscape, networkx or a spreadsheet; `format=ftm`: every
// record as FollowTheMoney entities (src/export/ftm.ts).
import { Router, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode, isDatabaseUnavailable, UserInputError } from '../errors.js';
import { isNetworkFormat, networkFormats } from '../export/formats.js';
import { exportFtm, serialiseFtm } from '../export/ftm.js';
import { describeExport, exportOptions, loadExportNetwork, toGraphology, type RawExportOptions } from '../export/network.js';
import type { Logger } from '../logger.js';
import { RoundTripCounter, type Database } from '../neo4j/database.js';

const statusOfCode: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

function single(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function strings(value: unknown): string | string[] | undefined {
  if (typeof value === 'string') return value;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

/** A file name safe in a Content-Disposition header: `kz-political-graph[-root][-asOf].ext`. */
function fileName(root: string | null, asOf: string | null, extension: string): string {
  const parts = ['kz-political-graph', root?.replace(/[^A-Za-z0-9_-]+/g, '-'), asOf].filter(Boolean);
  return `${parts.join('-')}.${extension}`;
}

export function exportRouter({ database, logger }: { database: Database; logger: Logger }): Router {
  const router = Router();
  router.get('/export', async (req: Request, res: Response) => {
    const fail = (status: number, code: string, message: string) => {
      res.status(status).json({ errors: [{ message, extensions: { code } }] });
    };
    try {
      const format = single(req.query.format) ?? '';
      if (format === 'ftm') {
        // FollowTheMoney: every record, not a network view, so the network's options do not apply.
        for (const option of ['root', 'depth', 'asOf', 'types']) {
          if (req.query[option] !== undefined) throw new UserInputError(`Parameter "${option}" does not apply to format=ftm (it exports the whole graph).`, option);
        }
        const entities = await exportFtm(database.forRequest(new RoundTripCounter()));
        res.status(200).attachment('kz-political-graph.ftm.json').type('application/x-ndjson; charset=utf-8').set('X-Graph-Entities', String(entities.length)).send(serialiseFtm(entities));
        return;
      }
      if (!isNetworkFormat(format)) {
        throw new UserInputError(`Parameter "format" must be one of ${[...Object.keys(networkFormats), 'ftm'].join(', ')} (got "${format}").`, 'format');
      }
      const raw: RawExportOptions = {
        root: single(req.query.root),
        depth: single(req.query.depth),
        asOf: single(req.query.asOf),
        types: strings(req.query.types),
      };
      const options = exportOptions(raw);
      const network = await loadExportNetwork(database.forRequest(new RoundTripCounter()), options);
      const spec = networkFormats[format];
      const body = spec.serialise(toGraphology(network));
      res
        .status(200)
        // attachment() guesses a type from the file name; ours is set after it, so it wins.
        .attachment(fileName(options.root, options.asOf, spec.extension))
        .type(spec.mediaType)
        .set('X-Graph-Nodes', String(network.nodes.length))
        .set('X-Graph-Edges', String(network.edges.length))
        .set('X-Graph-Truncated', String(network.truncated))
        // What the file covers, as the options read it (the same sentence is the file's own description).
        .set('X-Graph-Scope', options.root ? 'neighbourhood' : 'whole network')
        .set('X-Graph-Root', options.root ?? '')
        .set('X-Graph-Depth', String(options.depth))
        .set('X-Graph-As-Of', options.asOf ?? 'all dates')
        .set('X-Graph-Description', encodeURIComponent(describeExport(options)))
        .send(typeof body === 'string' ? body : Buffer.from(body));
    } catch (error) {
      if (error instanceof GraphQLError && typeof error.extensions.code === 'string' && statusOfCode[error.extensions.code]) {
        fail(statusOfCode[error.extensions.code]!, error.extensions.code, error.message);
      } else if (isDatabaseUnavailable(error)) {
        fail(503, ErrorCode.SERVICE_UNAVAILABLE, 'The database is unavailable; try again shortly.');
      } else {
        logger.error({ err: error }, 'export failed');
        fail(500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
      }
    }
  });
  return router;
}
