// PLOVER event types in three families for the charts: cooperative, verbal conflict, material
// conflict. Shared by the API (GET /api/series?group=family) and the dashboard (web/).

export const FAMILIES = ["cooperative", "verbal conflict", "material conflict"] as const;
export type Family = (typeof FAMILIES)[number];

export const FAMILY_OF: Record<string, Family> = {
  CONSULT: "cooperative", AGREE: "cooperative", SUPPORT: "cooperative", COOPERATE: "cooperative", AID: "cooperative",
  REQUEST: "cooperative", CONCEDE: "cooperative", RETREAT: "cooperative",
  ACCUSE: "verbal conflict", REJECT: "verbal conflict", THREATEN: "verbal conflict",
  PROTEST: "material conflict", SANCTION: "material conflict", MOBILIZE: "material conflict", COERCE: "material conflict", ASSAULT: "material conflict",
};

export const familyOf = (type: string): Family => FAMILY_OF[type] ?? "verbal conflict";
