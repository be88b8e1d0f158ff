/**
 * Draws a recorded Sheets chart as inline SVG, close to how Sheets draws it: a title, the data of its
 * range (first column the labels, then one series), the axis titles, and a text alternative for
 * screen readers. No dependency: four chart types, each a few shapes.
 */
export interface ChartData {
  type: string;
  title: string;
  vAxis: string;
  hAxis: string;
  header: string[];
  rows: { label: string; values: (number | null)[] }[];
}

const SVG = 'http://www.w3.org/2000/svg';
const COLORS = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1', '#ff7043', '#9e9d24'];

function node<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) element.setAttribute(k, String(v));
  if (text !== undefined) element.textContent = text;
  return element;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/** A "nice" axis from the data's range, always including 0. */
function axis(values: number[]): { min: number; max: number; ticks: number[] } {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const span = hi - lo || 1;
  const step0 = span / 5;
  const magnitude = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= step0) ?? step0;
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step || step;
  const ticks: number[] = [];
  for (let t = min; t <= max + step / 2; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  return { min, max, ticks };
}

export function drawChart(chart: ChartData, width: number, height: number): SVGSVGElement {
  const points = chart.rows
    .filter((r) => r.label !== '' && typeof r.values[0] === 'number')
    .map((r) => ({ label: r.label, value: r.values[0] as number }));
  const series = chart.header[1] ?? '';
  const summary = points.length
    ? `${chart.title}. ${points.map((p) => `${p.label}: ${fmt(p.value)}`).join('; ')}.`
    : `${chart.title}. No data yet.`;
  const svg = node('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': summary,
    class: 'chart',
  });
  svg.append(node('rect', { x: 0, y: 0, width, height, fill: '#fff', stroke: '#dadce0' }));
  svg.append(
    node('text', { x: 16, y: 26, 'font-size': 15, 'font-family': 'Arial', fill: '#202124' }, chart.title),
  );
  if (points.length === 0) {
    svg.append(
      node(
        'text',
        {
          x: width / 2,
          y: height / 2,
          'text-anchor': 'middle',
          'font-size': 13,
          fill: '#5f6368',
          'font-family': 'Arial',
        },
        'No data',
      ),
    );
    return svg;
  }
  if (chart.type === 'PIE') drawPie(svg, points, width, height);
  else drawAxes(svg, chart, series, points, width, height);
  return svg;
}

function drawPie(
  svg: SVGSVGElement,
  points: { label: string; value: number }[],
  width: number,
  height: number,
): void {
  const total = points.reduce((s, p) => s + Math.max(0, p.value), 0);
  const cx = width * 0.35;
  const cy = height / 2 + 14;
  const r = Math.min(width, height) * 0.32;
  let angle = -Math.PI / 2;
  points.forEach((p, i) => {
    const share = total > 0 ? Math.max(0, p.value) / total : 0;
    const color = COLORS[i % COLORS.length] ?? '#4285f4';
    if (share >= 0.9999) svg.append(node('circle', { cx, cy, r, fill: color }));
    else if (share > 0) {
      const end = angle + share * 2 * Math.PI;
      const large = share > 0.5 ? 1 : 0;
      const d = `M${cx},${cy} L${cx + r * Math.cos(angle)},${cy + r * Math.sin(angle)} A${r},${r} 0 ${large} 1 ${cx + r * Math.cos(end)},${cy + r * Math.sin(end)} Z`;
      svg.append(node('path', { d, fill: color, stroke: '#fff' }));
      angle = end;
    }
    const y = 70 + i * 22;
    svg.append(node('rect', { x: width * 0.68, y: y - 10, width: 12, height: 12, fill: color }));
    svg.append(
      node(
        'text',
        { x: width * 0.68 + 18, y, 'font-size': 12, 'font-family': 'Arial', fill: '#202124' },
        `${p.label} (${fmt(p.value)}, ${Math.round(share * 100)}%)`,
      ),
    );
  });
}

