// Serves the release build (dist/) the way production does: static files with the
// right types, index.html for every route (deep links), and /api forwarded to the API.
// Usage: node serve-dist.mjs DIST PORT API_HOST:API_PORT
import { createServer, request } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const [dist, port, api] = process.argv.slice(2);
const [apiHost, apiPort] = api.split(":");
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".json": "application/json",
};

function proxy(req, res) {
  const upstream = request(
    { host: apiHost, port: apiPort, path: req.url, method: req.method, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on("error", () => {
    res.writeHead(502, { "content-type": "text/plain" });
    res.end("API unreachable");
  });
  req.pipe(upstream);
}

async function serveFile(req, res) {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
  const hasExt = extname(path) !== "";
  const file = hasExt ? join(dist, path) : join(dist, "index.html");
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  }
}

createServer((req, res) => {
  if (req.url.startsWith("/api/")) proxy(req, res);
  else serveFile(req, res);
}).listen(Number(port), "127.0.0.1", () => console.log(`serving ${dist} on http://127.0.0.1:${port}`));
