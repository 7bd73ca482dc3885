/**
 * Shipping labels (A6, or four per A4 sheet) and packing slips (A4) as PDF, with the order number as a Code 128
 * barcode. pdf-lib draws; bwip-js renders the barcode to PNG. Standard Helvetica (WinAnsi): text outside
 * Latin-1 is transliterated or replaced, which is enough for Indonesian names and addresses.
 */
import bwipjs from "bwip-js/node";
import { PDFDocument, PageSizes, StandardFonts, rgb, type PDFFont, type PDFImage, type PDFPage } from "pdf-lib";
import { LABELS_PER_A4, type PackingSlip, type ShippingLabel } from "~/domain/orders/documents";
import { formatRupiah, formatWeight } from "~/i18n/format";

const MM = 72 / 25.4;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Latin-1 only (Helvetica's WinAnsi); accents decomposed where possible, anything else becomes "?". */
export function pdfSafe(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/[^\x20-\x7e\xa0-\xff]/g, "?");
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of pdfSafe(text).split(/\n/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) line = candidate;
      else {
        if (line) lines.push(line);
        line = word;
        while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
          // a word longer than the box: hard-break it
          let cut = line.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Draws wrapped text from the top-left corner (x, y is the top); returns the y below it. */
function text(page: PDFPage, s: string, x: number, y: number, opts: { font: PDFFont; size: number; width: number; color?: ReturnType<typeof rgb>; maxLines?: number }) {
  const lines = wrap(s, opts.font, opts.size, opts.width).slice(0, opts.maxLines ?? 99);
  let cursor = y;
  for (const line of lines) {
    cursor -= opts.size * 1.2;
    page.drawText(line, { x, y: cursor + opts.size * 0.2, size: opts.size, font: opts.font, color: opts.color ?? BLACK });
  }
  return cursor;
}

async function barcode(doc: PDFDocument, value: string): Promise<PDFImage> {
  const png = await bwipjs.toBuffer({ bcid: "code128", text: value, scale: 3, height: 12, includetext: false });
  return doc.embedPng(png);
}

async function fonts(doc: PDFDocument): Promise<Fonts> {
  return { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
}

/** One label in the box whose bottom-left corner is (ox, oy), sized w × h (an A6 area). */
async function drawLabel(doc: PDFDocument, page: PDFPage, f: Fonts, label: ShippingLabel, ox: number, oy: number, w: number, h: number) {
  const pad = 5 * MM;
  const inner = w - 2 * pad;
  page.drawRectangle({ x: ox + 2 * MM, y: oy + 2 * MM, width: w - 4 * MM, height: h - 4 * MM, borderColor: BLACK, borderWidth: 1 });
  let y = oy + h - pad;
  page.drawText("LAPAK", { x: ox + pad, y: y - 14, size: 14, font: f.bold });
  const service = pdfSafe(`${label.courierName} ${label.serviceName}`);
  const serviceSize = 14;
  page.drawText(service, { x: ox + w - pad - f.bold.widthOfTextAtSize(service, serviceSize), y: y - 14, size: serviceSize, font: f.bold });
  y -= 22;

  const image = await barcode(doc, label.orderNumber);
  const bw = inner;
  const bh = 16 * MM;
  page.drawImage(image, { x: ox + pad, y: y - bh, width: bw, height: bh });
  y -= bh + 2;
  const num = pdfSafe(label.orderNumber);
  page.drawText(num, { x: ox + w / 2 - f.bold.widthOfTextAtSize(num, 10) / 2, y: y - 11, size: 10, font: f.bold });
  y -= 18;

  page.drawLine({ start: { x: ox + pad, y }, end: { x: ox + w - pad, y }, thickness: 0.6, color: GREY });
  y = text(page, "PENERIMA", ox + pad, y - 2, { font: f.bold, size: 7, width: inner, color: GREY });
  y = text(page, `${label.recipient.name} (${label.recipient.phone})`, ox + pad, y, { font: f.bold, size: 11, width: inner, maxLines: 2 });
  const r = label.recipient;
  y = text(page, `${r.street}, ${r.district}, ${r.city}, ${r.province} ${r.postalCode}`, ox + pad, y, { font: f.regular, size: 9.5, width: inner, maxLines: 5 });
  y -= 4;
  page.drawLine({ start: { x: ox + pad, y }, end: { x: ox + w - pad, y }, thickness: 0.6, color: GREY });
  y = text(page, "PENGIRIM", ox + pad, y - 2, { font: f.bold, size: 7, width: inner, color: GREY });
  y = text(page, `${label.sender.name} (${label.sender.phone})${label.sender.city ? `, ${label.sender.city}` : ""}`, ox + pad, y, { font: f.regular, size: 9, width: inner, maxLines: 2 });
  y -= 4;
  page.drawLine({ start: { x: ox + pad, y }, end: { x: ox + w - pad, y }, thickness: 0.6, color: GREY });
  y = text(page, `Berat: ${formatWeight(label.weightGrams)}    Non-COD`, ox + pad, y - 2, { font: f.bold, size: 9, width: inner });
  if (label.note) text(page, `Catatan: ${label.note}`, ox + pad, y, { font: f.regular, size: 8, width: inner, maxLines: 3 });
}

/** Labels as PDF: "a6" one per A6 page, "a4" four per A4 sheet (cut along the quarters). */
export async function renderShippingLabels(labels: ShippingLabel[], layout: "a6" | "a4"): Promise<Uint8Array> {
  if (!labels.length) throw new RangeError("no labels to render");
  const doc = await PDFDocument.create();
  doc.setTitle(`Label pengiriman ${labels.map((l) => l.orderNumber).join(", ")}`.slice(0, 200));
  doc.setProducer("Lapak");
  const f = await fonts(doc);
  const [a4w, a4h] = PageSizes.A4;
  const [a6w, a6h] = PageSizes.A6;
  if (layout === "a6") {
    for (const label of labels) {
      const page = doc.addPage(PageSizes.A6);
      await drawLabel(doc, page, f, label, 0, 0, a6w, a6h);
    }
  } else {
    for (let i = 0; i < labels.length; i += LABELS_PER_A4) {
      const page = doc.addPage(PageSizes.A4);
      const cellW = a4w / 2;
      const cellH = a4h / 2;
      for (const [k, label] of labels.slice(i, i + LABELS_PER_A4).entries()) {
        const col = k % 2;
        const row = Math.floor(k / 2);
        await drawLabel(doc, page, f, label, col * cellW, a4h - (row + 1) * cellH, cellW, cellH);
      }
      // cutting guides
      page.drawLine({ start: { x: cellW, y: 0 }, end: { x: cellW, y: a4h }, thickness: 0.3, color: GREY, dashArray: [3, 3] });
      page.drawLine({ start: { x: 0, y: cellH }, end: { x: a4w, y: cellH }, thickness: 0.3, color: GREY, dashArray: [3, 3] });
    }
  }
  return doc.save();
}

/** Packing slips, one A4 page each (more pages when the item list is long). */
export async function renderPackingSlips(slips: PackingSlip[]): Promise<Uint8Array> {
  if (!slips.length) throw new RangeError("no packing slips to render");
  const doc = await PDFDocument.create();
  doc.setTitle(`Daftar isi paket ${slips.map((s) => s.orderNumber).join(", ")}`.slice(0, 200));
  doc.setProducer("Lapak");
  const f = await fonts(doc);
  const [w, h] = PageSizes.A4;
  const m = 15 * MM;
  const inner = w - 2 * m;
  for (const slip of slips) {
    let page = doc.addPage(PageSizes.A4);
    let y = h - m;
    page.drawText("DAFTAR ISI PAKET", { x: m, y: y - 16, size: 16, font: f.bold });
    const image = await barcode(doc, slip.orderNumber);
    page.drawImage(image, { x: w - m - 70 * MM, y: y - 16 * MM, width: 70 * MM, height: 14 * MM });
    y = text(page, `Pesanan ${slip.orderNumber}`, m, y - 20, { font: f.bold, size: 11, width: inner / 2 });
    y = Math.min(y, h - m - 18 * MM) - 8;
    const col = inner / 2 - 5 * MM;
    const r = slip.recipient;
    let yl = text(page, "PENGIRIM", m, y, { font: f.bold, size: 8, width: col, color: GREY });
    yl = text(page, [slip.sender.name, slip.sender.phone, slip.sender.city].filter(Boolean).join("\n"), m, yl, { font: f.regular, size: 10, width: col });
    let yr = text(page, "PENERIMA", m + inner / 2, y, { font: f.bold, size: 8, width: col, color: GREY });
    yr = text(page, `${r.name}\n${r.phone}\n${r.street}, ${r.district}\n${r.city}, ${r.province} ${r.postalCode}`, m + inner / 2, yr, { font: f.regular, size: 10, width: col });
    y = Math.min(yl, yr) - 12;

    const cols = slip.showPrices ? { title: inner - 130, qty: 40, price: 90 } : { title: inner - 40, qty: 40, price: 0 };
    const header = (p: PDFPage, top: number) => {
      p.drawText("Barang", { x: m, y: top - 10, size: 9, font: f.bold });
      p.drawText("Jumlah", { x: m + cols.title, y: top - 10, size: 9, font: f.bold });
      if (slip.showPrices) p.drawText("Harga satuan", { x: m + cols.title + cols.qty, y: top - 10, size: 9, font: f.bold });
      p.drawLine({ start: { x: m, y: top - 14 }, end: { x: w - m, y: top - 14 }, thickness: 0.6 });
      return top - 16;
    };
    y = header(page, y);
    for (const item of slip.items) {
      const label = item.variant ? `${item.title} (${item.variant})` : item.title;
      const lines = wrap(label, f.regular, 10, cols.title - 6);
      if (y - lines.length * 12 < m + 40) {
        page = doc.addPage(PageSizes.A4);
        y = header(page, h - m);
      }
      const top = y;
      y = text(page, label, m, y, { font: f.regular, size: 10, width: cols.title - 6 });
      page.drawText(String(item.quantity), { x: m + cols.title, y: top - 10, size: 10, font: f.regular });
      if (slip.showPrices && item.unitPrice !== undefined) page.drawText(formatRupiah(item.unitPrice), { x: m + cols.title + cols.qty, y: top - 10, size: 10, font: f.regular });
      y -= 3;
    }
    if (slip.note) y = text(page, `Catatan pembeli: ${slip.note}`, m, y - 10, { font: f.regular, size: 10, width: inner });
    text(page, "Terima kasih sudah berbelanja di Lapak.", m, Math.max(y - 20, m + 20), { font: f.regular, size: 9, width: inner, color: GREY });
  }
  return doc.save();
}

/** A PDF download: private (it carries addresses), never cached by a proxy. */
export function pdfResponse(pdf: Uint8Array, filename: string): Response {
  return new Response(pdf as unknown as BodyInit, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
