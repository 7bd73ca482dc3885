import { createServer, type IncomingMessage, type Server } from "node:http";
import { freePort } from "./app-server";

type RouteModule = { loader?: (args: never) => unknown; action?: (args: never) => unknown };

/**
 * Serves a few Remix route modules over real HTTP without a build: `[path pattern with :params, module]`.
 * Loaders answer GET, actions everything else; a returned or thrown Response is sent as is, plain data as JSON.
 */
export async function serveRoutes(routes: [string, RouteModule][]): Promise<{ url: string; close: () => Promise<void> }> {
  const compiled = routes.map(([pattern, mod]) => {
    const names: string[] = [];
    const re = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, n: string) => (names.push(n), "([^/]+)"))}$`);
    return { re, names, mod };
  });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server: Server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", base);
      const route = compiled.map((r) => ({ r, m: r.re.exec(url.pathname) })).find((x) => x.m);
      if (!route) {
        res.writeHead(404).end("Not Found");
        return;
      }
      const params = Object.fromEntries(route.r.names.map((n, i) => [n, decodeURIComponent(route.m![i + 1])]));
      const body = req.method === "GET" || req.method === "HEAD" ? undefined : await readBody(req);
      const request = new Request(url, { method: req.method, headers: req.headers as Record<string, string>, body: body ? new Uint8Array(body) : undefined });
      const fn = req.method === "GET" ? route.r.mod.loader : route.r.mod.action;
      if (!fn) {
        res.writeHead(405).end();
        return;
      }
      let result: unknown;
      try {
        result = await fn({ request, params, context: {} } as never);
      } catch (thrown) {
        if (thrown instanceof Response) result = thrown;
        else throw thrown;
      }
      if (result instanceof Response) {
        res.writeHead(result.status, Object.fromEntries(result.headers.entries()));
        res.end(Buffer.from(await result.arrayBuffer()));
      } else {
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(result));
      }
    } catch (error) {
      res.writeHead(500).end(String((error as Error).stack));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: base, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** A notification endpoint for tests: records every body, answers `failFirst` times with 500, then 200. */
export async function notificationReceiver(opts: { failFirst?: number } = {}) {
  let failuresLeft = opts.failFirst ?? 0;
  const received: { body: Record<string, unknown>; answered: number; at: number }[] = [];
  const port = await freePort();
  const server = createServer(async (req, res) => {
    const body = JSON.parse((await readBody(req)).toString("utf8") || "{}") as Record<string, unknown>;
    const answered = failuresLeft > 0 ? 500 : 200;
    if (failuresLeft > 0) failuresLeft--;
    received.push({ body, answered, at: Date.now() });
    res.writeHead(answered).end(answered === 200 ? "OK" : "try again");
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}/notify`,
    received,
    failNext(n: number) {
      failuresLeft = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
