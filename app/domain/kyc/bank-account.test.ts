import { describe, expect, it } from "vitest";
import { checkBankAccount, holderNameMatch, holderNameMatches, maskAccount, normalizePersonName } from "./bank-account";

describe("checkBankAccount", () => {
  it("accepts digits with spaces, dashes or dots and returns them bare", () => {
    const result = checkBankAccount("014", "123-456 7890");
    expect(result).toMatchObject({ ok: true, accountNumber: "1234567890" });
    expect(result.ok && result.bank.code).toBe("014");
    expect(result.ok && result.lengthHint).toBeUndefined();
    expect(checkBankAccount("008", "123.00.1234567.8")).toMatchObject({ ok: true, accountNumber: "1230012345678" });
  });

  it("keeps leading zeros", () => {
    expect(checkBankAccount("009", "0012345678")).toMatchObject({ ok: true, accountNumber: "0012345678" });
  });

  it("rejects an unknown bank before looking at the number", () => {
    expect(checkBankAccount("999", "1234567890")).toEqual({ ok: false, error: "bank_unknown" });
    expect(checkBankAccount("999", "x")).toEqual({ ok: false, error: "bank_unknown" });
  });

  it("rejects letters and lengths outside 7-18 digits", () => {
    for (const input of ["", "123456", "1234567890123456789", "12345O7890", "1234567890a", "+62 812 3456"]) {
      expect(checkBankAccount("542", input), input).toEqual({ ok: false, error: "bank_account_format" });
    }
    expect(checkBankAccount("542", "1234567").ok).toBe(true);
    expect(checkBankAccount("542", "123456789012345678").ok).toBe(true);
  });

  it("warns, without rejecting, when the length is unusual for the bank", () => {
    expect(checkBankAccount("014", "123456789012")).toMatchObject({ ok: true, lengthHint: "bank_account_length_unusual" });
    expect(checkBankAccount("002", "1234 01 123456 50 1")).toMatchObject({ ok: true, accountNumber: "123401123456501" });
    expect(checkBankAccount("002", "1234567890")).toMatchObject({ ok: true, lengthHint: "bank_account_length_unusual" });
    // No hint for a bank whose lengths are not known.
    expect(checkBankAccount("542", "123456789012")).not.toHaveProperty("lengthHint");
  });
});

describe("maskAccount", () => {
  it("shows the last four digits only", () => {
    expect(maskAccount("1234560003")).toBe("******0003");
    expect(maskAccount("123-456-0003")).toBe("******0003");
    expect(maskAccount("123456780003")).toBe("********0003");
    expect(maskAccount("123")).toBe("***");
  });
});

describe("normalizePersonName", () => {
  it("upper-cases, collapses spaces and removes punctuation", () => {
    expect(normalizePersonName("  siti   aminah ")).toBe("SITI AMINAH");
    expect(normalizePersonName("Ma'ruf Amin")).toBe("MARUF AMIN");
    expect(normalizePersonName("Nur-Aini")).toBe("NUR AINI");
    expect(normalizePersonName("José Ramos")).toBe("JOSE RAMOS");
  });

  it("removes leading titles and honorifics", () => {
    expect(normalizePersonName("H. Ahmad Fauzi")).toBe("AHMAD FAUZI");
    expect(normalizePersonName("Hj. Siti Aminah")).toBe("SITI AMINAH");
    expect(normalizePersonName("Prof. Dr. Ir. H. Budi Santoso")).toBe("BUDI SANTOSO");
    expect(normalizePersonName("DR.IR.BUDI SANTOSO")).toBe("BUDI SANTOSO");
    expect(normalizePersonName("Drs. Bambang")).toBe("BAMBANG");
    expect(normalizePersonName("Bpk Joko Widodo")).toBe("JOKO WIDODO");
    expect(normalizePersonName("Ibu Sri Mulyani")).toBe("SRI MULYANI");
    expect(normalizePersonName("Sdr. Andi")).toBe("ANDI");
  });

  it("removes trailing degrees, with or without a comma", () => {
    expect(normalizePersonName("Budi Santoso, S.E., M.M.")).toBe("BUDI SANTOSO");
    expect(normalizePersonName("Dewi Lestari, S.Kom")).toBe("DEWI LESTARI");
    expect(normalizePersonName("Agus Salim S.H.")).toBe("AGUS SALIM");
    expect(normalizePersonName("Rina Wati S.T. M.T.")).toBe("RINA WATI");
    expect(normalizePersonName("Eko Prasetyo SE")).toBe("EKO PRASETYO");
    expect(normalizePersonName("Andi Wijaya, S.Pd.I")).toBe("ANDI WIJAYA");
    expect(normalizePersonName("dr. Rahmat, Sp.OG")).toBe("RAHMAT");
    expect(normalizePersonName("Yusuf, A.Md.")).toBe("YUSUF");
  });

  it("keeps what is part of the name: an initial, a name after a comma, a lone word", () => {
    expect(normalizePersonName("Budi S.")).toBe("BUDI S");
    expect(normalizePersonName("M. Rizky")).toBe("M RIZKY");
    expect(normalizePersonName("Santoso, Budi")).toBe("SANTOSO BUDI");
    expect(normalizePersonName("Haji")).toBe("HAJI");
    expect(normalizePersonName("Lim Ma")).toBe("LIM MA");
    expect(normalizePersonName("Lim, MA")).toBe("LIM");
    expect(normalizePersonName("Budi M.Ali")).toBe("BUDI M ALI");
    expect(normalizePersonName("Andi A.Rahman")).toBe("ANDI A RAHMAN");
    expect(normalizePersonName("Rudi Hartono, S.Kom., M.Kom.")).toBe("RUDI HARTONO");
  });
});

describe("holderNameMatch", () => {
  it("matches names equal after normalising", () => {
    expect(holderNameMatch("BUDI SANTOSO", "Budi Santoso, S.E.")).toBe("exact");
    expect(holderNameMatch("SITI AMINAH", "Hj. Siti Aminah")).toBe("exact");
    expect(holderNameMatch("NURAINI", "Nur Aini")).toBe("exact");
    expect(holderNameMatch("SUKARNO", "Sukarno")).toBe("exact");
  });

  it("accepts a name the bank cut short, when the first two words are whole", () => {
    expect(holderNameMatch("MUHAMMAD RIZKY", "Muhammad Rizky Pratama")).toBe("truncated");
    expect(holderNameMatch("MUHAMMAD RIZKY PRAT", "Muhammad Rizky Pratama")).toBe("truncated");
    expect(holderNameMatches("MUHAMMAD RIZKY PRAT", "Muhammad Rizky Pratama")).toBe(true);
  });

  it("rejects anything shorter than two whole words, or different", () => {
    expect(holderNameMatch("MUHAMMAD", "Muhammad Rizky Pratama")).toBe("mismatch");
    expect(holderNameMatch("MUHAMMAD RIZ", "Muhammad Rizky Pratama")).toBe("mismatch");
    expect(holderNameMatch("M RIZKY PRATAMA", "Muhammad Rizky Pratama")).toBe("mismatch");
    expect(holderNameMatch("RIZKY PRATAMA", "Muhammad Rizky Pratama")).toBe("mismatch");
    expect(holderNameMatch("MUHAMMAD RIZKY PRATAMA PUTRA", "Muhammad Rizky Pratama")).toBe("mismatch");
    expect(holderNameMatch("PT MAJU JAYA", "Budi Santoso")).toBe("mismatch");
    expect(holderNameMatch("", "Budi Santoso")).toBe("mismatch");
    expect(holderNameMatches("SUKARN", "Sukarno")).toBe(false);
  });
});
