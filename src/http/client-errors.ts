// Requests Node's HTTP parser refuses before Express sees them: a request line plus headers over Node's
// `maxHeaderSize` (16 KB: a 100 KB /export URL), malformed HTTP, a request too slow to arrive. Node would
// answer with a bare status line; the API answers in its own JSON error shape with a code, like every refusal.
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';

interface ParserError extends Error {
  code?: string;
}

function refusalFor(error: ParserError): { status: number; code: string; message: string } {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        code: ErrorCode.HEADERS_TOO_LARGE,
        message: 'The request URL and headers are larger than 16 KB. Send a long GraphQL query as a POST body instead.',
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, code: ErrorCode.BAD_REQUEST, message: 'The request did not arrive in time.' };
    default:
      return { status: 400, code: ErrorCode.BAD_REQUEST, message: 'The request is not well-formed HTTP.' };
  }
}

/** Answers the HTTP parser's refusals with a JSON body; replaces Node's default bare answer. */
export function answerClientErrorsAsJson(server: Server, logger: Logger): void {
  server.on('clientError', (error: ParserError, socket: Duplex) => {
    // A connection the client reset, or one whose current response has begun: nothing more can be written
    // (Node's own handler makes the same check).
    const answering = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || answering?.headersSent) {
      socket.destroy();
      return;
    }
    const { status, code, message } = refusalFor(error);
    logger.info({ status, code, parserError: error.code }, 'request refused by the HTTP parser');
    const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
