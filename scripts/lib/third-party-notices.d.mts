/** Types of third-party-notices.mjs, for vite.config.ts and the unit tests. */
export declare function thirdPartyNotices(root: string): string;
