// Shops arrive with the onboarding feature; until then nobody owns one.
export async function findShopStatusOfOwner(_userId: string): Promise<string | null> {
  return null;
}
