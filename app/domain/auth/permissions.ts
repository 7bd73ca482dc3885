// Permissions as strings "action:entity:access" (as in the Epic Stack). Roles are derived:
// everyone can buy, owning a shop makes a seller, and admins are flagged by hand.
export type Role = "buyer" | "seller" | "admin";

export type Permission =
  | "read:outbox:any"
  | "review:kyc:any"
  | "read:kyc-document:any"
  | "update:shop:own"
  | "read:kyc-document:own"
  | "create:product:own"
  | "update:product:own"
  | "manage:category:any"
  | "moderate:product:any"
  | "read:complaint-photo:any";

export interface Principal {
  isAdmin: boolean;
  shopStatus: string | null; // null: no shop yet
}

export function rolesOf(p: Principal): Role[] {
  const roles: Role[] = ["buyer"];
  if (p.shopStatus) roles.push("seller");
  if (p.isAdmin) roles.push("admin");
  return roles;
}

export function permissionsOf(p: Principal): Set<Permission> {
  const perms = new Set<Permission>(["update:shop:own", "read:kyc-document:own"]);
  if (p.shopStatus === "approved") {
    perms.add("create:product:own");
    perms.add("update:product:own");
  }
  if (p.isAdmin) {
    for (const perm of ["read:outbox:any", "review:kyc:any", "read:kyc-document:any", "manage:category:any", "moderate:product:any", "read:complaint-photo:any"] as const) perms.add(perm);
  }
  return perms;
}
