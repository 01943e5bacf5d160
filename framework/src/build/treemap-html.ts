import type { BundleAnalysis } from './bundle-analysis.js';

/**
 * The `nexxo analyze` report: one self-contained HTML file (inline data, CSS and script, no
 * requests) with a zoomable treemap per environment, a route filter and the duplicated packages.
 */
export function treemapHtml(analysis: BundleAnalysis, title: string): string {
  // `<` escaped so that no module path can close the script element.
  const data = JSON.stringify(analysis).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<header>
  <h1>${escapeHtml(title)}</h1>
  <label>Bundle <select id="environment"><option value="client">client (browser)</option><option value="ssr">ssr (server)</option><option value="rsc">rsc (server)</option></select></label>
  <label>Route <select id="route"><option value="">all chunks</option></select></label>
  <nav id="crumbs"></nav>
  <span id="info"></span>
</header>
<main id="treemap" role="tree"></main>
<section>
  <h2>Chunks shown</h2>
  <table id="chunks"><thead><tr><th>chunk</th><th>emitted</th><th>modules</th></tr></thead><tbody></tbody></table>
  <h2>Duplicated packages</h2>
  <table id="duplicates"><thead><tr><th>bundle</th><th>package</th><th>copies</th></tr></thead><tbody></tbody></table>
</section>
<script type="application/json" id="nexxo-analyze-data">${data}</script>
<script>${script}</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);
}

const style = `
* { box-sizing: border-box; }
body { margin: 0; font: 13px/1.4 system-ui, sans-serif; color: #1c1c1c; background: #fafafa; }
header { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 8px 12px; border-bottom: 1px solid #ddd; background: #fff; }
h1 { font-size: 15px; margin: 0 12px 0 0; }
h2 { font-size: 14px; margin: 16px 0 6px; }
#crumbs button { border: 0; background: none; color: #0b57d0; cursor: pointer; padding: 0 2px; font: inherit; }
#info { color: #555; margin-left: auto; }
#treemap { position: relative; height: 70vh; margin: 8px 12px; background: #fff; border: 1px solid #ccc; overflow: hidden; }
.cell { position: absolute; overflow: hidden; border: 1px solid rgba(0,0,0,.25); font-size: 11px; cursor: pointer; }
.cell > .label { padding: 1px 3px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; pointer-events: none; }
.cell:hover { outline: 2px solid #000; z-index: 1; }
section { padding: 0 12px 24px; }
table { border-collapse: collapse; }
td, th { text-align: left; padding: 2px 10px 2px 0; vertical-align: top; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
`;

