/**
 * Messages for every error and warning code of the KYC domain checks (app/domain/kyc): NIK, NPWP and
 * bank account. Indonesian first: sellers are addressed as "kamu", the way local marketplaces write.
 * Warnings (…_mismatch, …_unusual) tell the seller what to check without accusing them: an admin
 * reviews them, and the seller can still continue.
 */

export const kycMessages = {
  id: {
    nik_format: "NIK harus 16 digit angka, sesuai yang tertera di KTP.",
    nik_province: "Dua digit pertama NIK bukan kode provinsi yang dikenal. Cek lagi NIK di KTP kamu.",
    nik_regency: "Digit ke-3 dan ke-4 NIK bukan kode kabupaten/kota yang dikenal. Cek lagi NIK di KTP kamu.",
    nik_birthdate: "Digit ke-7 sampai ke-12 NIK bukan tanggal lahir yang valid. Cek lagi NIK di KTP kamu.",
    nik_serial: "Empat digit terakhir NIK tidak mungkin 0000. Cek lagi NIK di KTP kamu.",
    nik_birthdate_mismatch:
      "Tanggal lahir yang kamu isi berbeda dengan yang tercatat di NIK. Pastikan sesuai KTP. Tim kami akan memeriksanya.",
    nik_sex_mismatch:
      "Jenis kelamin yang kamu pilih berbeda dengan yang tercatat di NIK. Pastikan sesuai KTP. Tim kami akan memeriksanya.",
    nik_region_mismatch:
      "Wilayah pada NIK berbeda dengan alamat yang kamu isi. Tidak masalah jika kamu sudah pindah domisili.",
    npwp_format: "NPWP harus 15 digit (format lama) atau 16 digit angka. NITKU cabang terdiri dari 22 digit.",
    npwp_checksum: "Nomor NPWP tidak valid. Cek lagi angka yang kamu masukkan.",
    npwp_nik_invalid:
      "NPWP 16 digit ini bukan NIK yang valid. Untuk wajib pajak orang pribadi, NPWP sama dengan NIK di KTP.",
    bank_unknown: "Bank tidak dikenal. Pilih bank dari daftar.",
    bank_account_format: "Nomor rekening hanya boleh berisi angka, 7 sampai 18 digit.",
    bank_account_length_unusual:
      "Panjang nomor rekening ini tidak biasa untuk bank yang kamu pilih. Pastikan nomornya sudah benar.",
    bank_holder_name_mismatch:
      "Nama pemilik rekening berbeda dengan nama di KTP. Rekening pencairan dana harus atas nama kamu sendiri.",
  },
  en: {
    nik_format: "The NIK must be 16 digits, as printed on the KTP.",
    nik_province: "The first two digits of the NIK are not a known province code. Please check the NIK on your KTP.",
    nik_regency: "Digits 3 and 4 of the NIK are not a known regency/city code. Please check the NIK on your KTP.",
    nik_birthdate: "Digits 7 to 12 of the NIK are not a valid date of birth. Please check the NIK on your KTP.",
    nik_serial: "The last four digits of a NIK cannot be 0000. Please check the NIK on your KTP.",
    nik_birthdate_mismatch:
      "The date of birth you entered differs from the one in the NIK. Make sure it matches your KTP. Our team will review it.",
    nik_sex_mismatch:
      "The sex you selected differs from the one in the NIK. Make sure it matches your KTP. Our team will review it.",
    nik_region_mismatch:
      "The region in the NIK differs from the address you entered. That is fine if you have moved since.",
    npwp_format: "The NPWP must be 15 digits (old format) or 16 digits. A branch NITKU has 22 digits.",
    npwp_checksum: "This NPWP number is not valid. Please check the digits you entered.",
    npwp_nik_invalid:
      "This 16-digit NPWP is not a valid NIK. For individual taxpayers, the NPWP is the NIK on the KTP.",
    bank_unknown: "Unknown bank. Please choose a bank from the list.",
    bank_account_format: "The account number may contain digits only, 7 to 18 of them.",
    bank_account_length_unusual:
      "This account number has an unusual length for the selected bank. Please make sure it is correct.",
    bank_holder_name_mismatch:
      "The account holder's name differs from the name on the KTP. Payouts must go to an account in your own name.",
  },
} as const;

export type KycMessageCode = keyof (typeof kycMessages)["id"];
