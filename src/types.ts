// Typed records passed between pipeline stages:
//   RawInput -> DecodedText -> Article -> Sentence[] -> Mention[] -> Event[] -> DocumentResult
// Every offset (start/end) is a UTF-16 index into DecodedText.text, the document as decoded,
// so any extracted fact can be traced back to the characters that support it.

/** A half-open character range [start, end) into the decoded document text. */
export interface Span {
  start: number;
  end: number;
}

/** Language codes Parley knows (ISO 639-1). "und" when undetermined. */
export type Lang =
  | "en" | "ru" | "uk" | "ar" | "tg" | "fa" | "uz" | "kk" | "ky" | "tr"
  | "fr" | "de" | "es" | "zh" | "hu" | "tk" | "az" | "ur" | "hy" | "und";

/** Bytes as they arrived, with a name used in messages and output file names. */
export interface RawInput {
  /** Document name: the file name without its extension. */
  name: string;
  /** Where it came from (path or URL), for error messages. */
  origin: string;
  bytes: Uint8Array;
  /** Charset declared by the container (HTTP header, meta tag), if any. */
  declaredCharset?: string;
}

export interface DecodedText {
  name: string;
  origin: string;
  text: string;
  /** Encoding that was used to decode, e.g. "UTF-8", "windows-1251". */
  encoding: string;
  /** Metadata read from an HTML page's markup, when the text came from one. */
  page?: PageInfo;
}

/** What an HTML page says about itself (meta tags, JSON-LD, <time>, URL). */
export interface PageInfo {
  title: string | null;
  /** YYYY-MM-DD */
  published: string | null;
  author: string | null;
  siteName: string | null;
  /** canonical URL */
  url: string | null;
  /** declared language */
  lang: string | null;
  image: string | null;
}

/** An article recovered from a plain-text dump (or from HTML turned into text). */
export interface Article {
  name: string;
  origin: string;
  /** The full decoded text; every span below indexes into it. */
  text: string;
  title: string | null;
  titleSpan: Span | null;
  /** Publication date as YYYY-MM-DD (or YYYY-MM, YYYY when that is all the text gives), if the text states one (date line, header). */
  published: string | null;
  publishedSpan: Span | null;
  /** Dateline place ("Samarkand, 16 September. /Kabar/." -> "Samarkand"), if any. */
  dateline: { place: string | null; span: Span } | null;
  /** Host named by the text (agency name or domain), if recognisable. */
  source: string | null;
  /** Kept body paragraphs in document order; leftovers are not in here. */
  paragraphs: Span[];
  /** Who published the article and its country, if the page or the text says. */
  publisher?: Publisher | null;
  /** The text stops mid-sentence: the last paragraph is cut off (an excerpt, a truncated dump). */
  cut?: boolean;
}

/** A publisher and its country, with where they were read. */
export interface Publisher {
  /** ISO 3166-1 alpha-3. */
  country: string;
  host: string | null;
  /**
   * Where it was read: the HTML page's URL or site name, a header field ("url: ..."), the input's
   * origin URL, the dateline's agency, the page's masthead or footer, a domain in the text, or an
   * agency the body cites as its source.
   */
  from: "page" | "header" | "origin" | "dateline" | "masthead" | "footer" | "domain" | "cited";
  /** How the country follows: the publishers table, a government domain, the country-code TLD. */
  kind: "table" | "government" | "tld";
  /** A wire or world broadcaster, whose country is not the home of what it reports. */
  international: boolean;
  /** The name or domain in the text, when read from the text. */
  span: Span | null;
}

export interface Sentence extends Span {
  index: number;
  /** Index into Article.paragraphs. */
  paragraph: number;
}

export type MentionKind = "country" | "org" | "person" | "office" | "place";

/** A lexicon hit in the text. */
export interface Mention extends Span {
  kind: MentionKind;
  /** Lexicon id: ISO alpha-3 for countries, org code, person id, office id, place id. */
  id: string;
  /** For countries: how it was named (name, adjective, capital used as government). */
  form?: "name" | "adj" | "capital" | "demonym";
  /** Sentence index the mention falls into (-1 when outside the body). */
  sentence: number;
}

export type EventType =
  | "CONSULT" | "AGREE" | "SUPPORT" | "COOPERATE" | "AID" | "REQUEST"
  | "ACCUSE" | "REJECT" | "THREATEN" | "PROTEST" | "SANCTION" | "CONCEDE"
  | "RETREAT" | "MOBILIZE" | "COERCE" | "ASSAULT";

export type Role =
  | "head_of_state" | "head_of_government" | "foreign_minister" | "minister"
  | "legislature_head" | "legislator" | "ambassador" | "governor_mayor" | "org_head"
  | "military" | "delegation" | "official";

export interface Evidence {
  document: string;
  sentence: string;
  start: number;
  end: number;
}

export interface Actor {
  /** ISO 3166-1 alpha-3 or organisation code (UN, EU, CSTO...). */
  country: string;
  name: string | null;
  role: Role | null;
  evidence: Evidence[];
}

export interface DateValue {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  value: string;
  evidence: Evidence;
}

export interface EventRecord {
  type: EventType;
  mode: string | null;
  cameo: string;
  goldstein: number;
  /** Absent for events that happened; otherwise the mention is not an event. */
  status?: "planned" | "denied" | "hypothetical";
  date: string | null;
  actors: Actor[];
  location: { city: string | null; country: string | null; evidence: Evidence } | null;
  topics: string[];
  evidence: Evidence;
  /** The trigger phrase that made this an event, for explanation. */
  trigger: { text: string; start: number; end: number };
  dateEvidence?: Evidence;
  topicEvidence?: Evidence[];
}

export interface Figure {
  what: string | null;
  value: number;
  unit: string;
  year: number | null;
  between?: string[];
  evidence: Evidence;
}

/** The output for one input document (shape of shared/corpus/SCHEMA.md plus body and evidence). */
export interface DocumentResult {
  id: string;
  origin: string;
  encoding: string;
  lang: Lang;
  source: string | null;
  /** The publisher's country and where it was read (evidence: the name in the text, if from the text). */
  publisher?: (Omit<Publisher, "span"> & { evidence: Evidence | null }) | null;
  published: string | null;
  title: string | null;
  body: string;
  body_first: string | null;
  body_last: string | null;
  events: EventRecord[];
  orgs: string[];
  third_countries: string[];
  figures: Figure[];
  evidence: {
    title: Span | null;
    published: Span | null;
    body: Span[];
    orgs: Record<string, Evidence>;
    third_countries: Record<string, Evidence>;
  };
}

/** A failure on one input, reported without stopping a batch. */
export class InputError extends Error {
  constructor(public readonly origin: string, reason: string) {
    super(`${origin}: ${reason}`);
    this.name = "InputError";
  }
}