// Runs in the browser; plain ES2020, no dependencies.
const script = `
const data = JSON.parse(document.getElementById('nexxo-analyze-data').textContent);
const state = { environment: 'client', route: '', zoom: [] };
const $ = (id) => document.getElementById(id);
const formatBytes = (bytes) => bytes < 1000 ? bytes + ' B' : (bytes / 1000).toFixed(1) + ' kB';
const hue = (text) => { let h = 0; for (const c of text) h = (h * 31 + c.charCodeAt(0)) % 360; return h; };

for (const route of data.routes) $('route').add(new Option(route.id, route.id));

function chunksShown() {
  const chunks = data.environments[state.environment];
  if (!state.route) return chunks;
  const wanted = new Set(data.routes.find((route) => route.id === state.route).chunks[state.environment]);
  return chunks.filter((chunk) => wanted.has(chunk.file));
}

// chunk → package (or "app") → module; a node's value is the sum of its modules' rendered sizes.
function tree() {
  const root = { name: state.environment, children: [] };
  for (const chunk of chunksShown()) {
    const groups = new Map();
    for (const module of chunk.modules) {
      const key = module.package || 'app';
      if (!groups.has(key)) groups.set(key, { name: key, group: key, children: [] });
      groups.get(key).children.push({ name: module.path, group: key, value: module.size });
    }
    root.children.push({ name: chunk.file, chunk, children: [...groups.values()] });
  }
  const sum = (node) => node.children ? (node.value = node.children.reduce((total, child) => total + sum(child), 0)) : node.value;
  sum(root);
  return root;
}

function squarify(nodes, x, y, w, h) {
  const items = nodes.filter((node) => node.value > 0).sort((a, b) => b.value - a.value);
  const total = items.reduce((s, node) => s + node.value, 0);
  const out = [];
  if (!total || w <= 0 || h <= 0) return out;
  let rest = items.map((node) => ({ node, area: (node.value * w * h) / total }));
  while (rest.length) {
    const side = Math.min(w, h);
    const worst = (row) => {
      const s = row.reduce((a, r) => a + r.area, 0);
      const max = Math.max(...row.map((r) => r.area)), min = Math.min(...row.map((r) => r.area));
      return Math.max((side * side * max) / (s * s), (s * s) / (side * side * min));
    };
    const row = [rest[0]];
    let i = 1;
    while (i < rest.length && worst([...row, rest[i]]) <= worst(row)) row.push(rest[i++]);
    rest = rest.slice(i);
    const s = row.reduce((a, r) => a + r.area, 0);
    if (w >= h) {
      const width = s / h; let top = y;
      for (const r of row) { out.push({ node: r.node, x, y: top, w: width, h: r.area / width }); top += r.area / width; }
      x += width; w -= width;
    } else {
      const height = s / w; let left = x;
      for (const r of row) { out.push({ node: r.node, x: left, y, w: r.area / height, h: height }); left += r.area / height; }
      y += height; h -= height;
    }
  }
  return out;
}

function draw(parent, node, x, y, w, h, depth, trail) {
  for (const cell of squarify(node.children || [], x, y, w, h)) {
    if (cell.w < 2 || cell.h < 2) continue;
    const element = document.createElement('div');
    const child = cell.node;
    element.className = 'cell';
    element.dataset.name = child.name;
    element.dataset.depth = String(depth);
    element.title = child.name + '\\n' + formatBytes(child.value) + (child.chunk ? ' rendered, ' + formatBytes(child.chunk.size) + ' emitted' : '');
    element.style.cssText = 'left:' + cell.x + 'px;top:' + cell.y + 'px;width:' + cell.w + 'px;height:' + cell.h + 'px;background:hsl(' + hue(child.group || child.name) + ',55%,' + (70 + depth * 6) + '%)';
    const label = document.createElement('div');
    label.className = 'label';
    label.textContent = child.name + ' ' + formatBytes(child.value);
    element.append(label);
    element.addEventListener('click', (event) => {
      event.stopPropagation();
      if (child.children) { state.zoom = [...trail, child.name]; render(); }
    });
    element.addEventListener('mouseenter', () => ($('info').textContent = [...trail, child.name].join(' › ') + ' — ' + formatBytes(child.value)));
    parent.append(element);
    if (child.children && depth < 3 && cell.w > 30 && cell.h > 30) draw(element, child, 2, 18, cell.w - 6, cell.h - 22, depth + 1, [...trail, child.name]);
  }
}

function render() {
  let node = tree();
  const trail = [];
  for (const name of state.zoom) {
    const next = (node.children || []).find((child) => child.name === name);
    if (!next) break;
    node = next;
    trail.push(name);
  }
  state.zoom = trail;
  const crumbs = $('crumbs');
  crumbs.replaceChildren();
  [state.environment, ...trail].forEach((name, index) => {
    const button = document.createElement('button');
    button.textContent = name;
    button.addEventListener('click', () => { state.zoom = trail.slice(0, index); render(); });
    crumbs.append(index ? ' › ' : '', button);
  });
  const map = $('treemap');
  map.replaceChildren();
  draw(map, node, 0, 0, map.clientWidth, map.clientHeight, 0, trail);
  $('info').textContent = formatBytes(node.value || 0) + ' rendered in ' + chunksShown().length + ' chunk(s)';
  const rows = chunksShown().map((chunk) => '<tr><td></td><td class="number">' + formatBytes(chunk.size) + '</td><td class="number">' + chunk.modules.length + '</td></tr>');
  const body = $('chunks').tBodies[0];
  body.innerHTML = rows.join('');
  chunksShown().forEach((chunk, index) => (body.rows[index].cells[0].textContent = chunk.file + (chunk.isEntry ? ' (entry)' : '')));
}

const duplicates = $('duplicates').tBodies[0];
if (!data.duplicates.length) duplicates.insertRow().insertCell().textContent = 'none';
for (const duplicate of data.duplicates) {
  const row = duplicates.insertRow();
  row.insertCell().textContent = duplicate.environment;
  row.insertCell().textContent = duplicate.name;
  row.insertCell().textContent = duplicate.copies.map((copy) => copy.version + ' at ' + copy.path + ' (' + formatBytes(copy.size) + ' in ' + copy.chunks.join(', ') + ')').join('; ');
}

$('environment').addEventListener('change', (event) => { state.environment = event.target.value; state.zoom = []; render(); });
$('route').addEventListener('change', (event) => { state.route = event.target.value; state.zoom = []; render(); });
addEventListener('resize', render);
render();
`;
