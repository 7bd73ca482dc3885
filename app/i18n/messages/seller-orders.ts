// Texts of the seller's order screens, the resi check, labels and packing slips (Indonesian first).
const id = {
  "resi.empty": "Nomor resi wajib diisi.",
  "resi.spaces": "Nomor resi tidak boleh berisi spasi.",
  "resi.charset": "Nomor resi hanya berisi huruf dan angka.",
  "resi.length": "Panjang nomor resi tidak wajar (6–30 karakter).",
  "resi.format": "Format resi tidak cocok dengan kurir ini. Contoh: {example}.",
  "resi.formatUncertain": "Format resi tidak seperti biasanya untuk kurir ini (contoh: {example}). Periksa lagi sebelum menyimpan.",
  "resi.unknownCourier": "Format resi kurir ini belum kami kenal. Pastikan nomornya benar.",
};

const en: typeof id = {
  "resi.empty": "The tracking number is required.",
  "resi.spaces": "The tracking number must not contain spaces.",
  "resi.charset": "The tracking number has letters and digits only.",
  "resi.length": "The tracking number has an unusual length (6–30 characters).",
  "resi.format": "This does not match the courier's tracking number format. Example: {example}.",
  "resi.formatUncertain": "This is not the usual format for this courier (example: {example}). Check it before saving.",
  "resi.unknownCourier": "We do not know this courier's format yet. Make sure the number is right.",
};

export const sellerOrderMessages = { id, en };
