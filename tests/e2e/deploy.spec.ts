// The production serving of deploy/nginx, as a browser meets it: security headers,
// caching, types, compression, deep links and the API behind the same origin.
import { test as plainTest } from "@playwright/test";
import { test, expect, signIn, expectAccessible } from "./support/fixtures";

const securityHeaders = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

test("index.html carries a strict policy and is never cached", async ({ request }) => {
  for (const path of ["/", "/index.html", "/plan", "/requests/12?tab=x"]) {
    const answer = await request.get(path);
    expect(answer.status(), path).toBe(200);
    const headers = answer.headers();
    expect(headers["content-type"]).toContain("text/html");
    expect(headers["cache-control"]).toContain("no-cache");
    const csp = headers["content-security-policy"];
    const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(headers["strict-transport-security"]).toMatch(/max-age=\d{8}/);
    expect(headers["permissions-policy"]).toContain("camera=()");
    for (const [name, value] of Object.entries(securityHeaders)) expect(headers[name], name).toBe(value);
    const html = await answer.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  }
});

test("hashed assets are immutable, typed and compressed", async ({ request }) => {
  const html = await (await request.get("/")).text();
  const assets = [...html.matchAll(/(?:href|src)="(\/[^"]+-[0-9a-f]{16}(?:_bg)?\.(?:js|wasm|css))"/g)].map((m) => m[1]);
  expect(assets.some((a) => a.endsWith(".wasm"))).toBe(true);
  expect(assets.some((a) => a.endsWith(".css"))).toBe(true);
  const types = { wasm: "application/wasm", js: "javascript", css: "text/css" } as const;
  // The precompressed files: brotli for browsers that take it, gzip for the others.
  for (const [accepted, encoding] of [["br, gzip", "br"], ["gzip", "gzip"]]) {
    for (const asset of assets) {
      const answer = await request.get(asset, { headers: { "accept-encoding": accepted } });
      expect(answer.status(), asset).toBe(200);
      const headers = answer.headers();
      expect(headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      const ext = asset.split(".").pop() as keyof typeof types;
      expect(headers["content-type"]).toContain(types[ext]);
      expect(headers["content-encoding"], `${asset} for ${accepted}`).toBe(encoding);
      expect(headers["vary"], asset).toContain("Accept-Encoding");
      expect(headers["x-content-type-options"]).toBe("nosniff");
    }
  }
});

test("the API answers through the same origin", async ({ request }) => {
  const answer = await request.get("/api/v1/openapi.json");
  expect(answer.status()).toBe(200);
  expect((await answer.json()).info.title).toBe("Support API");
  const anonymous = await request.get("/api/v1/plan");
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["content-type"]).toContain("application/problem+json");
});

test("smoke: sign in, open every page of the navigation, reload a deep link", async ({ page }) => {
  // Every page with an axe scan each: several times one page's work.
  test.slow();
  await page.goto("/");
  await signIn(page, "admin@strojirny-hradec.demo");
  const nav = page.getByRole("navigation").first();
  await expect(nav.getByRole("link").first()).toBeVisible();
  const links = await nav.getByRole("link").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  expect(links.length).toBeGreaterThan(0);
  for (const href of links) {
    await page.goto(href);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText("Strojírny Hradec");
    await expectAccessible(page);
  }
  const last = links[links.length - 1];
  await page.reload();
  await expect(page).toHaveURL(new RegExp(`${last.replace(/[?]/g, "\\?")}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

// The policy as the browser enforces it. These provoke violations on purpose, so they use
// Playwright's plain test, without the fixture that fails on any CSP message.
plainTest.describe("the browser enforces the policy", () => {
  plainTest.use({ baseURL: process.env.PORTAL_URL });

  plainTest("an injected inline script does not run", async ({ page }) => {
    const response = await page.goto("/");
    const headers = (await response?.allHeaders()) ?? {};
    expect(headers["content-security-policy"]).toContain("script-src 'self' 'wasm-unsafe-eval'");
    await expect(page.getByLabel("E-mail")).toBeVisible();
    const violated = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener("securitypolicyviolation", (e) => resolve(e.effectiveDirective), { once: true });
          const script = document.createElement("script");
          script.textContent = "window.injected = true";
          document.body.append(script);
        }),
    );
    expect(violated).toBe("script-src-elem");
    expect(await page.evaluate(() => "injected" in window)).toBe(false);
  });

  plainTest("another site cannot frame the portal", async ({ page }) => {
    const refused = new Promise<string>((resolve) =>
      page.on("console", (m) => m.text().includes("frame-ancestors") && resolve(m.text())),
    );
    await page.setContent(`<iframe src="${process.env.PORTAL_URL}/sign-in"></iframe>`);
    expect(await refused).toContain("frame-ancestors 'none'");
    const frame = page.frames().find((f) => f !== page.mainFrame());
    await expect.poll(async () => (await frame?.$("input")) ?? null).toBeNull();
  });
});
