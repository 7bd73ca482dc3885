import { describe, expect, it } from "vitest";
import { AdminComplaintSchema } from "./after-sales";
import { parseProgramForm } from "./dropship";

const ID = "7d0b6f5e-2f0a-4c1e-9c7e-2b1a3c4d5e6f";

function programForm(price: string, min = "") {
  const form = new FormData();
  form.append("product", ID);
  form.append(`open.${ID}`, "1");
  form.append(`price.${ID}`, price);
  form.append(`min.${ID}`, min);
  return form;
}

describe("rupiah typed the Indonesian way", () => {
  it("the supplier's dropship price '80.000' is eighty thousand rupiah, not eighty", () => {
    expect(parseProgramForm(programForm("80.000", "Rp 95.000")).offers).toEqual([{ productId: ID, dropshipPrice: 80_000, minSellingPrice: 95_000 }]);
    expect(parseProgramForm(programForm("80000")).offers[0].dropshipPrice).toBe(80_000);
    for (const bad of ["", "0", "80,5", "abc", "-1"]) expect(parseProgramForm(programForm(bad)).issues, bad).toEqual([ID]);
  });

  it("the admin's partial refund '50.000' is fifty thousand rupiah", () => {
    expect(AdminComplaintSchema.parse({ intent: "decide_partial", amount: "50.000" })).toMatchObject({ amount: 50_000 });
    for (const amount of ["", "0", "12,5", undefined]) {
      const result = AdminComplaintSchema.safeParse({ intent: "decide_partial", amount });
      expect(result.success, String(amount)).toBe(false);
      expect(result.error!.issues.map((i) => i.message)).toEqual(["complaint.amountInvalid"]);
    }
  });
});
