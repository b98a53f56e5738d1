import { createContext, useContext } from 'react';

const NonceContext = createContext<string | undefined>(undefined);

/** Makes the request's CSP nonce available to <Scripts> and friends in the root. */
export const NonceProvider = NonceContext.Provider;

/** The current request's CSP nonce (undefined in the browser after hydration, which is fine). */
export const useNonce = () => useContext(NonceContext);
