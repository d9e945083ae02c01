// Observable Plot as one chunk (plot-*.js), imported by charts.tsx when the first chart loads.
export * from "@observablehq/plot";
