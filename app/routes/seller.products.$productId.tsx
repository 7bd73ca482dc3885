import type { ActionFunctionArgs, LoaderFunctionArgs, MetaArgs, LinksFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/components/meta";
import { ProductForm } from "~/components/products/product-form";
import { DomainError } from "~/domain/errors";
import { requireShopOwner } from "~/infra/auth.server";
import { redirectWithFlash } from "~/infra/flash.server";
import { formError, parseForm } from "~/infra/forms.server";
import { notFound, orHttpError, statusOf } from "~/infra/http.server";
import { localeOf } from "~/infra/locale.server";
import { ProductFormSchema } from "~/schemas/product";
import { saveProduct } from "~/services/catalog.server";
import { isProductId, productEditorData } from "~/services/product-editor.server";
import sellerProductStyles from "~/styles/seller-products.css";

// The product form, for a new product (seller.products.new.tsx re-exports this module) and for editing one.

export const links: LinksFunction = () => [{ rel: "stylesheet", href: sellerProductStyles }];

export const meta = (args: MetaArgs) => titleMeta(args.params.productId ? "sellerProducts.edit.title" : "sellerProducts.new.title")(args);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireShopOwner(request);
  return orHttpError(async () => productEditorData(user, params.productId, await localeOf(request)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireShopOwner(request);
  if (params.productId !== undefined && !isProductId(params.productId)) notFound();
  const parsed = await parseForm(request, ProductFormSchema);
  if (!parsed.ok) return parsed.response;
  let saved: Awaited<ReturnType<typeof saveProduct>>;
  try {
    saved = await saveProduct(user, parsed.data, params.productId);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "not_found") notFound();
    return formError(error.messageKey, statusOf(error), error.messageKey === "product.categoryLeaf" ? "categoryId" : "_form", parsed.values);
  }
  const { product, publishError } = saved;
  const key = publishError
    ? `sellerProducts.saved.notPublished.${publishError}`
    : product.status === "active"
      ? "sellerProducts.saved.active"
      : product.status === "draft"
        ? "sellerProducts.saved.draft"
        : "sellerProducts.saved.other";
  return redirectWithFlash(request, `/seller/products/${product.id}`, { kind: publishError ? "error" : "success", key });
}

export default function ProductFormPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // A fresh form after each save, so what is shown is what was stored.
  return <ProductForm key={data.product ? `${data.product.id}@${data.product.version}` : "new"} data={data} actionData={actionData} />;
}
