// `npm start` stops gracefully: on SIGTERM it stops accepting, finishes the request in flight, then exits 0.
// Every wait is on an event or a bounded poll, never a fixed sleep: the server's `100 Continue` says it has read
// the request's headers (so the request is in flight), and refused connections say it stopped accepting.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../free-port.js';

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Polls `check` every 50 ms until it holds; fails naming `what` after `timeoutMs`. */
async function waitFor(what: string, timeoutMs: number, check: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await Promise.resolve(check()).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

describe('graceful shutdown', () => {
  it('stops accepting on SIGTERM, finishes the request in flight, then exits 0', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: resolve(import.meta.dirname, '../..'),
      env: { ...process.env, PORT: String(port), NEO4J_URI: inject('neo4jUri'), SEED_ON_START: 'false', LOG_LEVEL: 'info', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    await waitFor('the ready line', 60_000, () => output.includes('GraphQL API ready'));

    // A request whose body is still arriving when SIGTERM comes: it is in flight once the server has read its
    // headers, which it signals with `100 Continue`.
    const body = JSON.stringify({ query: '{ person(id: "person:zhanbolat-mamai") { name } }' });
    const socket = connect(port, '127.0.0.1');
    let response = '';
    socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    await new Promise<void>((done) => socket.once('connect', () => done()));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
    );
    await waitFor('100 Continue', 10_000, () => response.startsWith('HTTP/1.1 100 Continue'));
    socket.write(body.slice(0, 10));

    child.kill('SIGTERM');
    await waitFor('the shutdown line', 10_000, () => output.includes('shutting down'));
    // No longer accepting: new connections are refused while the request above is still open.
    await waitFor('new connections to be refused', 10_000, async () => {
      try {
        await fetch(`http://127.0.0.1:${port}/health`);
        return false;
      } catch {
        return true;
      }
    });
    expect(child.exitCode).toBeNull(); // still draining

    socket.write(body.slice(10));
    await closed; // the server ends the connection once the response is sent
    const final = response.slice(response.indexOf('\r\n\r\n') + 4);
    expect(final, output).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(final).toContain('{"data":{"person":{"name":"Zhanbolat Mamai"}}');
    expect(await exited).toBe(0);
    expect(output).toContain('"msg":"stopped"');
  }, 120_000);
});
