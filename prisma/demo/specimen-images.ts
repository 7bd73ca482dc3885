/**
 * Specimen KYC documents for the demo data: JPEGs that look like a generic card of each kind (so the
 * admin review screens have something realistic to show) but can never pass for a real document:
 * fictional region names, no emblems or logos, placeholder silhouettes instead of faces, and a large
 * diagonal "SPECIMEN — CONTOH, BUKAN DOKUMEN ASLI" watermark repeated over the whole image.
 *
 * Drawn as SVG and rasterised by sharp (librsvg + fontconfig). Text uses DejaVu Sans, present on this
 * machine and on most Linux images; if it is missing, fontconfig falls back to another sans font.
 * Only ever feed it made-up data.
 */
import sharp from "sharp";

export type SpecimenKind = "ktp" | "npwp" | "bank_book" | "selfie";
export interface SpecimenData {
  name: string;
  nik?: string;
  npwp?: string;
  bank?: string;
  account?: string;
  shop?: string;
}

const FONT = "DejaVu Sans, Verdana, Arial, sans-serif";
const WATERMARK_LINES = ["SPECIMEN — CONTOH,", "BUKAN DOKUMEN ASLI"];
const WATERMARK_SENTENCE = "SPECIMEN — CONTOH, BUKAN DOKUMEN ASLI";

export async function specimenDocument(kind: SpecimenKind, data: SpecimenData): Promise<Buffer> {
  const { width, height, body } = DRAW[kind](data);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">
${body}
${watermark(width, height)}
</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}

const DRAW: Record<SpecimenKind, (data: SpecimenData) => { width: number; height: number; body: string }> = {
  ktp: drawKtp,
  npwp: drawNpwp,
  bank_book: drawBankBook,
  selfie: drawSelfie,
};

// ---------------------------------------------------------------------------------------------------

function drawKtp(data: SpecimenData) {
  const width = 1000;
  const height = 630;
  const rows: [string, string][] = [
    ["Nama", data.name.toUpperCase()],
    ["Tempat/Tgl Lahir", "KOTA CONTOH, 01-01-1990"],
    ["Jenis Kelamin", "-"],
    ["Alamat", "JL. CONTOH NO. 1"],
    ["RT/RW", "000/000"],
    ["Kel/Desa", "SPESIMEN"],
    ["Kecamatan", "CONTOH"],
    ["Agama", "-"],
    ["Status Perkawinan", "-"],
    ["Pekerjaan", "WIRASWASTA"],
    ["Kewarganegaraan", "WNI"],
    ["Berlaku Hingga", "CONTOH"],
  ];
  const body = `
  ${cardFrame({ width, height, surround: "#5a6b7a", inset: 8, radius: 28, diagonal: true, stops: ["#d7ecfa", "0.55:#a9d1ef", "#7fb6e0"], guilloche: ["#ffffff", 0.35] })}
  <text x="${width / 2}" y="62" text-anchor="middle" font-size="30" font-weight="bold" fill="#10263d">PROVINSI CONTOH RAYA</text>
  <text x="${width / 2}" y="100" text-anchor="middle" font-size="28" font-weight="bold" fill="#10263d">KABUPATEN SPESIMEN</text>
  <text x="40" y="160" font-size="32" font-weight="bold" fill="#10263d">NIK</text>
  ${fitText(":  " + (data.nik ?? "0000000000000000"), 140, 160, 540, 32, 'font-weight="bold" fill="#10263d" letter-spacing="1"')}
  ${fieldRows(rows, (i) => ({ y: 205 + i * 33, labelX: 40, labelSize: 20, labelAttributes: 'fill="#10263d"', valueX: 255, valueWidth: 430, valueSize: 20, valueAttributes: 'fill="#10263d"', separator: ": " }))}
  ${silhouette(730, 140, 220, 280, "#e9eef2", "#8a98a6")}
  <text x="840" y="460" text-anchor="middle" font-size="18" fill="#10263d">KOTA SPESIMEN</text>
  <text x="840" y="486" text-anchor="middle" font-size="18" fill="#10263d">01-01-2026</text>
  <path d="M 770 545 q 20 -40 40 -5 t 40 -10 t 45 5" fill="none" stroke="#10263d" stroke-width="2.5"/>`;
  return { width, height, body };
}

