/**
 * A small HTTP client that behaves like a browser without JavaScript: it keeps cookies, sends
 * same-origin form posts and follows redirects with GET.
 */
export interface Page {
  status: number;
  url: string;
  html: string;
  headers: Headers;
}

export class BrowserClient {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    /** Sent with every request, e.g. X-Forwarded-For to stand for a client behind a trusted proxy. */
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  cookieNames(): string[] {
    return [...this.cookies.keys()];
  }

  /** Copies cookies from another client: two tabs of the same browser. */
  shareCookiesWith(other: BrowserClient): void {
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
  }

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(";");
      const index = pair!.indexOf("=");
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}, follow = true): Promise<Page> {
    let url = new URL(path, this.baseUrl).href;
    let response = await fetch(url, { ...init, redirect: "manual", headers: { ...this.extraHeaders, ...(init.headers as Record<string, string>), cookie: this.cookieHeader() } });
    this.remember(response);
    let redirects = 0;
    while (follow && response.status >= 300 && response.status < 400 && response.headers.get("location")) {
      if (++redirects > 10) throw new Error("too many redirects");
      url = new URL(response.headers.get("location")!, url).href;
      await response.arrayBuffer();
      response = await fetch(url, { redirect: "manual", headers: { ...this.extraHeaders, cookie: this.cookieHeader() } });
      this.remember(response);
    }
    // React separates adjacent text nodes with empty comments; tests read the text as a person would.
    return { status: response.status, url, html: (await response.text()).replaceAll("<!-- -->", ""), headers: response.headers };
  }

  get(path: string): Promise<Page> {
    return this.request(path);
  }

  /** Posts a form the way a browser does from one of the service's own pages. */
  post(path: string, fields: Record<string, string | string[]>, { follow = true } = {}): Promise<Page> {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
    }
    return this.request(
      path,
      {
        method: "POST",
        body,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: new URL(this.baseUrl).origin,
          "sec-fetch-site": "same-origin",
        },
      },
      follow,
    );
  }
}

/** The value of a hidden input, as a browser would submit it. */
export function hiddenValue(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match) throw new Error(`no hidden field ${name}`);
  return match[1]!.replaceAll("&amp;", "&");
}

export function titleOf(html: string): string {
  return /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "";
}

export function errorSummaryOf(html: string): string[] {
  const summary = /nhsuk-error-summary__list">(.*?)<\/ul>/s.exec(html)?.[1] ?? "";
  return [...summary.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map((m) => `${m[1]}: ${m[2]}`);
}
