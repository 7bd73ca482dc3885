import { findCourierService, type ServiceKind } from "./couriers";
import type { Quote } from "./tariffs";

export interface OfferedQuote extends Quote {
  kind: ServiceKind;
  /** The service's minimum charged weight in kg (cargo: 10), so the page can say why a light parcel pays more. */
  minimumKg: number;
}

/**
 * The quotes worth showing a buyer. Cargo services charge a 10 kg minimum: for a 250 g scarf they cost many
 * times a regular service and would only confuse. A cargo quote is offered when it is no dearer than the
 * cheapest regular or express one (a heavy or bulky parcel), or when nothing else could quote.
 */
export function offeredQuotes(quotes: readonly Quote[]): OfferedQuote[] {
  const described = quotes.map((q) => {
    const service = findCourierService(q.serviceCode);
    return { ...q, kind: service?.kind ?? "regular", minimumKg: (service?.rule.minimumGrams ?? 0) / 1000 } satisfies OfferedQuote;
  });
  const others = described.filter((q) => q.kind !== "cargo");
  if (!others.length) return described;
  const cheapest = Math.min(...others.map((q) => q.priceRupiah));
  return described.filter((q) => q.kind !== "cargo" || q.priceRupiah <= cheapest);
}
