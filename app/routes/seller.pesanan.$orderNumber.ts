import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { routeParams } from "~/infra/http.server";
import { OrderNumberParams } from "~/schemas/params";

// Order notices link the seller to /seller/pesanan/{number}; the seller's order pages live under /seller/orders.
export function loader({ params }: LoaderFunctionArgs) {
  const { orderNumber } = routeParams(params, OrderNumberParams);
  return redirect(`/seller/orders/${orderNumber}`);
}
