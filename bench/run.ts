/**
 * `npm run bench`: runs every benchmark and prints its figures. Benchmarks report numbers for
 * the notes; they never fail a build (speed targets live here, not in timed unit tests).
 */
import { engineBenchmarks } from './engine.bench';

const started = performance.now();
console.log(`bounce benchmarks — Node ${process.version}, ${new Date().toISOString()}\n`);
for (const { section, figures } of engineBenchmarks()) {
  console.log(section);
  for (const f of figures) console.log(`  ${f.name}: ${f.value}`);
  console.log('');
}
console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
