// Builds the server bundle (dist/recall.js) and the browser assets (dist/public) with esbuild.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import * as esbuild from 'esbuild';

await rm('dist', { recursive: true, force: true });
await Promise.all([
  esbuild.build({
    entryPoints: { recall: 'src/cli/main.ts' },
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
    entryPoints: [
      'src/web/assets/client/card-set-page.ts',
      'src/web/assets/client/editor.ts',
      'src/web/assets/client/search.ts',
      'src/web/assets/client/print.ts',
      'src/web/assets/client/study.ts',
      'src/web/assets/client/study-merge.ts',
      'src/web/assets/styles.css',
    ],
    outdir: 'dist/public',
    entryNames: '[name]',
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    sourcemap: false,
    logLevel: 'warning',
  }),
]);
await mkdir('dist/public', { recursive: true });
await copyFile('src/web/assets/favicon.svg', 'dist/public/favicon.svg');
