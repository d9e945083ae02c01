// Edit distance between two words, for names spelled two ways ("Chetraru" / "Ketraru").
// fastest-levenshtein (Myers' bit-parallel algorithm) counts UTF-16 units, as the matcher does.
import { distance } from "fastest-levenshtein";

/** Levenshtein distance (insertions, deletions and substitutions of one unit each). */
export function editDistance(a: string, b: string): number {
  return distance(a, b);
}
