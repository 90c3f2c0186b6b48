// Whole-analysis speed of the WebAssembly build in Node, beside compromise and wink-nlp on
// the same texts in the same run.
//
//   node benches/wasm.mjs [DATA_DIR]     (DATA_DIR defaults to ../shared/data)
//   RUNS=N sets the passes per system (5); ONLY_SELF=1 leaves the peers out.
//
// The corpus is the sample articles in tests/fixtures plus, when DATA_DIR has them, the
// BBC articles of bbc-summary/. Each system analyses the whole corpus RUNS times; the
// median run gives MB/s and tokens/s (tokens = white-space separated words). Module load
// and instantiation are timed apart from analysis. A last pass of ours is split by stage.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { cpus } from 'node:os';

const RUNS = Number(process.env.RUNS || 5);
const root = new URL('..', import.meta.url);
const dataDir = process.argv[2] || new URL('../shared/data/', root).pathname;

function corpus() {
  const fixtures = new URL('tests/fixtures/', root);
  const texts = readdirSync(fixtures)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(new URL(f, fixtures), 'utf8'));
  const bbc = `${dataDir}/bbc-summary`;
  if (existsSync(bbc)) {
    for (const f of readdirSync(bbc).filter((f) => f.endsWith('.jsonl')).sort()) {
      for (const line of readFileSync(`${bbc}/${f}`, 'utf8').split('\n')) {
        if (line.trim()) texts.push(JSON.parse(line).article);
      }
    }
  }
  return texts;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Times `analyse` over every text, RUNS times; returns the median seconds per pass. */
function timeRuns(texts, analyse) {
  for (const t of texts.slice(0, 20)) analyse(t); // warm up
  const times = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    for (const t of texts) analyse(t);
    times.push((performance.now() - t0) / 1000);
  }
  return median(times);
}

async function loadSelf() {
  const t0 = performance.now();
  const pkg = await import(new URL('www/pkg/article_analyser.js', root));
  const bytes = readFileSync(new URL('www/pkg/article_analyser_bg.wasm', root));
  const t1 = performance.now();
  await pkg.default({ module_or_path: bytes });
  const t2 = performance.now();
  return { name: 'article-analyser (wasm)', load: t1 - t0, init: t2 - t1, analyse: (t) => pkg.analyse(t) };
}

async function loadCompromise() {
  const t0 = performance.now();
  const nlp = (await import('compromise')).default;
  const dates = (await import('compromise-dates')).default;
  nlp.plugin(dates);
  const t1 = performance.now();
  // compromise-dates throws on some articles; those count as failures, not as time saved.
  const failed = new Set();
  const analyse = (t) => {
    const doc = nlp(t);
    const names = [doc.people().json(), doc.places().json(), doc.organizations().json(), doc.money().json()];
    try {
      names.push(doc.dates().json());
    } catch {
      failed.add(t);
    }
    return names;
  };
  return { name: 'compromise + dates', load: t1 - t0, init: 0, analyse, failed };
}

async function loadWink() {
  const t0 = performance.now();
  const winkNLP = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  const t1 = performance.now();
  const nlp = winkNLP(model);
  const its = nlp.its;
  const t2 = performance.now();
  const analyse = (t) => {
    const doc = nlp.readDoc(t);
    return [doc.entities().out(its.detail), doc.sentences().out()];
  };
  return { name: 'wink-nlp + eng-lite-web-model', load: t1 - t0, init: t2 - t1, analyse };
}

const texts = corpus();
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
const tokens = texts.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);
console.log(`corpus: ${texts.length} articles, ${(bytes / 1e6).toFixed(2)} MB, ${tokens} tokens; ${RUNS} runs, median`);
console.log(`machine: ${cpus()[0].model}, ${cpus().length} cores, Node ${process.version}`);

const rows = [];
for (const load of process.env.ONLY_SELF ? [loadSelf] : [loadSelf, loadWink, loadCompromise]) {
  const sys = await load();
  const secs = timeRuns(texts, sys.analyse);
  rows.push({ ...sys, secs });
}
const self = rows[0];
console.log('\n| system | load ms | init ms | corpus s | MB/s | tokens/s | vs article-analyser |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) {
  if (r.failed?.size) console.log(`(${r.name}: dates plugin threw on ${r.failed.size} articles)`);
  const mbs = bytes / 1e6 / r.secs;
  const times = r.secs / self.secs;
  const ratio = r === self ? '1×' : times >= 1 ? `${times.toFixed(1)}× slower` : `${(1 / times).toFixed(1)}× faster`;
  console.log(
    `| ${r.name} | ${r.load.toFixed(1)} | ${r.init.toFixed(1)} | ${r.secs.toFixed(3)} | ${mbs.toFixed(2)} | ${Math.round(tokens / r.secs)} | ${ratio} |`,
  );
}
const typical = texts[1] ?? texts[0];
const latency = median(Array.from({ length: 21 }, () => {
  const t0 = performance.now();
  self.analyse(typical);
  return performance.now() - t0;
}));
console.log(`\nlatency for one typical article (${Buffer.byteLength(typical)} bytes): ${latency.toFixed(2)} ms (median of 21)`);

// Where one more pass of ours goes, from the stage timings each report carries; the rest
// is the report's trip into JavaScript (serialising it and JSON.parse).
const stages = {};
const t0 = performance.now();
for (const t of texts) {
  for (const { stage, ms } of self.analyse(t).stats.timings) stages[stage] = (stages[stage] || 0) + ms;
}
const pass = performance.now() - t0;
const inStages = Object.values(stages).reduce((a, b) => a + b, 0);
const parts = Object.entries(stages).map(([stage, ms]) => `${stage} ${ms.toFixed(0)}`);
console.log(`article-analyser by stage, one pass, ms: ${parts.join(', ')}; report to JavaScript ${(pass - inStages).toFixed(0)}; total ${pass.toFixed(0)}`);
