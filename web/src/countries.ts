// Country codes and names: ISO 3166-1 (alpha-3 as the API gives them, numeric as the map's
// Natural Earth shapes carry them), names from the browser's own Intl data.
import codes from "i18n-iso-countries/codes.json";

const alpha2 = new Map<string, string>();
export const numericToAlpha3 = new Map<string, string>();
for (const [a2, a3, num] of codes as string[][]) {
  alpha2.set(a3, a2);
  numericToAlpha3.set(num, a3);
}

let names: Intl.DisplayNames | null = null;
try {
  names = new Intl.DisplayNames([navigator.language || "en", "en"], { type: "region" });
} catch {
  names = null;
}

/** Organisations that stand as sides (the API's organisation codes). */
const ORGS: Record<string, string> = {
  UN: "United Nations", EU: "European Union", SCO: "Shanghai Cooperation Organisation", CIS: "Commonwealth of Independent States",
  CSTO: "Collective Security Treaty Organization", NATO: "NATO", ASEAN: "ASEAN", BRICS: "BRICS", EAEU: "Eurasian Economic Union",
  OSCE: "OSCE", AU: "African Union", OIC: "Organisation of Islamic Cooperation", GCC: "Gulf Cooperation Council", IAEA: "IAEA",
};

export function countryName(code: string | null | undefined): string {
  if (!code) return "unknown";
  const a2 = alpha2.get(code);
  if (a2 && names) {
    try {
      return names.of(a2) ?? code;
    } catch {
      return code;
    }
  }
  return ORGS[code] ?? code;
}

/** A code the API could know: three letters (ISO alpha-3) or an organisation code. */
export const looksLikeSide = (s: string) => /^[A-Z]{2,5}$/.test(s);
export const isIsoCountry = (s: string) => alpha2.has(s);