function drawNpwp(data: SpecimenData) {
  const width = 1000;
  const height = 630;
  const rows: [string, string][] = [
    ["NPWP", formatNpwp(data.npwp ?? "000000000000000")],
    ["NAMA", data.name.toUpperCase()],
    ["NIK", data.nik ?? "-"],
    ["ALAMAT", "JL. CONTOH NO. 1, KOTA SPESIMEN"],
    ["KPP", "KANTOR PAJAK CONTOH"],
    ["TERDAFTAR", "01/01/2020"],
  ];
  const body = `
  ${cardFrame({ width, height, surround: "#4d5560", inset: 8, radius: 28, diagonal: false, stops: ["#ffffff", "#e6ebf2"], guilloche: ["#9fb3cc", 0.35] })}
  <path d="M 8 36 a 28 28 0 0 1 28 -28 h ${width - 72} a 28 28 0 0 1 28 28 v 124 h -${width - 16} z" fill="#123a6b"/>
  <circle cx="100" cy="84" r="54" fill="#f2c14e"/>
  <circle cx="100" cy="84" r="40" fill="none" stroke="#123a6b" stroke-width="6"/>
  <text x="100" y="93" text-anchor="middle" font-size="24" font-weight="bold" fill="#123a6b">NPWP</text>
  <text x="185" y="72" font-size="26" font-weight="bold" fill="#ffffff">KARTU NOMOR POKOK WAJIB PAJAK</text>
  <text x="185" y="110" font-size="20" fill="#dbe6f5">Contoh untuk demo — tidak berlaku</text>
  <text x="${width - 50}" y="135" text-anchor="end" font-size="64" font-weight="bold" fill="#ffffff" fill-opacity="0.9">NPWP</text>
  ${fieldRows(rows, (i) => {
    const big = i === 0; // the number itself, larger
    return {
      y: 235 + i * 58,
      labelX: 60,
      labelSize: big ? 28 : 22,
      labelAttributes: 'font-weight="bold" fill="#123a6b"',
      valueX: 240,
      valueWidth: 700,
      valueSize: big ? 34 : 24,
      valueAttributes: `fill="#1b1b1b"${big ? ' font-weight="bold" letter-spacing="1"' : ""}`,
      separator: ": ",
    };
  })}`;
  return { width, height, body };
}

function drawBankBook(data: SpecimenData) {
  const width = 900;
  const height = 1200;
  const bank = (data.bank ?? "Bank Contoh").toUpperCase();
  const body = `
  ${cardFrame({ width, height, surround: "#2b2b2b", inset: 20, radius: 18, diagonal: true, stops: ["#124e78", "#0a2740"], guilloche: ["#ffffff", 0.12], spine: "#08192a" })}
  <circle cx="${width / 2}" cy="250" r="95" fill="none" stroke="#f2c14e" stroke-width="14"/>
  <path d="M ${width / 2 - 55} 290 l 55 -110 l 55 110 z" fill="#f2c14e"/>
  ${fitText(bank, width / 2, 440, 720, 64, 'text-anchor="middle" font-weight="bold" fill="#ffffff"')}
  <text x="${width / 2}" y="510" text-anchor="middle" font-size="40" fill="#f2c14e" letter-spacing="6">BUKU TABUNGAN</text>
  <rect x="20" y="560" width="${width - 40}" height="14" fill="#f2c14e"/>
  <rect x="110" y="700" width="${width - 220}" height="300" rx="12" fill="#fbfaf5"/>
  <text x="140" y="760" font-size="22" fill="#555">Nama Pemilik Rekening</text>
  ${fitText(data.name.toUpperCase(), 140, 800, width - 280, 30, 'font-weight="bold" fill="#111"')}
  <text x="140" y="860" font-size="22" fill="#555">Nomor Rekening</text>
  ${fitText(data.account ?? "0000000000", 140, 902, width - 280, 38, 'font-weight="bold" fill="#111" letter-spacing="3"')}
  <text x="140" y="965" font-size="22" fill="#555">Cabang: KCP CONTOH, KOTA SPESIMEN</text>
  ${shopLine(data, width, 1090, 26, "#dbe6f5")}`;
  return { width, height, body };
}

