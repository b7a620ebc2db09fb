import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where Swagger UI's page finds its documents: one, or several to pick from (the gateway's per-service docs). */
export type SwaggerUiSources = { readonly url: string } | { readonly urls: readonly { readonly name: string; readonly url: string }[] };

const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
};

/** The Swagger UI page mounted at `basePath`; its assets and start script are fetched from `<basePath>/assets/`. */
export function swaggerUiPage(basePath: string, title: string): string {
  const assets = `${basePath.replace(/\/$/, '')}/assets`;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${assets}/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="${assets}/swagger-ui-bundle.js"></script>
<script src="${assets}/swagger-ui-standalone-preset.js"></script>
<script src="${assets}/start.js"></script>
</body></html>
`;
}

/** The start script, served as a file rather than inline so a strict Content-Security-Policy can stay on. */
export function swaggerUiStartScript(sources: SwaggerUiSources): string {
  const config = { ...sources, dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: false };
  return `window.ui = SwaggerUIBundle(Object.assign(${JSON.stringify(config)}, {
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: 'StandaloneLayout' }));\n`;
}

/** A Swagger UI asset by file name (only the three the page uses), or null. */
export function swaggerUiAsset(file: string): { readonly body: Buffer; readonly contentType: string } | null {
  const contentType = ASSETS[file];
  if (!contentType) return null;
  // swagger-ui-dist's package folder, resolved through its package.json so bundling and hoisting do not matter.
  const dir = join(require.resolve('swagger-ui-dist/package.json'), '..');
  return { body: readFileSync(join(dir, file)), contentType };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}
