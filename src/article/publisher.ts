// Publishers and their countries: the table in data/publishers.json (agencies, broadcasters,
// newspapers, official sites, by host and by the names the text gives them) and a general rule
// for government domains under a country-code TLD (*.gov.XX, *.gob.XX, mfa.XX, president.XX...).

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export interface PublisherEntry {
  host: string;
  country: string;
  names: string[];
  hosts?: string[];
  /** A wire or world broadcaster: its country is not the home of what it reports. */
  international?: boolean;
}

interface PublisherData {
  publishers: PublisherEntry[];
  home_institutions: Record<string, Record<string, string[]>>;
}

const data = JSON.parse(readFileSync(new URL("../../data/publishers.json", import.meta.url), "utf8")) as PublisherData;

export const PUBLISHERS: readonly PublisherEntry[] = data.publishers;
/** Phrases naming an institution of the report's own country without a country, per kind and language. */
export const HOME_INSTITUTIONS: Readonly<Record<string, Record<string, string[]>>> = data.home_institutions;

const byHost = new Map<string, PublisherEntry>();
for (const p of PUBLISHERS) for (const h of [p.host, ...(p.hosts ?? [])]) byHost.set(h.toLowerCase(), p);

const require = createRequire(import.meta.url);
const countries = require("i18n-iso-countries") as { alpha2ToAlpha3(code: string): string | undefined };

/** Country-code TLDs that are sold as generic names, so they say nothing of a site's country. */
const VANITY_TLDS = new Set(["tv", "io", "me", "co", "fm", "ai", "cc", "ws", "to", "la", "nu", "tk", "ly", "gg", "im", "sh", "ac", "eu", "su"]);
/** The TLD's country (uk is GB's). */
function ccCountry(tld: string): string | null {
  if (tld.length !== 2) return null;
  return countries.alpha2ToAlpha3(tld === "uk" ? "GB" : tld.toUpperCase()) ?? null;
}

/** Second-level labels of government domains: gov.uk, gob.mx, gouv.fr, go.jp, govt.nz, gv.at. */
const GOV_SECOND = new Set(["gov", "gob", "gouv", "go", "govt", "gv", "mil", "admin", "government"]);
/** First labels of official sites directly under a ccTLD: mfa.tj, president.kg, mofa.gov.iq. */
const GOV_NAME = /^(?:mfa|mofa|mid|mzv|mae|mea|mfat|mofaic|mre|mrree|cancilleria|exteriores|diplomatie|auswaertiges-amt|president|prezident|presidency|presidencia|presidence|elysee|kremlin|government|gov|pm|primeminister|premier|statehouse|parliament)$/;

export type HostKind = "table" | "government" | "tld";

export interface HostPublisher {
  country: string;
  host: string;
  kind: HostKind;
  international: boolean;
}

/** The table entry of a host or of a parent domain of it, if any. */
export function entryOfHost(host: string): PublisherEntry | null {
  const h = bareHost(host);
  // The host, then each parent domain (what follows a dot), but not the last label alone; read
  // in place rather than split into labels and joined again.
  for (let from = 0; ; ) {
    const dot = h.indexOf(".", from);
    if (dot < 0) return null;
    const p = byHost.get(from === 0 ? h : h.slice(from));
    if (p) return p;
    from = dot + 1;
  }
}

/** The host in lower case, without a leading "www." and a final dot. */
function bareHost(host: string): string {
  let h = host.toLowerCase();
  if (h.startsWith("www.")) h = h.slice(4);
  return h.endsWith(".") ? h.slice(0, -1) : h;
}

/** The publisher a host belongs to: the table (the host or a parent domain), a government domain, or the TLD. */
export function publisherOfHost(host: string): HostPublisher | null {
  const entry = entryOfHost(host);
  if (entry) return { country: entry.country, host: entry.host, kind: "table", international: !!entry.international };
  const h = bareHost(host);
  const labels = h.split(".");
  if (labels.length < 2) return null;
  const tld = labels[labels.length - 1];
  // A US federal (.gov, .mil) site.
  if (tld === "gov" || tld === "mil") return { country: "USA", host: h, kind: "government", international: false };
  const cc = ccCountry(tld);
  if (!cc) return null;
  const second = labels[labels.length - 2];
  const third = labels[labels.length - 3];
  if (GOV_SECOND.has(second) || GOV_NAME.test(second) || (third !== undefined && GOV_NAME.test(third))) {
    return { country: cc, host: h, kind: "government", international: false };
  }
  if (VANITY_TLDS.has(tld)) return null;
  return { country: cc, host: h, kind: "tld", international: false };
}
