// Hungarian dates, on sentences written for these tests: the year first with a dot, a day with
// its case ending after a hyphen, weekdays and months with case endings, relative words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { findDates } from "./index.js";

const values = (text: string, ref: string | null) => findDates(text, "hu", ref).map((d) => d.value);

test("Hungarian dates: year first, day with its ending, inflected weekdays and months", () => {
  assert.deepEqual(values("A szerződést 2023. március 15-én írták alá.", null), ["2023-03-15"]);
  assert.deepEqual(values("A miniszterek december 2-án tárgyaltak.", "2024-12-05"), ["2024-12-02"]);
  assert.deepEqual(values("Kedden Moszkvában találkoztak.", "2024-12-05"), ["2024-12-03"]);
  assert.deepEqual(values("Tegnap telefonon beszéltek.", "2024-12-05"), ["2024-12-04"]);
  assert.deepEqual(values("Tavaly írták alá a megállapodást.", "2024-12-05"), ["2023"]);
});
