import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { ServerResponse } from 'node:http';
import { type DynamicModule, Inject, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { spaFallbackMiddleware } from './spa-fallback.middleware';

export interface WebUiOptions {
  /** The built SPA (`vite build` output). Relative paths resolve against process.cwd(). Default `dist/apps/web`. */
  readonly staticDir?: string;
}

const WEB_UI_OPTIONS = Symbol('WEB_UI_OPTIONS');

/** Serves the built web UI: its files, and index.html for any other page path the UI routes client-side. */
@Module({})
export class WebUiModule implements OnModuleInit {
  private readonly logger = new Logger('WebUi');

  static forRoot(options: WebUiOptions = {}): DynamicModule {
    return { module: WebUiModule, providers: [{ provide: WEB_UI_OPTIONS, useValue: options }] };
  }

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(WEB_UI_OPTIONS) private readonly options: WebUiOptions,
  ) {}

  /**
   * Mounted at module init, which Nest runs after it has mounted every controller and module middleware and
   * before its own 404 handler: the UI only answers what no API route did, in embedded mode as in the gateway.
   */
  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter;
    if (!(adapter instanceof ExpressAdapter)) {
      throw new Error('WebUiModule needs the Express platform (@nestjs/platform-express)');
    }
    const staticDir = resolve(process.cwd(), this.options.staticDir ?? 'dist/apps/web');
    const indexFile = join(staticDir, 'index.html');
    if (!existsSync(indexFile)) {
      this.logger.warn(`no web UI build at ${staticDir}; serving a placeholder page until \`npm run build:web\` runs`);
    }
    const hashedAssets = join(staticDir, 'assets') + sep;
    adapter.useStaticAssets(staticDir, {
      // `/` and directories fall through to the SPA fallback, which serves index.html uncached.
      index: false,
      redirect: false,
      setHeaders: (res: ServerResponse, file: string) => {
        // Vite puts a content hash in every name under assets/, so a given URL never changes meaning.
        if (file.startsWith(hashedAssets)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    });
    adapter.use(spaFallbackMiddleware(indexFile));
  }
}
