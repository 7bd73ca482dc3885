import type { ComplaintPhotoSize } from "~/infra/uploads/product-photo.server";
import { photosOfComplaint } from "~/models/complaint.server";

/** Where a complaint photo is served; the route (/komplain/foto/:id/:size) checks who may open it. */
export function complaintPhotoUrl(id: string, size: ComplaintPhotoSize) {
  return `/komplain/foto/${id}/${size}`;
}

/** A complaint's photos as links, small and large, for every page that shows the complaint. */
export async function complaintPhotoLinks(complaintId: string) {
  return (await photosOfComplaint(complaintId)).map((p) => ({ id: p.id, small: complaintPhotoUrl(p.id, "small"), large: complaintPhotoUrl(p.id, "large") }));
}
