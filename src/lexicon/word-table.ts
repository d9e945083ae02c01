// A table of words for the hot lookups of the matcher and the mentions stage (see WordTable).

/**
 * Words to values, by open addressing on a hash of the word's code units computed here. The words
 * looked up are mostly a text's tokens, fresh strings: a Map hashes each through the engine's
 * runtime, several times the cost of reading its few code units here (and a token is looked up
 * in several tables). A slot holds the word's hash and its entry number: a probe compares the
 * numbers first and reads the word only where they agree.
 */
export class WordTable<V> {
  /** Per slot: the hash, then the entry number + 1 (0: empty). */
  private slots: Int32Array;
  /**
   * `slots`: the room to start with, a power of two (a table made per document starts small:
   * an array of up to 64 bytes is kept in the engine's heap, a larger one in a buffer of its own).
   */
  constructor(slots = 256) {
    this.slots = new Int32Array(2 * slots);
  }
  /** Per entry: the word, then its value. */
  private entries: (string | V)[] = [];

  /** Empties the table (its slots stay as large as they grew). */
  clear(): void {
    this.slots.fill(0);
    this.entries = [];
  }

  get size(): number {
    return this.entries.length >> 1;
  }

  get(word: string): V | undefined {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const h = wordHash(word);
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const k = slots[2 * p + 1];
      if (k === 0) return undefined;
      if (slots[2 * p] === h && this.entries[2 * k - 2] === word) return this.entries[2 * k - 1] as V;
    }
  }

  /** Adds a word not in the table. */
  add(word: string, value: V): void {
    if ((this.size + 1) * 2 > this.slots.length >> 1) this.grow();
    this.entries.push(word, value);
    this.place(this.slots, wordHash(word), this.size);
  }

  private place(slots: Int32Array, h: number, number: number): void {
    const mask = (slots.length >> 1) - 1;
    let p = h & mask;
    while (slots[2 * p + 1] !== 0) p = (p + 1) & mask;
    slots[2 * p] = h;
    slots[2 * p + 1] = number;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    for (let k = 1; k <= this.size; k++) this.place(slots, wordHash(this.entries[2 * k - 2] as string), k);
    this.slots = slots;
  }
}

/**
 * FNV-1a over a word's code units, its high bits folded into the low ones (the table's index),
 * kept to 30 bits: a small integer the engine passes and returns without a heap number.
 */
function wordHash(w: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
  return (h ^ (h >>> 16)) & 0x3fffffff;
}
