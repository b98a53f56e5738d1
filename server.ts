import type { ServerBuild } from '@remix-run/cloudflare';
// @ts-ignore: the server build exists only after `remix vite:build` (npm start and CI build first).
import * as build from './build/server';
import { workerFor } from './app/http/worker.server';

// Through unknown: a resource route (no default export) makes the built module look unlike ServerBuild.
export default workerFor(build as unknown as ServerBuild);
