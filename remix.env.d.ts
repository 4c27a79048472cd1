/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

// Single fetch types for useLoaderData<typeof loader>() and data().
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
export {};
