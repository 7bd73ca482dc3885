import { inflateSync } from "node:zlib";
import { PDFArray, PDFDocument, PDFName, PDFRawStream, type PDFPage } from "pdf-lib";

/** Loads a PDF with pdf-lib and returns its pages' sizes (pt) and the text drawn on each page (Tj strings). */
export async function readPdf(bytes: Uint8Array) {
  const doc = await PDFDocument.load(bytes);
  const pages = doc.getPages().map((page) => ({ width: page.getWidth(), height: page.getHeight(), text: pageText(page) }));
  return { pageCount: doc.getPageCount(), pages, title: doc.getTitle(), text: pages.map((p) => p.text).join("\n") };
}

function pageText(page: PDFPage): string {
  const contents = page.node.get(PDFName.of("Contents"));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  const chunks: string[] = [];
  for (const ref of refs) {
    const stream = page.doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const filter = stream.dict.get(PDFName.of("Filter"));
    const raw = Buffer.from(stream.contents);
    const data = filter?.toString() === "/FlateDecode" ? inflateSync(raw) : raw;
    const ops = data.toString("latin1");
    for (const m of ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
      chunks.push(m[1] !== undefined ? Buffer.from(m[1], "hex").toString("latin1") : m[2].replace(/\\(.)/g, "$1"));
    }
  }
  return chunks.join("\n");
}
