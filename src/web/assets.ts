/** The built CSS and JavaScript in dist/public, addressed with a content hash so browsers may cache them for a year. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AssetManifest {
  directory: string;
  /** `/assets/name?v=hash`. */
  url(name: string): string;
}

export function loadAssetManifest(directory: string, logger: { warn(message: string): void }): AssetManifest {
  const hashes = new Map<string, string>();
  if (existsSync(directory)) {
    for (const name of readdirSync(directory)) {
      if (!/\.(?:js|css|svg|png|ico|webmanifest)$/.test(name)) continue;
      hashes.set(
        name,
        createHash('sha256')
          .update(readFileSync(join(directory, name)))
          .digest('hex')
          .slice(0, 12),
      );
    }
  } else {
    logger.warn(
      `No built assets in ${directory}: run "npm run build". Pages work, unstyled and without scripts.`,
    );
  }
  return {
    directory,
    url: (name) => {
      const hash = hashes.get(name);
      return hash === undefined ? `/assets/${name}` : `/assets/${name}?v=${hash}`;
    },
  };
}
