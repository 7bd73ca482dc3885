import { data } from "@remix-run/node";
import { z } from "zod";
import { uuidParam } from "~/schemas/params";
import { requirePermission, type CurrentUser } from "./auth.server";
import { NO_STORE, orHttpError, routeParams } from "./http.server";

/**
 * The KYC review pages (a shop's verification, a payout account change): the reviewer (review:kyc:any, else 403)
 * and the id of the record under review from the path (not a uuid: 404).
 */
export async function requireReviewOf(request: Request, params: Record<string, string | undefined>, key: string): Promise<{ admin: CurrentUser; id: string }> {
  const admin = await requirePermission(request, "review:kyc:any");
  const { id } = routeParams({ id: params[key] }, z.object({ id: uuidParam }));
  return { admin, id };
}

/** A review page's loader answer: domain errors as HTTP errors, and never stored (full NIK and account numbers). */
export async function reviewPageData<T>(load: () => Promise<T>) {
  return data(await orHttpError(load), { headers: NO_STORE });
}
