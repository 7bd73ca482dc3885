import { complaintPhotoLinks } from "~/domain/orders/complaints";
import { photosOfComplaint } from "~/models/complaint.server";

/** A complaint's photos as links, small and large, for every page that shows the complaint. */
export async function photoLinksOfComplaint(complaintId: string) {
  return (await photosOfComplaint(complaintId)).map((p) => complaintPhotoLinks(p.id));
}
