/**
 * Another site, as a secretariat's own web server would be: on another port of the machine, so
 * another origin, serving what a test gives it (with the CORS header a site sends to let other
 * pages read its files, or without).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Site {
  /** The site's address, ending in `/`. */
  url: string;
  close: () => Promise<void>;
}

export type Answer =
  /** `slow`: sent in that many pieces, 150 ms apart (a big file on a slow line). */
  | { body: string | Buffer; type?: string; cors?: boolean; status?: number; slow?: number }
  /** Never answers: the connection stays open until the site closes. */
  | 'never';

export async function otherSite(answer: (path: string) => Answer | undefined): Promise<Site> {
  const open = new Set<ServerResponse>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const given = answer(path);
    if (given === 'never') {
      open.add(response);
      return;
    }
    if (!given) {
      response.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end('not found');
      return;
    }
    const body = Buffer.from(given.body);
    response.writeHead(given.status ?? 200, {
      'Content-Type': given.type ?? 'application/json; charset=utf-8',
      'Content-Length': String(body.length),
      ...(given.cors === false ? {} : { 'Access-Control-Allow-Origin': '*' }),
    });
    if (!given.slow) {
      response.end(body);
      return;
    }
    const size = Math.ceil(body.length / given.slow);
    let at = 0;
    const next = () => {
      if (response.destroyed) return;
      response.write(body.subarray(at, at + size));
      at += size;
      if (at < body.length) setTimeout(next, 150);
      else response.end();
    };
    next();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of open) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
