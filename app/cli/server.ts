import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { expectedOrigins, isForeignMutation } from "~/domain/auth/csrf";
import { redactUrlSecrets } from "~/domain/mail/secrets";
import { env } from "~/infra/env.server";
import { logger } from "~/infra/logger.server";

/** The HTTP front: request ids and logs, security headers, CSRF origin check, static assets, then Remix. */
export function createApp(build: ServerBuild) {
  const app = express();
  app.disable("x-powered-by");
  app.use(compression());

  app.use((req, res, next) => {
    const requestId = (typeof req.headers["x-request-id"] === "string" && req.headers["x-request-id"].slice(0, 64)) || randomUUID();
    req.headers["x-request-id"] = requestId;
    // Our own header for the client address; anything a client sent under that name is overwritten.
    req.headers["x-lapak-client-ip"] = req.socket.remoteAddress ?? "unknown";
    res.setHeader("X-Request-Id", requestId);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "SAMEORIGIN");
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ requestId, method: req.method, url: redactUrlSecrets(req.originalUrl), status: res.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
    });
    next();
  });

  const { APP_URL, TRUST_PROXY } = env();
  app.use((req, res, next) => {
    const allowed = expectedOrigins(
      { host: req.headers.host, forwardedProto: req.headers["x-forwarded-proto"] as string | undefined },
      { appUrl: APP_URL, trustProxy: TRUST_PROXY === "true" },
    );
    const foreign = isForeignMutation(req.method, { origin: req.headers.origin, secFetchSite: req.headers["sec-fetch-site"] as string | undefined }, allowed);
    if (foreign) {
      res.status(403).type("text/plain").send("Forbidden: cross-site request");
      return;
    }
    next();
  });

  app.use("/build", express.static(path.resolve("public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.resolve("public"), { maxAge: "1h", index: false }));
  app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));
  return app;
}

export function listen(app: express.Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, () => resolve(server));
    server.on("error", reject);
  });
}
