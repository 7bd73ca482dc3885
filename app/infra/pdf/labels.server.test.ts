import { PageSizes } from "pdf-lib";
import { describe, expect, it } from "vitest";
import type { PackingSlip, ShippingLabel } from "~/domain/orders/documents";
import { readPdf } from "../../../tests/setup/pdf";
import { pdfSafe, renderPackingSlips, renderShippingLabels } from "./labels.server";

const label = (n: number): ShippingLabel => ({
  orderNumber: `LPK-261201-000${n}`,
  courierName: "JNE",
  serviceName: "REG",
  weightGrams: 1250,
  sender: { name: "Toko Batik Jaya", phone: "081234567890", city: "Kota Bandung" },
  recipient: { name: `Siti Rahayu ${n}`, phone: "085612345678", street: "Jl. Melati No. 12, RT 03/RW 05", district: "Coblong", city: "Kota Bandung", province: "Jawa Barat", postalCode: "40132" },
  note: "Tolong bungkus rapi",
});

describe("shipping labels", () => {
  it("A6: one label per A6 page with recipient, sender, courier, weight and order number", async () => {
    const pdf = await readPdf(await renderShippingLabels([label(1), label(2)], "a6"));
    expect(pdf.pageCount).toBe(2);
    for (const p of pdf.pages) {
      expect(p.width).toBeCloseTo(PageSizes.A6[0], 1);
      expect(p.height).toBeCloseTo(PageSizes.A6[1], 1);
    }
    expect(pdf.pages[0].text).toContain("LPK-261201-0001");
    expect(pdf.pages[0].text).toContain("Siti Rahayu 1 (085612345678)");
    expect(pdf.pages[0].text).toContain("Toko Batik Jaya");
    expect(pdf.pages[0].text).toContain("JNE REG");
    expect(pdf.pages[0].text).toMatch(/Berat: 1,25 kg/);
    expect(pdf.pages[1].text).toContain("LPK-261201-0002");
  });

  it("A4: four labels per sheet", async () => {
    const pdf = await readPdf(await renderShippingLabels([1, 2, 3, 4, 5].map(label), "a4"));
    expect(pdf.pageCount).toBe(2);
    expect(pdf.pages[0].width).toBeCloseTo(PageSizes.A4[0], 1);
    for (const n of [1, 2, 3, 4]) expect(pdf.pages[0].text).toContain(`LPK-261201-000${n}`);
    expect(pdf.pages[1].text).toContain("LPK-261201-0005");
    expect(pdf.pages[1].text).not.toContain("LPK-261201-0001");
  });

  it("refuses an empty batch and survives characters outside Latin-1", async () => {
    await expect(renderShippingLabels([], "a6")).rejects.toThrow();
    const odd = { ...label(9), recipient: { ...label(9).recipient, name: "Nguyễn “Ana” — 王" } };
    const pdf = await readPdf(await renderShippingLabels([odd], "a6"));
    expect(pdf.text).toContain('Nguyen "Ana" - ?');
    expect(pdfSafe("Café")).toBe("Cafe");
  });
});

describe("packing slips", () => {
  const slip: PackingSlip = {
    orderNumber: "LPK-261201-0001",
    sender: label(1).sender,
    recipient: label(1).recipient,
    items: [
      { title: "Kemeja Batik Mega Mendung", variant: "Biru, L", quantity: 2, unitPrice: 185000 },
      { title: "Masker kain", quantity: 5, unitPrice: 10000 },
    ],
    showPrices: true,
    note: "Kirim sebelum Jumat",
  };

  it("lists items with prices on an A4 page", async () => {
    const pdf = await readPdf(await renderPackingSlips([slip]));
    expect(pdf.pageCount).toBe(1);
    expect(pdf.pages[0].height).toBeCloseTo(PageSizes.A4[1], 1);
    expect(pdf.text).toContain("Kemeja Batik Mega Mendung (Biru, L)");
    expect(pdf.text).toContain("Rp185.000");
    expect(pdf.text).toContain("Catatan pembeli: Kirim sebelum Jumat");
  });

  it("hides prices for a dropship slip and grows to more pages for a long list", async () => {
    const many = { ...slip, showPrices: false, items: Array.from({ length: 80 }, (_, i) => ({ title: `Barang nomor ${i + 1}`, quantity: 1, unitPrice: 1000 })) };
    const pdf = await readPdf(await renderPackingSlips([many]));
    expect(pdf.pageCount).toBeGreaterThan(1);
    expect(pdf.text).not.toContain("Rp1.000");
    expect(pdf.text).toContain("Barang nomor 80");
  });
});
