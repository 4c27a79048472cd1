import { createContext, useContext } from "react";

/** The per-request CSP nonce, for Remix's inline scripts. Empty in the browser, which hides it anyway. */
export const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
