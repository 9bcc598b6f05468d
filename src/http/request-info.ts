// The notes one HTTP request gathers on its way through the app (its id, the GraphQL operation it ran, the error
// codes it answered with), read by the request log and the metrics when the response is finished.
import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, Response } from 'express';
import type { GraphContext } from '../context.js';

export interface RequestInfo {
  /** The caller's `x-request-id` when it is a sane token, else a fresh UUID; echoed in the response. */
  id: string;
  startedAt: bigint;
  /** Name of the GraphQL operation once Apollo has resolved it; `anonymous` for an unnamed one. */
  operationName?: string;
  operationType?: string;
  /** `extensions.code` of every error sent back (GraphQL errors and refusals before GraphQL alike). */
  errorCodes: string[];
}

const requestIdPattern = /^[\w-]{1,64}$/;

/** The request's info, created on first use (the first middleware asks, so every later reader gets the same). */
export function requestInfo(req: Request, res: Response): RequestInfo {
  const existing = res.locals.requestInfo as RequestInfo | undefined;
  if (existing) return existing;
  const header = req.headers['x-request-id'];
  const info: RequestInfo = {
    id: typeof header === 'string' && requestIdPattern.test(header) ? header : randomUUID(),
    startedAt: process.hrtime.bigint(),
    errorCodes: [],
  };
  res.locals.requestInfo = info;
  return info;
}

/**
 * Refuses a request before GraphQL runs, in the shape GraphQL clients already parse: `{ errors: [{ message,
 * extensions: { code } }] }`.
 */
export function refuse(req: Request, res: Response, status: number, code: string, message: string, extensions: Record<string, unknown> = {}): void {
  requestInfo(req, res).errorCodes.push(code);
  res.status(status).json({ errors: [{ message, extensions: { code, ...extensions } }] });
}

/** Notes the operation Apollo resolved and the codes of the errors it answers with, for the log and metrics. */
export function requestInfoPlugin(): ApolloServerPlugin<GraphContext> {
  return {
    async requestDidStart({ contextValue }) {
      const info = contextValue.request;
      if (!info) return;
      return {
        async didResolveOperation({ operationName, operation }) {
          info.operationName = operationName ?? 'anonymous';
          info.operationType = operation?.operation;
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            const code = error.extensions?.code;
            info.errorCodes.push(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
          }
        },
      };
    },
  };
}
