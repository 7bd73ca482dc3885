import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireShopOwner } from "~/infra/auth.server";
import { z } from "zod";
import { orHttpError, queryParams } from "~/infra/http.server";
import { DocumentOrdersSchema } from "~/schemas/seller-orders";
import { shippingLabelsPdf } from "~/services/seller-orders.server";
import { pdfResponse } from "~/infra/pdf/labels.server";

const QuerySchema = z.object({
  order: z.array(z.string()).pipe(DocumentOrdersSchema),
  layout: z.enum(["a6", "a4"]).default("a6"),
});

// GET /seller/orders/labels?order=LPK-…&order=…&layout=a6|a4 → shipping labels as PDF (own shop's orders only).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  const { order, layout } = queryParams(request, QuerySchema, { many: ["order"] });
  const pdf = await orHttpError(() => shippingLabelsPdf(user.id, order, layout));
  return pdfResponse(pdf, `label-${layout}-${order.length === 1 ? order[0] : `${order.length}-pesanan`}.pdf`);
}
