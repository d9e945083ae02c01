// The dictionary modules of opencc-js (OpenCC's tables, Apache-2.0) have no type declarations of
// their own: each default-exports one string of "FROM TO|FROM TO|..." pairs.
declare module "opencc-js/dict/*" {
  const table: string;
  export default table;
}
