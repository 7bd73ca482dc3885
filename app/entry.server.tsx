import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { redactUrlSecrets } from "~/domain/mail/secrets";
import { logger } from "~/infra/logger.server";
import { ANONYMOUS_PAGE_HEADER } from "~/infra/page-cache.server";

const ABORT_DELAY = 5_000;

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  logger.error({ err: error, url: redactUrlSecrets(request.url), requestId: request.headers.get("X-Request-Id") }, "unhandled error");
}

export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext, _loadContext: AppLoadContext) {
  const bot = isbot(request.headers.get("user-agent") || "");
  // Rendered for nobody in particular (no user, no flash message): the page cache may keep it for every visitor.
  const root = remixContext.staticHandlerContext.loaderData?.root as { user?: unknown; flash?: unknown } | undefined;
  if (root && root.user === null && !root.flash) responseHeaders.set(ANONYMOUS_PAGE_HEADER, "1");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />, {
      [bot ? "onAllReady" : "onShellReady"]() {
        shellRendered = true;
        const body = new PassThrough();
        const stream = createReadableStreamFromReadable(body);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) logger.error({ err: error }, "render error");
      },
    });
    setTimeout(abort, ABORT_DELAY);
  });
}
