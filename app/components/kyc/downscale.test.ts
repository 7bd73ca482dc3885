import { describe, expect, it } from "vitest";
import { kycUiMessages } from "~/i18n/messages/kyc-ui";
import {
  classifyFile,
  computeDownscaleSize,
  DOCUMENT_ACCEPT,
  formatFileSize,
  isPdfType,
  isSafeDocumentUrl,
  jpegFileName,
  parseUploadResponse,
  progressPercent,
  rotateBy,
  shouldDownscale,
  stepZoom,
  UPLOAD_ERROR_KEYS,
  viewerLayout,
  ZOOM_MAX,
  ZOOM_MIN,
} from "./downscale";

describe("computeDownscaleSize", () => {
  it("fits the long side of a landscape or portrait photo, keeping the aspect ratio", () => {
    expect(computeDownscaleSize(4000, 3000, 2000)).toEqual({ width: 2000, height: 1500 });
    expect(computeDownscaleSize(3024, 4032, 2000)).toEqual({ width: 1500, height: 2000 });
    expect(computeDownscaleSize(5000, 5000, 2000)).toEqual({ width: 2000, height: 2000 });
  });
  it("rounds to whole pixels and never goes below 1", () => {
    expect(computeDownscaleSize(4001, 2999, 2000)).toEqual({ width: 2000, height: 1499 });
    expect(computeDownscaleSize(100000, 10, 2000)).toEqual({ width: 2000, height: 1 });
  });
  it("leaves an image that is small enough alone", () => {
    expect(computeDownscaleSize(1600, 1200, 2000)).toEqual({ width: 1600, height: 1200 });
    expect(computeDownscaleSize(2000, 800, 2000)).toEqual({ width: 2000, height: 800 });
  });
  it("refuses nonsense sizes", () => {
    expect(() => computeDownscaleSize(0, 100, 2000)).toThrow(RangeError);
    expect(() => computeDownscaleSize(100, Number.NaN, 2000)).toThrow(RangeError);
    expect(() => computeDownscaleSize(100, 100, 0)).toThrow(RangeError);
  });
});

describe("shouldDownscale", () => {
  it("scales photos longer than 2000 px or heavier than 1.5 MB", () => {
    expect(shouldDownscale(4032, 3024, 900_000)).toBe(true);
    expect(shouldDownscale(1200, 1600, 2 * 1024 * 1024)).toBe(true);
    expect(shouldDownscale(2000, 1500, 1.5 * 1024 * 1024)).toBe(false);
    expect(shouldDownscale(1200, 900, 300_000)).toBe(false);
  });
});

describe("classifyFile", () => {
  it("sorts by MIME type", () => {
    expect(classifyFile("image/jpeg", "a.jpg")).toBe("raster");
    expect(classifyFile("image/png", "a.png")).toBe("raster");
    expect(classifyFile("image/webp", "a.webp")).toBe("raster");
    expect(classifyFile("image/heic", "a.heic")).toBe("heic");
    expect(classifyFile("image/heif", "a.heif")).toBe("heic");
    expect(classifyFile("application/pdf", "a.pdf")).toBe("pdf");
    expect(classifyFile("IMAGE/JPEG", "a")).toBe("raster");
  });
  it("falls back to the extension when the picker gives no useful type", () => {
    expect(classifyFile("", "IMG_0001.HEIC")).toBe("heic");
    expect(classifyFile("application/octet-stream", "scan.pdf")).toBe("pdf");
    expect(classifyFile("", "noextension")).toBeNull();
  });
  it("refuses other types, even with an accepted extension", () => {
    expect(classifyFile("image/gif", "a.gif")).toBeNull();
    expect(classifyFile("text/html", "a.pdf")).toBeNull();
  });
  it("accepts everything the input's accept list offers", () => {
    for (const type of DOCUMENT_ACCEPT.split(",")) expect(classifyFile(type, "x"), type).not.toBeNull();
  });
});

describe("jpegFileName", () => {
  it("keeps the name and swaps the extension", () => {
    expect(jpegFileName("IMG_0012.PNG")).toBe("IMG_0012.jpg");
    expect(jpegFileName("ktp saya.webp")).toBe("ktp saya.jpg");
    expect(jpegFileName("photo")).toBe("photo.jpg");
    expect(jpegFileName(".png")).toBe("foto.jpg");
  });
});

