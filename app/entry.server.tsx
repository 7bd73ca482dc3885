import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { redactUrlSecrets } from "~/domain/mail/secrets";
import { documentResponse, readHandoffAhead } from "~/infra/document-render.server";
import { logger } from "~/infra/logger.server";
import { ANONYMOUS_PAGE_HEADER } from "~/infra/page-cache.server";
import { manifestForRender } from "~/infra/render-manifest.server";

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  logger.error({ err: error, url: redactUrlSecrets(request.url), requestId: request.headers.get("X-Request-Id") }, "unhandled error");
}

/**
 * The whole document, rendered in one synchronous pass into one buffer with its Content-Length. No page defers
 * data, so streaming sent nothing sooner that mattered, and it cost: first dozens of small chunks through gzip and
 * socket writes, then React's stream machinery (docs/decisions/0005-browse-speed.md). The page's data, which Remix
 * streams into the document behind Suspense boundaries, is read to its end first, so nothing suspends and
 * renderToString renders the same bytes as Remix's stock streaming entry (tests/integration/render-manifest.test.ts).
 * A render error throws, and Remix renders the error page, as with a shell error in the streaming entry.
 */
export default async function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext, _loadContext: AppLoadContext) {
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
  await readHandoffAhead(remixContext);
  // renderToPipeableStream writes the doctype before a root <html>; renderToString does not.
  const html = `<!DOCTYPE html>${renderToString(<RemixServer context={remixContext} url={request.url} />)}`;
  return documentResponse(html, responseStatusCode, responseHeaders);
}
