import type { LinksFunction } from '@remix-run/cloudflare';
import href from './applications.css?url';

/** The applications' stylesheet: every route that shows them re-exports this as its `links`. */
export const links: LinksFunction = () => [{ rel: 'stylesheet', href }];