function drawSelfie(data: SpecimenData) {
  const width = 900;
  const height = 1200;
  const cardX = 250;
  const cardY = 760;
  const body = `
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#efe3cf"/><stop offset="1" stop-color="#c9b79a"/>
    </linearGradient>
    <linearGradient id="card" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#d7ecfa"/><stop offset="1" stop-color="#8fbfe4"/>
    </linearGradient>
  </defs>
  <rect width="${width}" height="${height}" fill="url(#bg)"/>
  <rect x="620" y="90" width="200" height="260" fill="#ffffff" fill-opacity="0.35"/>
  <text x="${width / 2}" y="70" text-anchor="middle" font-size="32" font-weight="bold" fill="#3a2f22">SWAFOTO DENGAN KTP</text>
  <!-- the person: head, neck, shoulders and torso -->
  <circle cx="${width / 2}" cy="360" r="150" fill="#7d8a96"/>
  <rect x="${width / 2 - 55}" y="490" width="110" height="80" fill="#7d8a96"/>
  <path d="M 90 ${height} C 90 700 230 600 ${width / 2} 600 C 670 600 810 700 810 ${height} Z" fill="#5f6d7a"/>
  <!-- the card held in front of the chest, with both hands -->
  <g transform="rotate(-4 ${cardX + 200} ${cardY + 126})">
    <rect x="${cardX}" y="${cardY}" width="400" height="252" rx="14" fill="url(#card)" stroke="#41566b" stroke-width="2"/>
    <text x="${cardX + 200}" y="${cardY + 34}" text-anchor="middle" font-size="16" font-weight="bold" fill="#10263d">PROVINSI CONTOH RAYA</text>
    <text x="${cardX + 20}" y="${cardY + 78}" font-size="15" font-weight="bold" fill="#10263d">NIK : ${esc(data.nik ?? "0000000000000000")}</text>
    ${fitText("Nama : " + data.name.toUpperCase(), cardX + 20, cardY + 108, 270, 14, 'fill="#10263d"')}
    <text x="${cardX + 20}" y="${cardY + 134}" font-size="14" fill="#10263d">Alamat : JL. CONTOH NO. 1</text>
    ${silhouette(cardX + 300, cardY + 60, 80, 100, "#e9eef2", "#8a98a6")}
  </g>
  <ellipse cx="${cardX - 28}" cy="${cardY + 165}" rx="42" ry="60" fill="#8d99a4"/>
  <ellipse cx="${cardX + 425}" cy="${cardY + 110}" rx="42" ry="60" fill="#8d99a4"/>
  ${shopLine(data, width, 1150, 24, "#ffffff")}`;
  return { width, height, body };
}

// ---------------------------------------------------------------------------------------------------

/**
 * The card every document is printed on: a dark surround (the table it was photographed on), the card
 * with rounded corners and a gradient, the security-print lines, and for a bank book its darker spine.
 * `stops` are colours, or "offset:colour" where the stops are not evenly spaced.
 */
function cardFrame(o: { width: number; height: number; surround: string; inset: number; radius: number; diagonal: boolean; stops: string[]; guilloche: [string, number]; spine?: string }): string {
  const stops = o.stops
    .map((stop, i) => {
      const [offset, colour] = stop.includes(":") ? stop.split(":") : [String(i / (o.stops.length - 1)), stop];
      return `<stop offset="${offset}" stop-color="${colour}"/>`;
    })
    .join("");
  const inner = { x: o.inset, y: o.inset, w: o.width - 2 * o.inset, h: o.height - 2 * o.inset };
  return `<defs>
    <linearGradient id="bg" x1="0" y1="0" x2="${o.diagonal ? 1 : 0}" y2="1">${stops}</linearGradient>
  </defs>
  <rect width="${o.width}" height="${o.height}" fill="${o.surround}"/>
  <rect x="${inner.x}" y="${inner.y}" width="${inner.w}" height="${inner.h}" rx="${o.radius}" fill="url(#bg)"/>
  ${o.spine ? `<rect x="${inner.x}" y="${inner.y}" width="36" height="${inner.h}" fill="${o.spine}" fill-opacity="0.6"/>` : ""}
  ${guilloche(o.width, o.height, o.guilloche[0], o.guilloche[1])}`;
}

interface FieldRowLayout {
  y: number;
  labelX: number;
  labelSize: number;
  labelAttributes: string;
  valueX: number;
  valueWidth: number;
  valueSize: number;
  valueAttributes: string;
  separator: string;
}

/** "Label   : value" lines, the layout of printed ID cards; each value shrinks to fit its width. */
function fieldRows(rows: [string, string][], layout: (index: number) => FieldRowLayout): string {
  return rows
    .map(([label, value], i) => {
      const l = layout(i);
      return `<text x="${l.labelX}" y="${l.y}" font-size="${l.labelSize}" ${l.labelAttributes}>${esc(label)}</text>
  ${fitText(l.separator + value, l.valueX, l.y, l.valueWidth, l.valueSize, l.valueAttributes)}`;
    })
    .join("\n  ");
}

