/**
 * Texts for the upload error codes of app/infra/uploads/document-file.server.ts (KYC documents, later
 * product photos). Indonesian first, the seller addressed as "kamu". Placeholders the caller fills in:
 * {maxMb} (upload_too_large), {minWidth}/{minHeight} (upload_too_small_resolution), {maxMegapixels}
 * (upload_resolution_too_large). Each text says what to do next, not only what went wrong.
 */
export const uploadMessages = {
  id: {
    upload_too_large: "Ukuran file maksimal {maxMb} MB. Kecilkan fotonya atau unggah file lain.",
    upload_empty: "File yang kamu pilih kosong. Pilih file lain, lalu unggah lagi.",
    upload_type: "Format file tidak didukung. Unggah foto JPG, PNG atau WebP, atau dokumen PDF.",
    upload_corrupt: "File tidak bisa dibuka, mungkin rusak atau belum selesai terunggah. Coba foto ulang atau unggah lagi.",
    upload_too_small_resolution:
      "Resolusi foto terlalu kecil (minimal {minWidth}×{minHeight} piksel). Foto ulang dokumennya lebih dekat dan pastikan tulisannya terbaca jelas.",
    upload_resolution_too_large:
      "Resolusi foto terlalu besar (maksimal {maxMegapixels} megapiksel). Foto ulang dengan mode kamera biasa, bukan mode resolusi tinggi.",
    upload_heic_unsupported:
      "Foto HEIC dari iPhone belum bisa kami proses. Ubah ke JPG dulu, atau di iPhone buka Pengaturan > Kamera > Format lalu pilih \"Paling Kompatibel\", kemudian foto ulang.",
    upload_pdf_invalid:
      "PDF ini tidak bisa kami terima karena rusak atau berisi skrip, tindakan otomatis, atau file lampiran. Unggah PDF biasa atau foto dokumennya.",
  },
  en: {
    upload_too_large: "The file can be at most {maxMb} MB. Make the photo smaller or upload another file.",
    upload_empty: "The file you chose is empty. Choose another file and upload it again.",
    upload_type: "This file format is not supported. Upload a JPG, PNG or WebP photo, or a PDF document.",
    upload_corrupt: "The file cannot be opened; it may be damaged or not fully uploaded. Take the photo again or upload it again.",
    upload_too_small_resolution:
      "The photo's resolution is too low (at least {minWidth}×{minHeight} pixels). Take the photo closer and make sure the text is clearly readable.",
    upload_resolution_too_large:
      "The photo's resolution is too high (at most {maxMegapixels} megapixels). Take it again in the normal camera mode, not the high-resolution mode.",
    upload_heic_unsupported:
      "We cannot process HEIC photos from iPhone yet. Convert it to JPG first, or on your iPhone go to Settings > Camera > Formats, choose \"Most Compatible\" and take the photo again.",
    upload_pdf_invalid:
      "We cannot accept this PDF: it is damaged or contains scripts, automatic actions or attached files. Upload a plain PDF or a photo of the document.",
  },
} as const;
