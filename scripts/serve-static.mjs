// A tiny static file server for tests and for checking a release build by hand:
//   node scripts/serve-static.mjs [dir=dist] [port=8090] [--csp] [--compress]
// With --csp (or `csp: true`) every response carries the strict policy a careful host sends.
// With --compress (or `compress: true`, used by `make bench`) it compresses as a host or CDN
// does: brotli (quality 11) when the request's Accept-Encoding allows it, else gzip (level 9),
// for text, JSON, SVG, WebAssembly and the compiled `.bundle`; each file is compressed once and
// kept (until its mtime or size changes). Without it, responses are sent as the files are.
import { createServer } from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  // A compiled commentary (postcard bytes); hosts that compress by type should include it.
  '.bundle': 'application/octet-stream',
  '.md': 'text/markdown; charset=utf-8',
  '.toml': 'application/toml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

// What a host that compresses sends compressed: text types, JSON, SVG, TOML, WebAssembly, and
// the bundle (by extension: other application/octet-stream files are left alone).
const COMPRESSIBLE = (ext) => {
  const type = TYPES[ext] ?? '';
  return type.startsWith('text/') || ext === '.bundle'
    || ['application/json', 'application/wasm', 'application/toml', 'image/svg+xml'].includes(type.split(';')[0]);
};

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
// The same settings as the size reports (bench/run.mjs, scripts/size-check.mjs): brotli 11, gzip 9.
const BROTLI = { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } };
const GZIP = { level: 9 };

/** The encoding to send for an Accept-Encoding header: 'br', 'gzip' or null (as is). */
export function chooseEncoding(header = '') {
  const q = new Map();
  for (const part of String(header).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const weight = params.map((p) => p.trim().match(/^q=([0-9.]+)$/)).find(Boolean);
    q.set(name.trim(), weight ? Number(weight[1]) : 1);
  }
  const allows = (coding) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
  if (allows('br')) return 'br';
  if (allows('gzip')) return 'gzip';
  return null;
}

/**
 * Starts a server on 127.0.0.1; resolves to { url, close, requests, sent, precompress }.
 * `requests` lists the paths asked for; `sent` one entry per response:
 * { path, status, encoding, bytes } (bytes: the body as sent, compressed or not).
 */
export function startServer({ root = 'dist', port = 0, csp = false, compress = false } = {}) {
  const base = resolve(root);
  const requests = [];
  const sent = [];
  const cache = new Map();  // file → Promise<{ mtimeMs, size, br, gzip }>
  const compressed = async (file, info, body) => {
    const hit = cache.get(file);
    if (hit) {
      const c = await hit;
      if (c.mtimeMs === info.mtimeMs && c.size === info.size) return c;
    }
    const made = (async () => {
      const data = body ?? await readFile(file);
      const [br, gz] = await Promise.all([brotli(data, BROTLI), gzipped(data, GZIP)]);
      return { mtimeMs: info.mtimeMs, size: info.size, br, gzip: gz };
    })();
    cache.set(file, made);
    made.catch(() => cache.delete(file));
    return made;
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      res.writeHead(403).end('forbidden');
      sent.push({ path, status: 403, encoding: null, bytes: 0 });
      return;
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const ext = extname(file);
      const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (csp) headers['content-security-policy'] = STRICT_CSP;
      let body;
      let encoding = null;
      if (compress && COMPRESSIBLE(ext)) {
        headers.vary = 'Accept-Encoding';
        encoding = chooseEncoding(req.headers['accept-encoding']);
        if (encoding) {
          const c = await compressed(file, info);
          body = encoding === 'br' ? c.br : c.gzip;
          headers['content-encoding'] = encoding;
        }
      }
      body ??= await readFile(file);
      if (compress) headers['content-length'] = body.length;
      res.writeHead(200, headers).end(body);
      sent.push({ path, status: 200, encoding, bytes: body.length });
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      sent.push({ path, status: 404, encoding: null, bytes: 0 });
    }
  });
  /** Compresses every compressible file under the root now, so no response waits for it. */
  const precompress = async (dir = base) => {
    if (!compress) return;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) await precompress(file);
      else if (entry.isFile() && COMPRESSIBLE(extname(file))) await compressed(file, await stat(file));
    }
  };
  return new Promise((ok) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      ok({ url: `http://127.0.0.1:${actual}/`, requests, sent, precompress, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const csp = args.includes('--csp');
  const compress = args.includes('--compress');
  const [root = 'dist', port = '8090'] = args.filter((a) => !a.startsWith('--'));
  const server = await startServer({ root, port: Number(port), csp, compress });
  await server.precompress();
  console.log(`serving ${root} at ${server.url}${csp ? ' with a strict CSP' : ''}${compress ? ', compressed (brotli, else gzip)' : ''}`);
}