/** "Toko: <name>" centred near the bottom, when the demo shop is known. */
function shopLine(data: SpecimenData, width: number, y: number, size: number, colour: string): string {
  return data.shop ? fitText(`Toko: ${data.shop}`, width / 2, y, width - 200, size, `text-anchor="middle" fill="${colour}"`) : "";
}

/** Diagonal watermark: two big lines across the middle, and the whole sentence tiled over the rest. */
function watermark(width: number, height: number): string {
  const diagonal = Math.hypot(width, height);
  const angle = (-Math.atan2(height, width) * 180) / Math.PI;
  const big = Math.round(diagonal / 17); // the two lines span ~80% of the diagonal
  const small = Math.round(big / 2.6);
  const tiles: string[] = [];
  for (let y = -diagonal / 2; y <= diagonal / 2; y += small * 3.2) {
    if (Math.abs(y) < big * 1.6) continue; // leave room for the big lines
    tiles.push(`<text x="0" y="${y.toFixed(0)}" font-size="${small}">${esc(`${WATERMARK_SENTENCE}   •   ${WATERMARK_SENTENCE}`)}</text>`);
  }
  return `<g transform="translate(${width / 2} ${height / 2}) rotate(${angle.toFixed(2)})" text-anchor="middle" font-weight="bold" fill="#d0021b">
    <g fill-opacity="0.2">${tiles.join("")}</g>
    <g fill-opacity="0.45" stroke="#ffffff" stroke-opacity="0.45" stroke-width="2">
      <text x="0" y="${-big * 0.15}" font-size="${big}">${esc(WATERMARK_LINES[0])}</text>
      <text x="0" y="${big * 0.95}" font-size="${big}">${esc(WATERMARK_LINES[1])}</text>
    </g>
  </g>`;
}

/** A passport-photo placeholder: a grey head-and-shoulders shape, no face. */
function silhouette(x: number, y: number, w: number, h: number, background: string, figure: string): string {
  const cx = x + w / 2;
  const r = w * 0.22;
  const headY = y + h * 0.36;
  return `<g>
    <rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${background}" stroke="${figure}" stroke-width="2"/>
    <circle cx="${cx}" cy="${headY}" r="${r}" fill="${figure}"/>
    <path d="M ${x + w * 0.08} ${y + h} C ${x + w * 0.1} ${y + h * 0.7} ${x + w * 0.3} ${y + h * 0.63} ${cx} ${y + h * 0.63} C ${x + w * 0.7} ${y + h * 0.63} ${x + w * 0.9} ${y + h * 0.7} ${x + w * 0.92} ${y + h} Z" fill="${figure}"/>
  </g>`;
}

/** Fine wavy lines, the security-print look of ID cards (decoration only). */
function guilloche(width: number, height: number, colour: string, opacity: number): string {
  const paths: string[] = [];
  for (let i = 0; i < 14; i++) {
    const y = 40 + (i * (height - 80)) / 13;
    const amp = 10 + (i % 4) * 4;
    paths.push(`<path d="M 0 ${y.toFixed(0)} ${Array.from({ length: 10 }, (_, k) => `q ${width / 20} ${k % 2 ? amp : -amp} ${width / 10} 0`).join(" ")}" />`);
  }
  return `<g fill="none" stroke="${colour}" stroke-opacity="${opacity}" stroke-width="1.5">${paths.join("")}</g>`;
}

/** A text element whose font size shrinks so that long names still fit in maxWidth (estimated widths). */
function fitText(text: string, x: number, y: number, maxWidth: number, size: number, attributes: string): string {
  const estimated = text.length * size * 0.66; // DejaVu Sans capitals average ~0.66 em
  const fitted = estimated > maxWidth ? Math.max(10, Math.floor((size * maxWidth) / estimated)) : size;
  return `<text x="${x}" y="${y}" font-size="${fitted}" ${attributes}>${esc(text)}</text>`;
}

function formatNpwp(value: string): string {
  const digits = value.replace(/\D/g, "");
  if (digits.length !== 15) return value;
  return `${digits.slice(0, 2)}.${digits.slice(2, 5)}.${digits.slice(5, 8)}.${digits.slice(8, 9)}-${digits.slice(9, 12)}.${digits.slice(12)}`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c);
}