function drawAxes(
  svg: SVGSVGElement,
  chart: ChartData,
  series: string,
  points: { label: string; value: number }[],
  width: number,
  height: number,
): void {
  const horizontal = chart.type === 'BAR';
  const left = horizontal ? 190 : 64;
  const top = 48;
  const right = width - 24;
  const bottom = height - (horizontal ? 52 : 78);
  const { min, max, ticks } = axis(points.map((p) => p.value));
  const text = (attrs: Record<string, string | number>, value: string) =>
    node('text', { 'font-size': 11, 'font-family': 'Arial', fill: '#5f6368', ...attrs }, value);
  const scale = (v: number, from: number, to: number) => from + ((v - min) / (max - min || 1)) * (to - from);
  const band = (horizontal ? bottom - top : right - left) / points.length;
  for (const t of ticks) {
    if (horizontal) {
      const x = scale(t, left, right);
      svg.append(
        node('line', { x1: x, y1: top, x2: x, y2: bottom, stroke: t === 0 ? '#5f6368' : '#e8eaed' }),
      );
      svg.append(text({ x, y: bottom + 16, 'text-anchor': 'middle' }, fmt(t)));
    } else {
      const y = scale(t, bottom, top);
      svg.append(
        node('line', { x1: left, y1: y, x2: right, y2: y, stroke: t === 0 ? '#5f6368' : '#e8eaed' }),
      );
      svg.append(text({ x: left - 6, y: y + 4, 'text-anchor': 'end' }, fmt(t)));
    }
  }
  const color = COLORS[0] ?? '#4285f4';
  const short = (label: string, max: number) => (label.length > max ? `${label.slice(0, max - 1)}…` : label);
  if (chart.type === 'LINE') {
    const xy = points.map((p, i) => [left + band * (i + 0.5), scale(p.value, bottom, top)] as const);
    svg.append(
      node('polyline', {
        points: xy.map(([x, y]) => `${x},${y}`).join(' '),
        fill: 'none',
        stroke: color,
        'stroke-width': 2,
      }),
    );
    xy.forEach(([x, y]) => svg.append(node('circle', { cx: x, cy: y, r: 3, fill: color })));
  }
  points.forEach((p, i) => {
    if (horizontal) {
      const y = top + band * i + band * 0.15;
      const x0 = scale(0, left, right);
      const x1 = scale(p.value, left, right);
      svg.append(
        node('rect', { x: Math.min(x0, x1), y, width: Math.abs(x1 - x0), height: band * 0.7, fill: color }),
      );
      svg.append(text({ x: left - 6, y: y + band * 0.45, 'text-anchor': 'end' }, short(p.label, 30)));
    } else {
      const cx = left + band * (i + 0.5);
      if (chart.type === 'COLUMN') {
        const y0 = scale(0, bottom, top);
        const y1 = scale(p.value, bottom, top);
        svg.append(
          node('rect', {
            x: cx - band * 0.3,
            y: Math.min(y0, y1),
            width: band * 0.6,
            height: Math.abs(y1 - y0),
            fill: color,
          }),
        );
      }
      const label = text(
        { x: cx, y: bottom + 14, 'text-anchor': 'end', transform: `rotate(-30 ${cx} ${bottom + 14})` },
        short(p.label, 22),
      );
      svg.append(label);
    }
  });
  if (chart.vAxis)
    svg.append(
      text(
        {
          x: 14,
          y: (top + bottom) / 2,
          transform: `rotate(-90 14 ${(top + bottom) / 2})`,
          'text-anchor': 'middle',
        },
        chart.vAxis,
      ),
    );
  if (chart.hAxis)
    svg.append(text({ x: (left + right) / 2, y: height - 8, 'text-anchor': 'middle' }, chart.hAxis));
  if (series) svg.append(text({ x: right, y: 26, 'text-anchor': 'end' }, series));
}
