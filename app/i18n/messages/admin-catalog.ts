// Filled by the feature that owns these screens; Indonesian first, same keys in English.
export const adminCatalogMessages = {
  id: {} as Record<string, string>,
  en: {} as Record<string, string>,
};
