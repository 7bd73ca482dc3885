// What a shipping label and a packing slip show. The sender is whatever the label must say (the shop today; a
// dropshipper later, with showPrices=false on the slip).

export interface DocumentParty {
  name: string;
  phone: string;
  city: string;
}

export interface DocumentRecipient {
  name: string;
  phone: string;
  street: string;
  district: string;
  city: string;
  province: string;
  postalCode: string;
}

export interface ShippingLabel {
  orderNumber: string;
  courierName: string;
  serviceName: string;
  weightGrams: number;
  sender: DocumentParty;
  recipient: DocumentRecipient;
  note?: string;
  /** Lapak has no cash on delivery: buyers pay the marketplace first. */
  codAmount?: never;
}

export interface PackingSlip {
  orderNumber: string;
  sender: DocumentParty;
  recipient: DocumentRecipient;
  items: { title: string; variant?: string; quantity: number; unitPrice?: number }[];
  showPrices: boolean;
  note?: string;
}

/** A4 holds four A6 labels (2 × 2): A6 is exactly a quarter of A4. */
export const LABELS_PER_A4 = 4;
