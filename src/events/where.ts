// Events stage, where: the place of an event, and the scenes (a meeting's or a visit's day and
// place) the events after it inherit.

import type { SentenceMentions, TriggerMatch } from "../mentions/index.js";
import type { EventRecord, EventType, Evidence } from "../types.js";
import type { Discourse } from "./discourse.js";
import type { DateHit, EventContext, Side } from "./model.js";
import { placesInSentence } from "./sides.js";
import { statusOf } from "./status.js";
import { addDays } from "./when.js";

/**
 * Where: the place named nearest the trigger; else the country visited; else the scene
 * already set for that day (a visit's meetings happen where the visit is); else the
 * dateline, for events of the day the article was filed. Sets the discourse's scenes, and adds
 * the country visited to the sides of a visit.
 */
export function locate(ctx: EventContext, d: Discourse, sm: SentenceMentions, t: TriggerMatch, occasion: DateHit | null, sides: Side[], date: string | null, type: EventType, mode: string | null, ev: Evidence): EventRecord["location"] {
  const places = placesInSentence(ctx, sm, date);
  // With several dates after one trigger, each occasion's place is the one by its date.
  const anchor = occasion ?? t;
  const distance = (p: { start: number; end: number }) => Math.min(Math.abs(p.start - anchor.end), Math.abs(anchor.start - p.end));
  const place = [...places].sort((a, b) => distance(a) - distance(b))[0];
  let location: EventRecord["location"] = null;
  const host = t.payload.mode === "visit" ? sides.find((x) => x.host) : undefined;
  const visitScene = d.visitScene;
  if (place) location = { city: place.city, country: place.country, evidence: ev };
  else if (host) location = { city: null, country: host.country, evidence: ev };
  else if (d.scene && d.scene.date === date) location = { ...d.scene.location };
  // The days of a visit happen where the visit is (talks the day after the arrival).
  else if (visitScene && date && date.length === 10 && date >= visitScene.date && date <= addDays(visitScene.date, 2) && (!sides.length || sides.some((x) => x.country === visitScene.location.country))) location = { ...visitScene.location };
  else if (ctx.datelinePlace && date === ctx.refDate && type !== "ASSAULT") {
    location = { city: ctx.datelinePlace.city, country: ctx.datelinePlace.country, evidence: { ...ev, start: ctx.datelinePlace.start, end: ctx.datelinePlace.end, sentence: ctx.text.slice(ctx.datelinePlace.start, ctx.datelinePlace.end) } };
  }
  if ((place || host) && location && date && (mode === "visit" || mode === "meeting" || mode === "multilateral")) d.scene = { date, location };
  if (mode === "visit" && location?.country && date?.length === 10 && !statusOf(ctx.text, sm, t)) d.visitScene = { date, location };
  // A visit's host is the country visited.
  if (t.payload.mode === "visit" && location?.country && !sides.some((s) => s.country === location!.country)) {
    sides.push({ country: location.country, name: null, role: null, rank: 1, start: place?.start ?? Infinity, evidence: ev });
  }
  return location;
}

/** A visit has a visitor and a host: with more sides named, the first named and the host. */
export function visitorAndHost(sides: Side[], location: EventRecord["location"], mode: string | null): Side[] {
  if (mode === "visit" && sides.length > 2) {
    const hostCountry = location?.country;
    // The country the text says the visit goes to, before the place it names.
    const host = sides.find((x) => x.host) ?? sides.find((x) => x.country === hostCountry);
    const visitor = sides.find((x) => x !== host);
    return host && visitor ? [visitor, host] : sides.slice(0, 2);
  }
  if (mode === "visit" && sides.length === 2 && ((location?.country && sides[0].country === location.country && sides[1].country !== location.country) || (sides[0].host && !sides[1].host))) {
    // The visitor comes first: the host's leader is often named first ("Rahmon welcomed
    // Japarov, who came to Tajikistan on a visit").
    return [sides[1], sides[0]];
  }
  return sides;
}
