// The error of a page that is no article (fetched or archived), in a module of its own so that
// the extractor pool can name it without loading the pipeline.

export class PageError extends Error {
  constructor(public readonly url: string, public readonly reason: string) {
    super(`${url}: ${reason}`);
    this.name = "PageError";
  }
}
