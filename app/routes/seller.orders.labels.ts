import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireShopOwner } from "~/infra/auth.server";
import { orHttpError } from "~/infra/http.server";
import { DocumentQuerySchema } from "~/schemas/seller-orders";
import { shippingLabelsPdf } from "~/services/seller-orders.server";
import { pdfResponse } from "~/infra/pdf/labels.server";

// GET /seller/orders/labels?order=LPK-…&order=…&layout=a6|a4 → shipping labels as PDF (own shop's orders only).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  const url = new URL(request.url);
  const parsed = DocumentQuerySchema.safeParse({ order: url.searchParams.getAll("order"), layout: url.searchParams.get("layout") ?? undefined });
  if (!parsed.success) throw new Response("seller.orders.noneSelected", { status: 400 });
  const pdf = await orHttpError(() => shippingLabelsPdf(user.id, parsed.data.order, parsed.data.layout));
  return pdfResponse(pdf, `label-${parsed.data.layout}-${parsed.data.order.length === 1 ? parsed.data.order[0] : `${parsed.data.order.length}-pesanan`}.pdf`);
}
