import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { redactUrlSecrets } from "~/domain/mail/secrets";
import { logger } from "~/infra/logger.server";
import { ANONYMOUS_PAGE_HEADER } from "~/infra/page-cache.server";
import { manifestForRender } from "~/infra/render-manifest.server";

const ABORT_DELAY = 5_000;

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  logger.error({ err: error, url: redactUrlSecrets(request.url), requestId: request.headers.get("X-Request-Id") }, "unhandled error");
}

/**
 * The whole document, rendered to the end, in one buffer with its Content-Length. No page defers data, so
 * streaming sent nothing sooner that mattered, and it cost: the HTML went out in dozens of small chunks, each
 * through gzip and a socket write of its own (a third of an uncached product page's CPU), and compression()
 * could not see the size to leave small pages alone (docs/decisions/0005-browse-speed.md).
 */
export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext, _loadContext: AppLoadContext) {
  // Rendered for nobody in particular (no user, no flash message): the page cache may keep it for every visitor.
  const root = remixContext.staticHandlerContext.loaderData?.root as { user?: unknown; flash?: unknown } | undefined;
  if (root && root.user === null && !root.flash) responseHeaders.set(ANONYMOUS_PAGE_HEADER, "1");
  const { matches, location, basename } = remixContext.staticHandlerContext;
  remixContext.manifest = manifestForRender(
    remixContext.manifest,
    matches.map((m) => m.route.id),
    location.pathname,
    basename,
  );
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    sink.on("finish", () => {
      clearTimeout(timer);
      const body = Buffer.concat(chunks);
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      responseHeaders.set("Content-Length", String(body.byteLength));
      resolve(new Response(body, { headers: responseHeaders, status: responseStatusCode }));
    });
    const { pipe, abort } = renderToPipeableStream(<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />, {
      onShellReady() {
        shellRendered = true;
      },
      onAllReady() {
        pipe(sink);
      },
      onShellError(error: unknown) {
        clearTimeout(timer);
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) logger.error({ err: error }, "render error");
      },
    });
    const timer = setTimeout(abort, ABORT_DELAY);
  });
}
