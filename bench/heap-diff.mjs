// What a heap snapshot holds beyond another (bench/heap.mjs writes them): self size summed by kind and
// constructor in each, and the difference, largest first; then the objects of the second snapshot that
// retain the most of what is only there, by dominator tree (as DevTools computes "retained size").
//   node bench/heap-diff.mjs plain.heapsnapshot dogear.heapsnapshot [--top=40] [--match=Annotator,Map]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const [aFile, bFile] = args.filter((a) => !a.startsWith('--'));
const TOP = Number(args.find((a) => a.startsWith('--top='))?.slice(6) ?? 40);
const match = args
  .find((a) => a.startsWith('--match='))
  ?.slice(8)
  .split(',');

function load(file) {
  const s = JSON.parse(readFileSync(file, 'utf8'));
  const meta = s.snapshot.meta;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const types = meta.node_types[0];
  const etypes = meta.edge_types[0];
  const idx = (f) => meta.node_fields.indexOf(f);
  const [T, N, ID, S, EC] = ['type', 'name', 'id', 'self_size', 'edge_count'].map(idx);
  const count = s.nodes.length / nf;
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e;
    e += s.nodes[i * nf + EC] * ef;
  }
  firstEdge[count] = s.edges.length;
  const node = (i) => ({
    type: types[s.nodes[i * nf + T]],
    name: s.strings[s.nodes[i * nf + N]],
    id: s.nodes[i * nf + ID],
    self: s.nodes[i * nf + S],
  });
  return { s, nf, ef, types, etypes, count, firstEdge, node, T, N, S, ID };
}

/** Kind and name of a node, grouped so that equal things add up (strings by kind, not text). */
function keyOf(n) {
  if (n.type === 'string' || n.type === 'concatenated string' || n.type === 'sliced string')
    return `${n.type} (${n.self >= 1024 ? '≥1 KiB' : n.self >= 128 ? '128 B–1 KiB' : '<128 B'})`;
  if (n.type === 'object' || n.type === 'closure' || n.type === 'native') return `${n.type} ${n.name.slice(0, 60)}`;
  if (n.type === 'hidden' || n.type === 'array' || n.type === 'code' || n.type === 'object shape')
    return `${n.type} ${n.name.replace(/\d+/g, '#').slice(0, 50)}`;
  return n.type;
}

/** Blink's own objects live outside the JS heap that `Runtime.getHeapUsage` counts: left out. */
function aggregate(h) {
  const out = new Map();
  for (let i = 0; i < h.count; i++) {
    const nd = h.node(i);
    if (nd.type === 'native' || nd.type === 'synthetic') continue;
    const k = keyOf(nd);
    const v = out.get(k) ?? { size: 0, n: 0 };
    v.size += h.s.nodes[i * h.nf + h.S];
    v.n++;
    out.set(k, v);
  }
  return out;
}

