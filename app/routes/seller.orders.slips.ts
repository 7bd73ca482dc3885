import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireShopOwner } from "~/infra/auth.server";
import { orHttpError } from "~/infra/http.server";
import { pdfResponse } from "~/infra/pdf/labels.server";
import { DocumentQuerySchema } from "~/schemas/seller-orders";
import { packingSlipsPdf } from "~/services/seller-orders.server";

// GET /seller/orders/slips?order=LPK-…&order=… → packing slips as PDF (own shop's orders only).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  const url = new URL(request.url);
  const parsed = DocumentQuerySchema.safeParse({ order: url.searchParams.getAll("order") });
  if (!parsed.success) throw new Response("seller.orders.noneSelected", { status: 400 });
  const pdf = await orHttpError(() => packingSlipsPdf(user.id, parsed.data.order));
  return pdfResponse(pdf, `daftar-isi-${parsed.data.order.length === 1 ? parsed.data.order[0] : `${parsed.data.order.length}-pesanan`}.pdf`);
}
