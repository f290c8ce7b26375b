/** Lucide's icons one file each (the package's index would load all of them): [tag, attributes][]. */
declare module 'lucide/dist/esm/icons/*.mjs' {
  const icon: [tag: string, attributes: Record<string, string | number>][];
  export default icon;
}
