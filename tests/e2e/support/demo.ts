// The demo world of the reference server's seed (portal guide, section 3).
export const users = [
  { email: "admin@kowalski-aero.demo", company: "Kowalski Aero Sp. z o.o.", name: "Anna Kowalska", role: "Administrator" },
  { email: "inzynier@kowalski-aero.demo", company: "Kowalski Aero Sp. z o.o.", name: "Piotr Nowak", role: "Member" },
  { email: "admin@strojirny-hradec.demo", company: "Strojírny Hradec a.s.", name: "Jana Dvořáková", role: "Administrator" },
  { email: "technik@strojirny-hradec.demo", company: "Strojírny Hradec a.s.", name: "Tomáš Svoboda", role: "Member" },
  { email: "admin@tatra-forming.demo", company: "Tatra Forming s.r.o.", name: "Martin Kováč", role: "Administrator" },
  { email: "buyer@northbridge.demo", company: "Northbridge Tooling Ltd", name: "Oliver Hughes", role: "Administrator" },
] as const;

// What GET /plan and GET /catalog hold for each demo customer (the seed's facts; the
// statuses follow from maintenance dates seeded relative to the day of the seed).
export type Coverage = "covered" | "expiring_soon" | "lapsed";
export const plans = [
  {
    email: "admin@kowalski-aero.demo",
    company: "Kowalski Aero Sp. z o.o.",
    currency: "PLN",
    levels: ["ALC", "SBP"],
    licences: [
      { product: "CATIA V5 MD2 (Mechanical Design)", status: "covered" },
      { product: "SOLIDWORKS Premium", status: "expiring_soon" },
      { product: "DELMIA Process Planning", status: "lapsed" },
    ] as { product: string; status: Coverage }[],
    // One service, how it is billed, and the rate this customer pays (major units).
    rate: { service: "Remote intervention", how: "From your SBP credit at the SBP rate", amount: 204 },
    hotline: "Included in ALC",
  },
  {
    email: "admin@strojirny-hradec.demo",
    company: "Strojírny Hradec a.s.",
    currency: "CZK",
    levels: ["ALC", "SBP", "SLA"],
    licences: [
      { product: "3DEXPERIENCE CATIA Mechanical Designer", status: "covered" },
      { product: "3DEXPERIENCE ENOVIA Collaborative Industry Innovator", status: "covered" },
      { product: "CATIA V5 HD2 (Hybrid Design)", status: "expiring_soon" },
      { product: "SIMULIA Abaqus/Standard", status: "lapsed" },
    ] as { product: string; status: Coverage }[],
    rate: { service: "Remote intervention", how: "From your SBP credit at the SBP rate", amount: 1190 },
    hotline: "Under your SLA contract",
  },
  {
    email: "admin@tatra-forming.demo",
    company: "Tatra Forming s.r.o.",
    currency: "EUR",
    levels: ["ALC"],
    licences: [
      { product: "SOLIDWORKS Professional", status: "covered" },
      { product: "SOLIDWORKS Simulation Premium", status: "covered" },
    ] as { product: string; status: Coverage }[],
    rate: { service: "Remote intervention", how: "Invoiced at the PAY rate", amount: 58 },
    hotline: "Included in ALC",
  },
  {
    email: "buyer@northbridge.demo",
    company: "Northbridge Tooling Ltd",
    currency: "EUR",
    levels: ["PAY"],
    licences: [] as { product: string; status: Coverage }[],
    rate: { service: "Remote intervention", how: "Invoiced at the PAY rate", amount: 58 },
    hotline: "Invoiced at the PAY rate",
  },
] as const;
