import { data } from "@remix-run/node";

/** The largest form body the service accepts: generous for three 1,000-character priorities. */
export const MAX_FORM_BYTES = 100 * 1024;
/**
 * An over-limit body up to this size is read and thrown away before answering 413, so the browser
 * sees our explanation rather than a reset connection; anything larger is simply cut off.
 */
const DRAIN_LIMIT_BYTES = 5 * 1024 * 1024;

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

async function refuseTooLarge(reader: ReadableStreamDefaultReader<Uint8Array> | undefined, alreadyRead: number): Promise<never> {
  let total = alreadyRead;
  while (reader && total <= DRAIN_LIMIT_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
  }
  await reader?.cancel();
  throw data({ problem: "too-large" as const }, { status: 413 });
}

/**
 * Reads a submitted form without trusting the client: refuses bodies over the limit (declared or
 * streamed), bodies that are not forms, and forms that cannot be parsed, each with a 4xx that the
 * route's error boundary turns into an NHS-styled page.
 */
export async function readFormData(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormData> {
  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  if (declaredLength > maxBytes) {
    return refuseTooLarge(declaredLength <= DRAIN_LIMIT_BYTES ? request.body?.getReader() : undefined, 0);
  }

  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  if (!FORM_TYPES.some((type) => contentType.startsWith(type))) {
    throw data({ problem: "unsupported-type" as const }, { status: 415 });
  }

  const body = await readLimitedBody(request, maxBytes);
  try {
    return await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    throw data({ problem: "malformed" as const }, { status: 400 });
  }
}

async function readLimitedBody(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) return refuseTooLarge(reader, total);
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Form fields as plain values: one string per field, or every value for the named list fields. */
export function formValues(formData: FormData, listFields: readonly string[] = []): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((value): value is string => typeof value === "string");
    values[key] = listFields.includes(key) ? all : (all[0] ?? "");
  }
  return values;
}

/** Answers 404 with the service's "page not found" page. */
export function notFound(): never {
  throw data({ problem: "not-found" as const }, { status: 404 });
}

/** A route's numeric id (`/staff/responses/:id`); anything that is not one is a page that does not exist. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}