/** Immediate dominators (Cooper, Harvey, Kennedy), root = node 0, weak edges ignored; then retained sizes. */
function retained(h) {
  const { s, ef, etypes, count, firstEdge, nf } = h;
  const weak = etypes.indexOf('weak');
  const shortcut = etypes.indexOf('shortcut');
  const toNode = (e) => s.edges[e + 2] / nf;
  const ok = (e) => s.edges[e] !== weak && s.edges[e] !== shortcut;
  // Post-order by iterative DFS.
  const order = new Int32Array(count).fill(-1);
  const post = new Int32Array(count);
  let n = 0;
  const stack = new Int32Array(count);
  const pos = new Uint32Array(count);
  const seen = new Uint8Array(count);
  let sp = 0;
  stack[sp++] = 0;
  seen[0] = 1;
  pos[0] = firstEdge[0];
  while (sp) {
    const v = stack[sp - 1];
    let pushed = false;
    while (pos[v] < firstEdge[v + 1]) {
      const e = pos[v];
      pos[v] += ef;
      if (!ok(e)) continue;
      const w = toNode(e);
      if (seen[w]) continue;
      seen[w] = 1;
      pos[w] = firstEdge[w];
      stack[sp++] = w;
      pushed = true;
      break;
    }
    if (!pushed) {
      sp--;
      order[v] = n;
      post[n++] = v;
    }
  }
  // Predecessors.
  const predCount = new Uint32Array(count + 1);
  for (let v = 0; v < count; v++)
    if (seen[v])
      for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += ef) if (ok(e) && seen[toNode(e)]) predCount[toNode(e)]++;
  const predStart = new Uint32Array(count + 1);
  for (let v = 0; v < count; v++) predStart[v + 1] = predStart[v] + predCount[v];
  const preds = new Int32Array(predStart[count]);
  const fill = predStart.slice();
  for (let v = 0; v < count; v++)
    if (seen[v])
      for (let e = firstEdge[v]; e < firstEdge[v + 1]; e += ef)
        if (ok(e) && seen[toNode(e)]) preds[fill[toNode(e)]++] = v;
  const idom = new Int32Array(count).fill(-1);
  idom[0] = 0;
  const intersect = (a, b) => {
    while (a !== b) {
      while (order[a] < order[b]) a = idom[a];
      while (order[b] < order[a]) b = idom[b];
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let k = n - 2; k >= 0; k--) {
      const v = post[k];
      let d = -1;
      for (let p = predStart[v]; p < predStart[v + 1]; p++) {
        const u = preds[p];
        if (idom[u] === -1) continue;
        d = d === -1 ? u : intersect(u, d);
      }
      if (d !== -1 && idom[v] !== d) {
        idom[v] = d;
        changed = true;
      }
    }
  }
  const size = new Float64Array(count);
  for (let k = 0; k < n; k++) {
    const v = post[k];
    size[v] += s.nodes[v * nf + h.S];
    if (v !== 0) size[idom[v]] += size[v];
  }
  return { idom, size };
}

const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
const a = load(aFile);
const b = load(bFile);
const aggA = aggregate(a);
const aggB = aggregate(b);
const totalA = [...aggA.values()].reduce((x, v) => x + v.size, 0);
const totalB = [...aggB.values()].reduce((x, v) => x + v.size, 0);
console.log(`snapshot totals: ${kib(totalA)} → ${kib(totalB)} (+${kib(totalB - totalA)})`);
const keys = new Set([...aggA.keys(), ...aggB.keys()]);
const diff = [...keys]
  .map((k) => {
    const x = aggA.get(k) ?? { size: 0, n: 0 };
    const y = aggB.get(k) ?? { size: 0, n: 0 };
    return { k, d: y.size - x.size, dn: y.n - x.n, y };
  })
  .sort((p, q) => Math.abs(q.d) - Math.abs(p.d));
console.log(`\nself size by kind, difference (count difference), largest ${TOP}:`);
for (const { k, d, dn } of diff.slice(0, TOP)) console.log(`${kib(d).padStart(12)} ${String(dn).padStart(8)}  ${k}`);

const { size, idom } = retained(b);
const pathOf = (i) => {
  const names = [];
  for (let v = i, k = 0; v !== 0 && k < 8; v = idom[v], k++) {
    const nd = b.node(v);
    names.push(`${nd.type}:${nd.name.slice(0, 40)}`);
  }
  return names.join(' ← ');
};
console.log('\nlargest strings of the second snapshot (≥ 4 KiB):');
for (let i = 0; i < b.count; i++) {
  const nd = b.node(i);
  if (nd.type.includes('string') && nd.self >= 4096)
    console.log(`${kib(nd.self).padStart(12)}  ${JSON.stringify(nd.name.slice(0, 50))}  ${pathOf(i)}`);
}
if (match) {
  console.log(`\nlargest retainers named ${match}:`);
  const hits = [];
  for (let i = 0; i < b.count; i++) {
    const nd = b.node(i);
    if (match.some((m) => nd.name === m)) hits.push(i);
  }
  hits.sort((p, q) => size[q] - size[p]);
  for (const i of hits.slice(0, TOP)) console.log(`${kib(size[i]).padStart(12)}  ${pathOf(i)}`);
}
