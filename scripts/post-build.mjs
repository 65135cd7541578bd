// trunk post_build hook (see Trunk.toml), run in trunk's staging directory:
// 1. Moves trunk's inline module loader into a hashed file of its own, so the
//    Content-Security-Policy needs no inline script (deploy/nginx/security-headers.conf).
// 2. In release builds, writes a .br and a .gz beside each asset, for nginx's
//    brotli_static and gzip_static (deploy/nginx/portal.conf.template).
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run by trunk only)");
  process.exit(1);
}

const indexPath = join(dir, "index.html");
const html = readFileSync(indexPath, "utf8");
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const match = html.match(inline);
if (!match) {
  console.error("post-build: no inline loader found in index.html; trunk's output changed?");
  process.exit(1);
}
const loader = match[1].trim() + "\n";
const name = `loader-${createHash("sha256").update(loader).digest("hex").slice(0, 16)}.js`;
const integrity = "sha384-" + createHash("sha384").update(loader).digest("base64");
writeFileSync(join(dir, name), loader);
writeFileSync(
  indexPath,
  html.replace(inline, `<script type="module" src="/${name}" integrity="${integrity}"></script>`),
);

if (process.env.TRUNK_PROFILE === "release") {
  for (const file of readdirSync(dir)) {
    if (![".wasm", ".js", ".css", ".html"].includes(extname(file))) continue;
    const raw = readFileSync(join(dir, file));
    writeFileSync(join(dir, file + ".gz"), gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }));
    const brotli = {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    };
    writeFileSync(join(dir, file + ".br"), brotliCompressSync(raw, { params: brotli }));
  }
}
