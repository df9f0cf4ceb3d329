import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

type Chunk = { code: string; imports: string[]; isEntry: boolean };
type RenderedModules = Record<string, { renderedLength: number }>;

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The package (or `app`) a bundled module comes from, for `BUNDLE_REPORT=packages`. */
function packageOf(moduleId: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(moduleId);
  if (match?.[1]) return match[1];
  return moduleId.includes('/contracts/') ? '@eco/contracts' : 'app';
}

function printPackageSizes(modules: RenderedModules[]): void {
  const sizes = new Map<string, number>();
  for (const chunkModules of modules) {
    for (const [id, { renderedLength }] of Object.entries(chunkModules)) {
      const name = packageOf(id);
      sizes.set(name, (sizes.get(name) ?? 0) + renderedLength);
    }
  }
  const rows = [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 25);
  for (const [name, size] of rows) console.log(`  ${kb(size).padStart(10)}  ${name}（未压缩）`);
}

/** The entry chunks and everything they import statically: what a phone downloads before the first paint. */
function collectFirstLoad(chunks: Map<string, Chunk>): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const next of chunks.get(name)?.imports ?? []) visit(next);
  };
  for (const [name, chunk] of chunks) if (chunk.isEntry) visit(name);
  return seen;
}

/**
 * Prints the gzipped size of the built JavaScript and CSS after `vite build`, with the first-load
 * total, so that growth of the field app (budget: 200 kB of JS on first load) shows in every build.
 * `BUNDLE_REPORT=packages npm run build -w mobile` also lists which packages take the room.
 */
export function reportGzipSize(budgetKb = 200): Plugin {
  return {
    name: 'eco-gzip-report',
    apply: 'build',
    writeBundle(_options, bundle) {
      const chunks = new Map<string, Chunk>();
      const modules: RenderedModules[] = [];
      let cssBytes = 0;
      for (const [name, output] of Object.entries(bundle)) {
        if (output.type === 'chunk') {
          chunks.set(name, { code: output.code, imports: output.imports, isEntry: output.isEntry });
          modules.push(output.modules);
        } else if (name.endsWith('.css')) {
          cssBytes += gzipSync(output.source).length;
        }
      }
      const gzipped = new Map([...chunks].map(([name, chunk]) => [name, gzipSync(chunk.code).length]));
      const total = [...gzipped.values()].reduce((sum, size) => sum + size, 0);
      const firstLoad = [...collectFirstLoad(chunks)].reduce(
        (sum, name) => sum + (gzipped.get(name) ?? 0),
        0,
      );
      const verdict = firstLoad <= budgetKb * 1000 ? '在预算内' : '超出预算';
      console.log(
        `\n[gzip] JS 首次加载 ${kb(firstLoad)}（预算 ${budgetKb} kB，${verdict}）· JS 合计 ${kb(total)} · CSS ${kb(cssBytes)}`,
      );
      if (process.env.BUNDLE_REPORT === 'packages') printPackageSizes(modules);
    },
  };
}
