// The `chrome` global of extension contexts, as the e2e tests use it inside page.evaluate / worker.evaluate.
// Only the calls the tests make are typed.
declare const chrome: {
  runtime: { getManifest(): { manifest_version: number; name: string; permissions?: string[] } };
  storage: {
    local: { get(keys: string | string[] | null): Promise<Record<string, unknown>> };
    session: { get(keys: string | string[] | null): Promise<Record<string, unknown>> };
  };
  action: { getBadgeText(details: { tabId?: number }): Promise<string> };
  tabs: { query(q: Record<string, unknown>): Promise<{ id?: number; url?: string }[]> };
};
