// The demo world of the reference server's seed (portal guide, section 3).
export const users = [
  { email: "admin@kowalski-aero.demo", company: "Kowalski Aero Sp. z o.o.", name: "Anna Kowalska", role: "Administrator" },
  { email: "inzynier@kowalski-aero.demo", company: "Kowalski Aero Sp. z o.o.", name: "Piotr Nowak", role: "Member" },
  { email: "admin@strojirny-hradec.demo", company: "Strojírny Hradec a.s.", name: "Jana Dvořáková", role: "Administrator" },
  { email: "technik@strojirny-hradec.demo", company: "Strojírny Hradec a.s.", name: "Tomáš Svoboda", role: "Member" },
  { email: "admin@tatra-forming.demo", company: "Tatra Forming s.r.o.", name: "Martin Kováč", role: "Administrator" },
  { email: "buyer@northbridge.demo", company: "Northbridge Tooling Ltd", name: "Oliver Hughes", role: "Administrator" },
] as const;
