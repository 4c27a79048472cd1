const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface CrossSiteCheck {
  method: string;
  /** The origin this request was addressed to, e.g. https://example.nhs.uk */
  expectedOrigin: string;
  originHeader: string | undefined;
  secFetchSiteHeader: string | undefined;
}

/**
 * Refuses state-changing requests that a browser made on behalf of another site. Browsers send
 * Sec-Fetch-Site or Origin with every POST; requests with neither come from non-browser clients,
 * which cannot carry a visitor's cookies, so they are allowed.
 */
export function isCrossSiteRequest({ method, expectedOrigin, originHeader, secFetchSiteHeader }: CrossSiteCheck): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (secFetchSiteHeader) return secFetchSiteHeader !== "same-origin" && secFetchSiteHeader !== "none";
  if (originHeader) return originHeader === "null" || originHeader !== expectedOrigin;
  return false;
}
