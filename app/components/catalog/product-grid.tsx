import { ProductCard, type ProductCardData } from "./product-card";

/** Two columns on a phone, more on wider screens; a list, so screen readers announce the count. */
export function ProductGrid({ products, label }: { products: (ProductCardData & { id: string })[]; label?: string }) {
  return (
    <ul className="product-grid" aria-label={label}>
      {products.map((p) => (
        <li key={p.id}>
          <ProductCard product={p} />
        </li>
      ))}
    </ul>
  );
}
