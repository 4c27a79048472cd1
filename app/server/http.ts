import { randomBytes } from "node:crypto";

import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type RequestHandler } from "express";

import { isCrossSiteRequest } from "~/modules/security/cross-site";
import { securityHeaders } from "~/modules/security/headers";

import type { AppServices } from "./context";
import { createRemixHandler } from "./remix-handler";

export interface HttpAppOptions {
  services: AppServices;
  build: ServerBuild;
  /** Folder holding public/ (static files and the browser build). */
  publicDir: string;
}

export function createHttpApp({ services, build, publicDir }: HttpAppOptions): express.Express {
  const { config, logger } = services;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.env.TRUST_PROXY);

  app.use(withSecurityHeaders);
  app.use(logRequests(services));
  app.use(refuseCrossSitePosts(services));
  // Redirects and small form responses gain nothing from compression; pages and assets do.
  const compress = compression();
  app.use((req, res, next) => (req.method === "GET" || req.method === "HEAD" ? compress(req, res, next) : next()));

  app.use("/build", express.static(`${publicDir}/build`, { immutable: true, maxAge: "1y", index: false }));
  app.use(express.static(publicDir, { maxAge: "1h", index: false }));

  app.all(
    "*",
    createRemixHandler({
      build,
      getLoadContext: (req, res) => {
        const context: AppLoadContext = {
          ...services,
          cspNonce: String(res.locals.cspNonce),
          clientAddress: req.ip ?? "unknown",
        };
        return context;
      },
    }),
  );

  app.use(((error, _req, res, _next) => {
    logger.error("http.unhandled_error", { name: error instanceof Error ? error.name : "unknown" });
    if (!res.headersSent) res.status(500).type("text/plain").send("Sorry, there is a problem with the service.");
  }) satisfies express.ErrorRequestHandler);

  return app;
}

const withSecurityHeaders: RequestHandler = (req, res, next) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  res.set(securityHeaders({ nonce, https: req.secure }));
  next();
};

function logRequests({ logger }: AppServices): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      logger.info("http.request", {
        method: req.method,
        // The path only: query strings can carry search terms typed by staff.
        path: req.path,
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      });
    });
    next();
  };
}

function refuseCrossSitePosts({ logger }: AppServices): RequestHandler {
  return (req, res, next) => {
    const crossSite = isCrossSiteRequest({
      method: req.method,
      expectedOrigin: `${req.protocol}://${req.get("host") ?? ""}`,
      originHeader: req.get("origin"),
      secFetchSiteHeader: req.get("sec-fetch-site"),
    });
    if (!crossSite) return next();
    logger.warn("http.cross_site_refused", { method: req.method, path: req.path });
    res
      .status(403)
      .type("html")
      .send(
        '<!doctype html><html lang="en"><head><title>Forbidden – Improving Cancer Care Together – NHS</title></head>' +
          "<body><h1>Sorry, this request was refused</h1><p>Forms on this service can only be sent from this service's own pages. " +
          '<a href="/">Go to the start page</a>.</p></body></html>',
      );
  };
}
