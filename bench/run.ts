import { benchAuthMe } from './benchmarks/auth-me.ts';
import { benchPhotoIngest } from './benchmarks/photo-ingest.ts';
import { benchProjectExport } from './benchmarks/project-export.ts';
import { benchProjectSearch } from './benchmarks/project-search.ts';
import { benchTrackIngest } from './benchmarks/track-ingest.ts';
import type { Figure } from './support.ts';

/** `npm run bench [-- name]`: runs the benchmarks and prints one JSON line per figure, last. */
const benchmarks: Record<string, () => Promise<Figure[]>> = {
  'auth-me': benchAuthMe,
  'project-search': benchProjectSearch,
  'project-export': benchProjectExport,
  'photo-ingest': benchPhotoIngest,
  'track-ingest': benchTrackIngest,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !benchmarks[name]);
if (unknown.length > 0) {
  console.error(`未知的基准测试：${unknown.join(', ')}；可用：${Object.keys(benchmarks).join(', ')}`);
  process.exit(2);
}
const figures: Figure[] = [];
for (const [name, run] of Object.entries(benchmarks)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.error(`运行 ${name} …`);
  figures.push(...(await run()));
}
for (const figure of figures) console.log(JSON.stringify(figure));
