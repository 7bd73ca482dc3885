import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireShopOwner } from "~/infra/auth.server";
import { z } from "zod";
import { orHttpError, queryParams } from "~/infra/http.server";
import { pdfResponse } from "~/infra/pdf/labels.server";
import { DocumentOrdersSchema } from "~/schemas/seller-orders";
import { packingSlipsPdf } from "~/services/seller-orders.server";

const QuerySchema = z.object({
  order: z.array(z.string()).pipe(DocumentOrdersSchema),
});

// GET /seller/orders/slips?order=LPK-…&order=… → packing slips as PDF (own shop's orders only).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  const { order } = queryParams(request, QuerySchema, { many: ["order"] });
  const pdf = await orHttpError(() => packingSlipsPdf(user.id, order));
  return pdfResponse(pdf, `daftar-isi-${order.length === 1 ? order[0] : `${order.length}-pesanan`}.pdf`);
}
