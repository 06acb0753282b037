// Which file a GET may read. Pure (the path API is a parameter), so hostile inputs are unit-tested: a request
// can only ever name a file inside the built renderer folder, with a type Vite emits.
import nodePath from 'node:path';
import { decodePath, refusedFile, rendererFileFor, type RendererFile, type RendererPathApi } from '../app/renderer-files.js';

export type PathApi = RendererPathApi;

export type StaticRequest = RendererFile;

const MAX_PATH_LENGTH = 1024;

/** `requestTarget` is the raw request-target of the HTTP request line (`req.url`), query included. */
export function resolveStaticRequest(rootDir: string, requestTarget: string, pathApi: PathApi = nodePath): StaticRequest {
  // Origin-form only: an absolute-form target (`GET http://x/ HTTP/1.1`) or `*` is not a file request.
  if (!requestTarget.startsWith('/') || requestTarget.length > MAX_PATH_LENGTH) return refusedFile(400, 'not an origin-form path');
  const decoded = decodePath(requestTarget.split(/[?#]/, 1)[0] ?? '');
  if (decoded === undefined) return refusedFile(400, 'malformed percent-encoding');
  return rendererFileFor(rootDir, decoded, pathApi);
}
