/** Types of the two peers `npm run bench -- --pages` measures Vigie against (neither ships any). */
declare module 'mark.js' {
  export interface MarkOptions {
    accuracy?: 'partially' | 'complementary' | 'exactly' | { value: string; limiters: string[] };
    separateWordSearch?: boolean;
    diacritics?: boolean;
    caseSensitive?: boolean;
    acrossElements?: boolean;
    exclude?: string[];
    done?: (marked: number) => void;
  }
  export default class Mark {
    constructor(context: Element | Element[] | string);
    mark(keywords: string | string[], options?: MarkOptions): void;
  }
}

declare module 'dom-anchor-text-quote' {
  export interface TextQuote {
    exact: string;
    prefix?: string;
    suffix?: string;
  }
  export function toRange(
    root: Node,
    selector: TextQuote,
    options?: { hint?: number },
  ): Range | null;
}
