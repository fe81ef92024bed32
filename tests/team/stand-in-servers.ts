import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Servers that stand between an admin's browser and the team server, each misbehaving one way. */
async function listen(handle: (response: ServerResponse, request: IncomingMessage) => void) {
  const server = createServer((request, response) => handle(response, request));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Holds the first request it gets until the test releases it, and answers every request
 * "unavailable" (503): a sync caught mid-request, on a server that is down.
 */
export async function holdingServer() {
  let held: ServerResponse | null = null;
  let arrived: () => void = () => undefined;
  const firstRequest = new Promise<void>((resolve) => (arrived = resolve));
  const unavailable = (response: ServerResponse) => response.writeHead(503).end('{"error":"unavailable"}');
  const server = await listen((response) => {
    if (held) return unavailable(response);
    held = response;
    arrived();
  });
  return { ...server, firstRequest, release: () => held && unavailable(held) };
}

/** A gateway in front of the team server that refuses everything with its own 403 page. */
export function refusingGateway() {
  return listen((response) =>
    response.writeHead(403, { 'Content-Type': 'text/html' }).end('<h1>403 Forbidden</h1><p>nginx</p>'),
  );
}

/**
 * A server that sends every request on elsewhere (307): to a second server that notes what reaches
 * it, with the Authorization header it got.
 */
export async function redirectingServer() {
  const reached: Array<{ url: string; authorization: string | undefined }> = [];
  const target = await listen((response, request) => {
    reached.push({ url: request.url ?? '', authorization: request.headers.authorization });
    response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
  });
  const redirecting = await listen((response, request) =>
    response.writeHead(307, { Location: `${target.url}${request.url ?? '/'}` }).end(),
  );
  return {
    url: redirecting.url,
    reached,
    close: async () => {
      await redirecting.close();
      await target.close();
    },
  };
}

/** A server that answers every request 200 with the same JSON, whatever was asked: `body`. */
export function answeringServer(body: unknown) {
  return listen((response) =>
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body)),
  );
}

/**
 * A proxy in front of the team server that passes every request on, except those `swallow` picks:
 * those it answers `202 Accepted` itself and drops, as a cluster node that accepted a write it then
 * lost would.
 */
export async function acceptingProxy(target: string, swallow: (method: string, url: string) => boolean) {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { method = 'GET', url = '/' } = request;
      if (swallow(method, url)) {
        response.writeHead(202, { 'Content-Type': 'application/json' }).end('{"ok":true,"rev":"9-accepted"}');
        return;
      }
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(([name]) => name !== 'host' && name !== 'content-length'),
      ) as Record<string, string>;
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      fetch(`${target}${url}`, { method, headers, body, redirect: 'manual' })
        .then(async (answer) => {
          const text = await answer.text();
          response.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(text);
        })
        .catch(() => response.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
