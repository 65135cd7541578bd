// Starts MailDev, a freshly seeded reference API sending to it, and real nginx with the repo's production
// configuration (deploy/nginx) serving the release build, on free ports, for the whole
// browser suite (support/servers.mjs, shared with `make lighthouse`). Tests read the
// addresses from the environment. PORTAL_DIST serves another build than dist/.
import { serverBin, startPortal } from "./servers.mjs";

export { serverBin };

export default async function globalSetup() {
  // The benchmarks' configuration asks for the scale customer as well.
  const portal = await startPortal({ scale: !!process.env.PORTAL_SEED_SCALE, dist: process.env.PORTAL_DIST || undefined });
  process.env.PORTAL_URL = portal.url;
  process.env.PORTAL_API = portal.api;
  process.env.PORTAL_DB = portal.db;
  process.env.PORTAL_MAIL = portal.mail;
  return portal.stop;
}
