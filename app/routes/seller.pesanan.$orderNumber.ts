import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

// Order notices link the seller to /seller/pesanan/{number}; the seller's order pages live under /seller/orders.
export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/seller/orders/${encodeURIComponent(params.orderNumber ?? "")}`);
}
