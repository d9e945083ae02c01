// Limits shared by the extracting commands, in a module of their own so that the command line
// can show them without loading the pipeline.

/** Default time budget per document (ms): ample for any real article (a 1 MB text takes well under a second). */
export const DEFAULT_TIME_BUDGET_MS = 5000;
