// A tiny static server for the built H5 app (dist/h5), used by the browser tests and the bench.
import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize } from 'node:path'
import { gzipSync } from 'node:zlib'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
}

/** Serves `root`; with `gzip`, compressible files go out gzipped, as a production server would. */
export function serve(root, port = 0, { gzip = false } = {}) {
  const gzipped = new Map()
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost')
      let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '')
      let file = join(root, path)
      const s = await stat(file).catch(() => undefined)
      if (!s || s.isDirectory()) file = join(root, 'index.html')
      const body = await readFile(file)
      const type = TYPES[extname(file)] ?? 'application/octet-stream'
      if (gzip && /text|javascript|json|svg/.test(type) && /gzip/.test(req.headers['accept-encoding'] ?? '')) {
        if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 9 }))
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', 'cache-control': 'max-age=31536000' })
        res.end(gzipped.get(file))
        return
      }
      res.writeHead(200, { 'content-type': type })
      res.end(body)
    } catch {
      res.writeHead(404).end('not found')
    }
  })
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address()
      resolve({ url: `http://127.0.0.1:${actual}`, close: () => new Promise((r) => server.close(r)) })
    })
  })
}
