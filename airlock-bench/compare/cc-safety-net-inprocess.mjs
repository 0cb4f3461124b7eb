// Times cc-safety-net's in-process checkCommand() over the shell commands of Airlock's corpora,
// for the side-by-side comparison in docs/PERFORMANCE.md. Usage (from the repository root):
//   npm install --prefix /tmp/ccsn cc-safety-net@2.4.5
//   node airlock-bench/compare/cc-safety-net-inprocess.mjs /tmp/ccsn ../shared/corpus/starter.jsonl corpus/*.jsonl
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [prefix, ...files] = process.argv.slice(2);
const api = await import(pathToFileURL(join(prefix, 'node_modules/cc-safety-net/dist/api.js')).href);
const commands = [];
for (const f of files) {
  for (const line of readFileSync(f, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const c = JSON.parse(line);
    if (c.kind === 'shell') commands.push(c.input);
  }
}
const cwd = process.cwd();
// Warm up: every command several times, so the JIT has compiled the checker.
for (let r = 0; r < 20; r++) for (const c of commands) api.checkCommand({ command: c, cwd });
const samples = [];
const rounds = 30;
const t0 = process.hrtime.bigint();
for (let r = 0; r < rounds; r++) {
  for (const c of commands) {
    const s = process.hrtime.bigint();
    api.checkCommand({ command: c, cwd });
    samples.push(Number(process.hrtime.bigint() - s) / 1000);
  }
}
const total = Number(process.hrtime.bigint() - t0) / 1e9;
samples.sort((a, b) => a - b);
const q = (p) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
console.log(JSON.stringify({
  tool: 'cc-safety-net 2.4.5 checkCommand (in-process, node ' + process.version + ')',
  commands: commands.length, calls: samples.length,
  opsPerSecond: Math.round(samples.length / total),
  medianMicros: +q(0.5).toFixed(2), p99Micros: +q(0.99).toFixed(2), maxMicros: +samples[samples.length - 1].toFixed(1),
}));
