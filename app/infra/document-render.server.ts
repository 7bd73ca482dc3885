import type { EntryContext } from "@remix-run/node";

// Two pieces of entry.server.tsx's one-pass document render (docs/decisions/0005-browse-speed.md).

/** What @remix-run/react's StreamTransfer (single-fetch.js) keeps per chunk of the page's data it has read. */
interface HandoffRead extends Promise<void> {
  result: { done: boolean; value: string };
}
interface HandoffContext {
  serverHandoffStream?: ReadableStream<Uint8Array>;
  renderMeta?: { streamCache?: Record<number, HandoffRead> };
}

/**
 * With single fetch, the page's loader data reaches the document through `<StreamTransfer>`: it reads the encoded
 * data stream one chunk per render attempt and suspends until each read resolves, so a synchronous render would
 * leave the data out. Reading the stream here, chunk by chunk as StreamTransfer would, and leaving each result in
 * its cache (keyed by chunk number, as it looks them up) lets it render every chunk at once: the same scripts, no
 * suspension. Checked against @remix-run/react 2.17 by tests/integration/render-manifest.test.ts (byte-identical
 * documents); a Remix that reads its cache differently fails that test, not a user's page.
 */
export async function readHandoffAhead(context: EntryContext): Promise<void> {
  const { serverHandoffStream: stream, renderMeta } = context as unknown as HandoffContext;
  if (!stream || !renderMeta) return;
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const cache: Record<number, HandoffRead> = {};
  try {
    for (let chunk = 0; ; chunk++) {
      const { done, value } = await reader.read();
      cache[chunk] = Object.assign(Promise.resolve(), { result: { done, value: decoder.decode(value, { stream: true }) } });
      if (done) break;
    }
  } finally {
    reader.releaseLock(); // RemixServer takes its own reader of the (now finished) stream
  }
  renderMeta.streamCache = cache;
}

// The document's bytes ride on its Response, so the server sends them instead of reading the body stream back. A
// registered symbol, not a module-level map: the server (tsx) and the build (esbuild) each load their own copy of
// this module.
const DOCUMENT_BODY = Symbol.for("lapak.documentBody");
type WithBody = Response & { [DOCUMENT_BODY]?: Buffer };

export function documentResponse(html: string, status: number, headers: Headers): Response {
  const body = Buffer.from(html);
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set("Content-Length", String(body.byteLength));
  const response: WithBody = new Response(body, { headers, status });
  response[DOCUMENT_BODY] = body;
  return response;
}

/** A document's bytes: as rendered when documentResponse made it, else read from its body. */
export async function documentBody(response: Response): Promise<Buffer> {
  return (response as WithBody)[DOCUMENT_BODY] ?? Buffer.from(await response.arrayBuffer());
}