describe("progressPercent", () => {
  it("is a floored whole percentage, 100 only when all is sent", () => {
    expect(progressPercent(0, 1000)).toBe(0);
    expect(progressPercent(455, 1000)).toBe(45);
    expect(progressPercent(999, 1000)).toBe(99);
    expect(progressPercent(1000, 1000)).toBe(100);
    expect(progressPercent(1200, 1000)).toBe(100);
  });
  it("is unknown without a total", () => {
    expect(progressPercent(10, 0)).toBeNull();
    expect(progressPercent(10, Number.NaN)).toBeNull();
  });
});

describe("formatFileSize", () => {
  it("uses KB below a megabyte and MB with a decimal comma above", () => {
    expect(formatFileSize(850 * 1024)).toBe("850 KB");
    expect(formatFileSize(100)).toBe("1 KB");
    expect(formatFileSize(1.5 * 1024 * 1024)).toBe("1,5 MB");
    expect(formatFileSize(5 * 1024 * 1024)).toBe("5 MB");
  });
});

describe("isSafeDocumentUrl / isPdfType", () => {
  it("allows http(s), same-site paths and blob previews only", () => {
    expect(isSafeDocumentUrl("/files/kyc/abc?sig=x")).toBe(true);
    expect(isSafeDocumentUrl("https://s3.example.com/lapak/a.webp")).toBe(true);
    expect(isSafeDocumentUrl("blob:https://lapak.id/123")).toBe(true);
    expect(isSafeDocumentUrl("javascript:alert(1)")).toBe(false);
    expect(isSafeDocumentUrl("//evil.example/x")).toBe(false);
    expect(isSafeDocumentUrl("data:text/html,hi")).toBe(false);
  });
  it("recognises PDFs with parameters", () => {
    expect(isPdfType("application/pdf")).toBe(true);
    expect(isPdfType("Application/PDF; charset=binary")).toBe(true);
    expect(isPdfType("image/webp")).toBe(false);
  });
});

describe("parseUploadResponse", () => {
  const document = { id: "d1", kind: "ktp", version: 3, url: "/files/d1", contentType: "image/webp" };

  it("returns the document on 200", () => {
    expect(parseUploadResponse(200, JSON.stringify({ ok: true, document: { ...document, extra: 1 } }))).toEqual({ ok: true, document });
    // The new bank book of a payout account change comes through the same upload.
    const bankBook = { ...document, kind: "bank_book_change" };
    expect(parseUploadResponse(200, JSON.stringify({ ok: true, document: bankBook }))).toEqual({ ok: true, document: bankBook });
    expect(parseUploadResponse(200, JSON.stringify({ ok: true, document: { ...document, kind: "passport" } }))).toEqual({ ok: false, error: UPLOAD_ERROR_KEYS.server });
  });
  it("treats a 200 that doesn't follow the contract (e.g. a login page after a redirect) as a server error", () => {
    expect(parseUploadResponse(200, "<!doctype html><title>Masuk</title>")).toEqual({ ok: false, error: UPLOAD_ERROR_KEYS.server });
    expect(parseUploadResponse(200, JSON.stringify({ ok: true, document: { ...document, url: "javascript:alert(1)" } }))).toEqual({
      ok: false,
      error: UPLOAD_ERROR_KEYS.server,
    });
  });
  it("passes a 4xx error key and its variables through", () => {
    expect(parseUploadResponse(422, JSON.stringify({ ok: false, error: "kyc.upload.blurry", vars: { max: "5 MB", n: 2, bad: { x: 1 } } }))).toEqual({
      ok: false,
      error: "kyc.upload.blurry",
      vars: { max: "5 MB", n: 2 },
    });
    expect(parseUploadResponse(400, JSON.stringify({ ok: false, error: "kyc_type" }))).toEqual({ ok: false, error: "kyc_type" });
  });
  it("maps 4xx without a usable body by status", () => {
    expect(parseUploadResponse(413, "Payload Too Large")).toEqual({ ok: false, error: UPLOAD_ERROR_KEYS.tooLarge });
    expect(parseUploadResponse(403, "Forbidden: cross-site request")).toEqual({ ok: false, error: UPLOAD_ERROR_KEYS.session });
    expect(parseUploadResponse(401, "")).toEqual({ ok: false, error: UPLOAD_ERROR_KEYS.session });
    expect(parseUploadResponse(429, "")).toEqual({ ok: false, error: UPLOAD_ERROR_KEYS.rateLimited });
    expect(parseUploadResponse(400, JSON.stringify({ ok: false, error: "<script>" }))).toEqual({ ok: false, error: UPLOAD_ERROR_KEYS.server });
  });
  it("gives the generic error for 5xx, even with an error key, and the network error for status 0", () => {
    expect(parseUploadResponse(500, JSON.stringify({ ok: false, error: "internal" }))).toEqual({ ok: false, error: UPLOAD_ERROR_KEYS.server });
    expect(parseUploadResponse(502, "<html>Bad gateway</html>")).toEqual({ ok: false, error: UPLOAD_ERROR_KEYS.server });
    expect(parseUploadResponse(0, "")).toEqual({ ok: false, error: UPLOAD_ERROR_KEYS.network });
  });
});

