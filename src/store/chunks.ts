// Rows per multi-row statement: a few fixed sizes, so that the statement texts repeat and the
// adapter keeps them prepared. A statement for each row count a batch happens to have was
// prepared anew nearly every time, and preparing a long INSERT costs more than running it.

const CHUNK_SIZES = [256, 64, 16, 4, 1];

/** Rows taken by the next statement for n rows left: the largest fixed size that fits (and maxRows allows). */
export function chunkSize(n: number, maxRows: number): number {
  for (const size of CHUNK_SIZES) if (size <= n && size <= maxRows) return size;
  return 1;
}
