import type { IncomingMessage } from "node:http";
import { Transform } from "node:stream";
import busboy from "busboy";
import type { BodyLimit } from "./request-limits.server";

export type BodyRejection = "too_large" | "too_many_parts" | "too_many_files" | "file_too_large" | "field_too_large";

/**
 * The body as Remix will read it, counted while it streams: over the byte cap, or (multipart) over the
 * part, file or per-file cap, `reject` is called once and the stream stops, so nothing past the limit is read
 * into memory. Multipart is inspected by busboy on the side; Remix still parses the same bytes itself.
 */
export function guardedBody(req: IncomingMessage, limit: BodyLimit, reject: (reason: BodyRejection) => void): Transform {
  let seen = 0;
  let done = false;
  const fail = (reason: BodyRejection) => {
    if (done) return;
    done = true;
    req.unpipe(body); // the caller decides what happens to the rest (app/cli/server.ts drains and discards it)
    // The inspector is simply not fed any more: destroying busboy from inside its own event crashes it.
    reject(reason);
    body.destroy(new Error(`request body refused: ${reason}`));
  };
  let inspector = limit.kind === "multipart" ? multipartInspector(req, limit, fail) : undefined;
  const body = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (done) return callback();
      seen += chunk.length;
      if (seen > limit.totalBytes) {
        fail("too_large");
        return callback();
      }
      try {
        inspector?.write(chunk);
      } catch {
        inspector = undefined; // a parser fault must not take the process down; Remix still parses the body
      }
      if (done) return callback(); // the inspector found a part over its limit in this chunk
      callback(null, chunk);
    },
    flush(callback) {
      if (!done) inspector?.end();
      callback();
    },
  });
  req.pipe(body);
  req.on("error", (error) => body.destroy(error));
  return body;
}

function multipartInspector(req: IncomingMessage, limit: BodyLimit & { kind: "multipart" }, fail: (reason: BodyRejection) => void) {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: { parts: limit.parts, files: limit.files, fields: limit.parts, fileSize: limit.fileBytes, fieldSize: limit.fieldBytes },
    });
  } catch {
    return undefined; // not parseable as multipart (no boundary): Remix refuses it; the byte cap still holds
  }
  parser.on("file", (_name, file) => {
    file.on("limit", () => fail("file_too_large"));
    file.resume();
  });
  parser.on("field", (_name, _value, info) => {
    if (info.valueTruncated) fail("field_too_large");
  });
  parser.on("partsLimit", () => fail("too_many_parts"));
  parser.on("fieldsLimit", () => fail("too_many_parts"));
  parser.on("filesLimit", () => fail("too_many_files"));
  parser.on("error", () => undefined); // malformed bodies are Remix's to refuse
  return parser;
}
