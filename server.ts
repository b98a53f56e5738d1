import type { ServerBuild } from '@remix-run/cloudflare';
// @ts-ignore: the server build exists only after `remix vite:build` (npm start and CI build first).
import * as build from './build/server';
import { workerFor } from './app/http/worker.server';

export default workerFor(build as ServerBuild);
