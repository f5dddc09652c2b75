/** Types of chromium.mjs, for the TypeScript tests that launch the browser it finds. */
export declare const CHROMIUM_ARGS: string[];
export declare const HEADLESS_ARGS: string[];
export declare function candidatePaths(): string[];
export declare function findChromium(): string | null;
