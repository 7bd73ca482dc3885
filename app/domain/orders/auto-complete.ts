/**
 * When an order completes by itself: N days after the tracker said delivered, or M days after shipping when no
 * delivery was ever reported, unless a complaint is open (it stops the clock). Pure; the job asks the database
 * for candidates with the two cut-offs and checks each under the order's lock.
 */
const DAY_MS = 86_400_000;

export interface AutoCompleteSettings {
  daysAfterDelivery: number;
  daysAfterShipping: number;
}

export function autoCompleteCutoffs(now: Date, s: AutoCompleteSettings) {
  return { deliveredBefore: new Date(now.getTime() - s.daysAfterDelivery * DAY_MS), shippedBefore: new Date(now.getTime() - s.daysAfterShipping * DAY_MS) };
}

/** When the order completes by itself, or null when it does not (not shipped, complaint open, already done). */
export function autoCompleteAt(
  order: { status: string; shippedAt: Date | null; deliveredAt: Date | null; complaintOpen?: boolean },
  s: AutoCompleteSettings,
): Date | null {
  if (order.complaintOpen) return null;
  if (order.status === "delivered" && order.deliveredAt) return new Date(order.deliveredAt.getTime() + s.daysAfterDelivery * DAY_MS);
  if (order.status === "delivered" && order.shippedAt) return new Date(order.shippedAt.getTime() + s.daysAfterShipping * DAY_MS);
  if (order.status === "shipped" && order.shippedAt) return new Date(order.shippedAt.getTime() + s.daysAfterShipping * DAY_MS);
  return null;
}

export function isAutoCompleteDue(order: Parameters<typeof autoCompleteAt>[0], s: AutoCompleteSettings, now: Date): boolean {
  const at = autoCompleteAt(order, s);
  return at !== null && at.getTime() <= now.getTime();
}
