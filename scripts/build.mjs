// Builds the server bundle (dist/recall.js) and the browser assets (dist/public) with esbuild.
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import * as esbuild from 'esbuild';

/**
 * Colour tokens are light-dark(light, dark). Browsers from before 2024 do not know light-dark(): for
 * them the stylesheet ends with the light values, written out from the same lines of tokens.css.
 */
const lightDarkFallback = {
  name: 'light-dark-fallback',
  setup(build) {
    build.onLoad({ filter: /styles[\\/]tokens\.css$/ }, async (args) => {
      const css = await readFile(args.path, 'utf8');
      const light = [...css.matchAll(/^\s*(--[a-z0-9-]+):\s*light-dark\(([^,]+),[^,]+\);$/gm)]
        .map(([, name, value]) => `${name}:${value};`)
        .join('');
      return {
        contents: `${css}\n@supports not (color: light-dark(#fff, #000)) { :root { ${light} } }\n`,
        loader: 'css',
      };
    });
  },
};

await rm('dist', { recursive: true, force: true });
await Promise.all([
  esbuild.build({
    entryPoints: {
      recall: 'src/cli/main.ts',
      // Imports are read in a worker thread (src/services/card-file-reading): its script is an entry of its own.
      'card-file-worker': 'src/services/card-file-reading/card-file-worker.ts',
    },
    outdir: 'dist',
    // Commands load what they need when they run: `recall --help` does not load the web server.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    sourcemap: true,
    logLevel: 'warning',
  }),
  esbuild.build({
    // Each page's script sits with its feature (src/web/<feature>/*.client.ts); the names it is served by.
    entryPoints: {
      site: 'src/web/assets/client/site.ts',
      'card-set-page': 'src/web/card-set/card-set-page.client.ts',
      editor: 'src/web/editor/editor.client.ts',
      search: 'src/web/browse/search.client.ts',
      print: 'src/web/card-set/print.client.ts',
      study: 'src/web/study/study.client.ts',
      'study-merge': 'src/web/study/study-merge.client.ts',
      import: 'src/web/import-export/import.client.ts',
      styles: 'src/web/assets/styles.css',
    },
    outdir: 'dist/public',
    entryNames: '[name]',
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    sourcemap: false,
    logLevel: 'warning',
    plugins: [lightDarkFallback],
  }),
]);
await mkdir('dist/public', { recursive: true });
await copyFile('src/web/assets/favicon.svg', 'dist/public/favicon.svg');
