/** Types of extension.mjs, for the TypeScript e2e suite. */
import type { LaunchOptions } from 'playwright-core';

export declare const root: string;
export declare function grantedCopy(options?: { allUrls?: boolean; pageCapture?: boolean }): string;
export declare function launchOptions(
  extension: string,
  lang?: string,
): LaunchOptions & { locale: string };
export declare function serveDir(
  dir: string,
): Promise<{ url: (name?: string) => string; close: () => Promise<void> }>;
