// The Node HTTP server around the app: what a fetch handler cannot see about connections.
//
// - A response written before the request body was read to its end says `Connection: close`: the socket still
//   carries the unread rest, so it can never be reused, and telling the client saves its next request.
// - A declared Content-Length over the route's limit gets its 413 before any `100 Continue`, so the client never
//   starts sending the 20 MB; within the limit, `100 Continue` goes out and the app reads the body as usual.
// - Such a connection is closed gently ("lingering close", as Apache and nginx do): our side is shut after the
//   response, and what the client still sends is read and dropped for a moment. Closing a socket with unread
//   data makes the kernel send a reset, which can destroy the response before the client has read it.
// - After shutdown() begins, every response says `Connection: close`, and a request that arrives on a connection
//   still open gets a 503 instead of being cut off when the process exits.
import { getRequestListener } from '@hono/node-server';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createError } from '../errors.js';
import { notReadyFetch } from '../http/readiness.js';

export type FetchHandler = (req: Request, env: { incoming: IncomingMessage; outgoing: ServerResponse }) => Response | Promise<Response>;

export interface NodeServerOptions {
  /** The handler to start with (the entry serves a "starting" one while the index loads). */
  fetch: FetchHandler;
  /** The largest body the route at `path` reads. */
  maxBodyBytes: (path: string) => number;
  /** How long a closing connection keeps reading what the client still sends. */
  lingerMs?: number;
}

export interface NodeServer {
  readonly server: Server;
  /** Binds HOST:PORT; rejects with PORT_IN_USE or LISTEN_FAILED (coded, one line), never a raw EADDRINUSE. */
  listen(port: number, hostname: string): Promise<AddressInfo>;
  /** Serves `fetch` from the next request on (the ready app, once the index is loaded). */
  serve(fetch: FetchHandler): void;
  /** Stops accepting; in-flight requests finish with `Connection: close`; resolves when every connection closed. */
  shutdown(): Promise<void>;
  readonly stopping: boolean;
}

const LINGER_BYTES = 4 * 1024 * 1024;

export function createNodeServer(opts: NodeServerOptions): NodeServer {
  const lingerMs = opts.lingerMs ?? 2000;
  let current = opts.fetch;
  let stopping = false;
  const stopped = notReadyFetch('stopping');

  const late = new WeakSet<IncomingMessage>();
  const lingering = new WeakSet<Socket>();
  // The handler is looked up per request; one that arrived after shutdown began gets the 503 handler.
  const dispatch = getRequestListener((req, env) =>
    late.has(env.incoming as IncomingMessage) ? stopped(req) : current(req, env as Parameters<FetchHandler>[1]),
  );

  function lingeringClose(socket: Socket): void {
    if (lingering.has(socket)) return;
    lingering.add(socket);
    let dropped = 0;
    const done = () => socket.destroy();
    socket.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > LINGER_BYTES) done();
    });
    socket.once('end', done);
    setTimeout(done, lingerMs).unref();
    socket.end();
    socket.resume();
  }

  function handle(req: IncomingMessage, res: ServerResponse, sendContinue: boolean): void {
    if (stopping) late.add(req);
    // Only a request with a body can be left unread; Node may set `complete` on a bodyless one only after
    // 'request' has fired, so its flag alone would close connections that are fine.
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      const unread = hasBody && !req.complete;
      if (stopping || unread) this.setHeader('connection', 'close');
      if (unread) {
        // Node ends the socket after a `Connection: close` response; make that end a lingering one.
        const socket = req.socket as Socket & { destroySoon?: () => void };
        socket.destroySoon = () => lingeringClose(socket);
      }
      return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as typeof res.writeHead;
    if (sendContinue) res.writeContinue();
    void dispatch(req, res);
  }

  const server = createServer((req, res) => handle(req, res, false));
  // Without this listener Node answers `100 Continue` to everything before the app sees the request.
  server.on('checkContinue', (req, res) => {
    const declared = Number(req.headers['content-length'] ?? '');
    const path = (req.url ?? '/').split('?')[0]!;
    // Over the limit: no 100 Continue; the app sees the declared length and answers 413 without reading.
    handle(req, res, !stopping && !(Number.isFinite(declared) && declared > opts.maxBodyBytes(path)));
  });

  return {
    server,
    get stopping() {
      return stopping;
    },
    listen(port, hostname) {
      return new Promise((resolve, reject) => {
        const onError = (e: NodeJS.ErrnoException) => {
          server.off('listening', onListening);
          if (e.code === 'EADDRINUSE') reject(createError('PORT_IN_USE', `port ${port} on ${hostname} is already in use`));
          else reject(createError('LISTEN_FAILED', `cannot listen on ${hostname}:${port}: ${e.code ?? e.message}`));
        };
        const onListening = () => {
          server.off('error', onError);
          resolve(server.address() as AddressInfo);
        };
        server.once('error', onError);
        server.once('listening', onListening);
        server.listen(port, hostname);
      });
    },
    serve(fetch) {
      current = fetch;
    },
    shutdown() {
      stopping = true;
      // close() stops accepting and closes idle keep-alive connections; busy ones close after their response.
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