describe("viewer helpers", () => {
  it("steps the zoom along the ladder and stops at the ends", () => {
    expect(stepZoom(1, 1)).toBe(1.25);
    expect(stepZoom(1, -1)).toBe(0.75);
    expect(stepZoom(1.1, 1)).toBe(1.25);
    expect(stepZoom(1.1, -1)).toBe(1);
    expect(stepZoom(ZOOM_MAX, 1)).toBe(ZOOM_MAX);
    expect(stepZoom(ZOOM_MIN, -1)).toBe(ZOOM_MIN);
  });
  it("normalises rotation to quarter turns", () => {
    expect(rotateBy(0, 90)).toBe(90);
    expect(rotateBy(0, -90)).toBe(270);
    expect(rotateBy(270, 90)).toBe(0);
    expect(rotateBy(180, 450)).toBe(270);
  });
  it("fits the rotated image into the frame and sizes the scroll box to the zoomed, rotated image", () => {
    const natural = { width: 4000, height: 3000 };
    const frame = { width: 800, height: 600 };
    expect(viewerLayout(natural, frame, 0, 1)).toEqual({ imgWidth: 800, imgHeight: 600, boxWidth: 800, boxHeight: 600 });
    expect(viewerLayout(natural, frame, 0, 2)).toEqual({ imgWidth: 800, imgHeight: 600, boxWidth: 1600, boxHeight: 1200 });
    // Turned a quarter: 3000 wide, 4000 high, fitted to 600 high → 450 × 600 on screen.
    expect(viewerLayout(natural, frame, 90, 1)).toEqual({ imgWidth: 600, imgHeight: 450, boxWidth: 450, boxHeight: 600 });
    expect(viewerLayout(natural, frame, 270, 2)).toEqual({ imgWidth: 600, imgHeight: 450, boxWidth: 900, boxHeight: 1200 });
  });
  it("does not enlarge a small image at zoom 1", () => {
    expect(viewerLayout({ width: 300, height: 200 }, { width: 800, height: 600 }, 0, 1)).toEqual({ imgWidth: 300, imgHeight: 200, boxWidth: 300, boxHeight: 200 });
  });
});

describe("kycUiMessages", () => {
  it("has the same keys in Indonesian and English, none empty", () => {
    expect(Object.keys(kycUiMessages.en).sort()).toEqual(Object.keys(kycUiMessages.id).sort());
    for (const lang of ["id", "en"] as const) for (const [key, text] of Object.entries(kycUiMessages[lang])) expect(text.trim(), `${lang} ${key}`).not.toBe("");
  });
  it("has a text for every error key the upload component produces", () => {
    const ids: Record<string, string> = kycUiMessages.id;
    for (const key of Object.values(UPLOAD_ERROR_KEYS)) expect(ids[key], key).toBeTruthy();
  });
  it("uses the same placeholders in both languages", () => {
    const en: Record<string, string> = kycUiMessages.en;
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(kycUiMessages.id)) expect(vars(en[key]), key).toEqual(vars(text));
  });
});
