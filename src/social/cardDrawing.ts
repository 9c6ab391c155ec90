/**
 * The cluster drawing on a social card: the same geometry as the page's diagram (wide
 * layout), drawn with plain SVG attributes because the rasteriser has no site stylesheet.
 * Only names are drawn (no addresses): at card size they are what stays legible.
 */
import { layoutCluster, pathData, routePath, type DiagramCluster, type Route } from '../components/diagram/layout';
import { CARD_FONT_FAMILY } from './fonts';
import { escapeXml } from './xml';

/** What a card draws: a cluster and the routes to show on it. */
export interface CardDrawing {
  readonly cluster: DiagramCluster;
  readonly routes: readonly Route[];
  /** The word for the external client, in the card's language. */
  readonly clientLabel: string;
}

/** Colours of the light palette (src/styles/global.css), repeated: the card has no CSS. */
const colour = {
  lan: '#8c959f',
  client: '#f3f0ff',
  clientStroke: '#8a7fd0',
  node: '#f6f8fa',
  nodeStroke: '#8c959f',
  pod: '#e6f4ea',
  podStroke: '#4a9a63',
  badge: '#0b5cad',
  text: '#1b1f24',
  muted: '#57606a',
  request: '#0b5cad',
  local: '#1a7f37',
  forwarded: '#bc4c00',
  dropped: '#cf222e',
} as const;

/** The drawing's natural size (before the card scales it). */
export function drawingSize(drawing: CardDrawing): { width: number; height: number } {
  const { width, height } = layoutCluster(drawing.cluster, 'wide');
  return { width, height };
}

/** SVG elements of the drawing in its own coordinates (0,0 at its top left). */
export function drawingSvg(drawing: CardDrawing): string {
  const layout = layoutCluster(drawing.cluster, 'wide');
  const text = (x: number, y: number, size: number, weight: number, fill: string, body: string, anchor = 'start') =>
    `<text x="${x}" y="${y}" font-family="${CARD_FONT_FAMILY}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}">${escapeXml(body)}</text>`;
  const rect = (r: { x: number; y: number; width: number; height: number }, fill: string, stroke: string, rx: number) =>
    `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" rx="${rx}" fill="${fill}" stroke="${stroke}" stroke-width="2"/>`;
  const { bus, client } = layout;
  const parts: string[] = [
    `<defs>${(['request', 'local', 'forwarded'] as const)
      .map(
        (kind) =>
          `<marker id="card-arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0 0 L10 5 L0 10 z" fill="${colour[kind]}"/></marker>`,
      )
      .join('')}</defs>`,
    `<line x1="${bus.from.x}" y1="${bus.from.y}" x2="${bus.to.x}" y2="${bus.to.y}" stroke="${colour.lan}" stroke-width="4" stroke-linecap="round"/>`,
    rect(client.rect, colour.client, colour.clientStroke, 10),
    text(
      client.rect.x + client.rect.width / 2,
      client.rect.y + 36,
      22,
      700,
      colour.text,
      drawing.clientLabel,
      'middle',
    ),
  ];
  for (const box of layout.nodes) {
    parts.push(
      `<line x1="${box.port.x}" y1="${box.port.y}" x2="${box.port.x}" y2="${bus.at}" stroke="${colour.lan}" stroke-width="3"/>`,
      rect(box.rect, colour.node, colour.nodeStroke, 12),
      text(box.labels.name.x, box.labels.name.y + 8, 26, 700, colour.text, box.node.name),
    );
    if (box.pods.length === 0) {
      const slot = box.emptySlot;
      parts.push(
        `<rect x="${slot.x}" y="${slot.y}" width="${slot.width}" height="${slot.height}" rx="10" fill="none" stroke="${colour.nodeStroke}" stroke-width="2" stroke-dasharray="6 6"/>`,
      );
    }
    for (const pod of box.pods) {
      parts.push(
        rect(pod.rect, colour.pod, colour.podStroke, 10),
        text(
          pod.rect.x + pod.rect.width / 2,
          pod.rect.y + pod.rect.height / 2 + 9,
          24,
          700,
          colour.text,
          pod.pod.name,
          'middle',
        ),
      );
    }
  }
  for (const route of drawing.routes) {
    const path = routePath(layout, route);
    const marker = path.kind === 'dropped' ? '' : ` marker-end="url(#card-arrow-${path.kind})"`;
    const dash = path.kind === 'forwarded' ? ' stroke-dasharray="10 6"' : '';
    parts.push(
      `<path d="${pathData(path.points)}" fill="none" stroke="${colour[path.kind]}" stroke-width="4" stroke-linejoin="round"${dash}${marker}/>`,
    );
  }
  // A ClusterIP Service has no NodePort to badge.
  for (const box of drawing.cluster.nodePort > 0 ? layout.nodes : []) {
    const b = box.badge;
    parts.push(
      `<rect x="${b.x}" y="${b.y - 3}" width="${b.width}" height="${b.height + 6}" rx="${(b.height + 6) / 2}" fill="${colour.badge}"/>`,
    );
    parts.push(
      text(b.x + b.width / 2, b.y + b.height / 2 + 6, 17, 700, '#ffffff', `:${drawing.cluster.nodePort}`, 'middle'),
    );
  }
  return parts.join('');
}
