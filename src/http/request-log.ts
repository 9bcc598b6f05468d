// One JSON log line per HTTP request (pino-http): request id (also echoed as `x-request-id`), method, path,
// status, time, GraphQL operation and error codes. Never headers, bodies or query strings, so no API key or
// secret can reach the log. Probes (/health, /ready, /metrics) are not logged; the database supervisor logs readiness changes.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger.js';
import { requestInfo } from './request-info.js';

const probes = new Set(['/health', '/ready', '/metrics']);
const pathOf = (req: IncomingMessage) => ((req as Request).originalUrl ?? req.url ?? '').split('?')[0] ?? '';
const MAX_PATH_LENGTH = 200;

export function requestLog(logger: Logger): RequestHandler {
  // Express hands pino-http its own request and response objects; pino-http types them as Node's.
  const info = (req: IncomingMessage, res: ServerResponse) => requestInfo(req as Request, res as Response);
  const outcome = (req: IncomingMessage, res: ServerResponse) => {
    const { operationName, operationType, errorCodes } = info(req, res);
    // The operation name is the client's: a 200 KB one must not make a 200 KB log line.
    return { operationName: operationName?.slice(0, MAX_PATH_LENGTH), operationType, errorCodes: errorCodes.length > 0 ? errorCodes : undefined };
  };
  const log = pinoHttp({
    logger,
    genReqId: (req, res) => {
      const { id } = info(req, res);
      res.setHeader('x-request-id', id);
      return id;
    },
    autoLogging: { ignore: (req) => probes.has(pathOf(req)) },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    // originalUrl: inside a mounted router Express shortens req.url (`/graphql` becomes `/`).
    customSuccessMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customSuccessObject: (req, res, fields: object) => ({ ...fields, ...outcome(req, res) }),
    customErrorObject: (req, res, _error, fields: object) => ({ ...fields, ...outcome(req, res) }),
    // Only what is needed to find the request; headers (Authorization, cookies) and bodies are never logged.
    serializers: {
      req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        // The path only: a GET's query string carries the whole operation and its variables.
        path: req.url.split('?')[0]?.slice(0, MAX_PATH_LENGTH),
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
  return (req, res, next) => log(req, res, next);
}
