// A new product is the product form without a product: one loader, one action, one page for both,
// so the two can never drift apart. The route module branches on `params.productId`.
export { action, default, links, loader, meta } from "./seller.products.$productId";
