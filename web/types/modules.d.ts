// Type declarations for small packages that ship none.
declare module 'hypher' {
  interface HyphenationPatterns {
    id?: string;
    leftmin: number;
    rightmin: number;
    patterns: Record<number, string>;
    exceptions?: string;
  }
  export default class Hypher {
    constructor(language: HyphenationPatterns);
    /** The word split at every allowed hyphenation point. */
    hyphenate(word: string): string[];
  }
}

declare module 'hyphenation.fr' {
  const patterns: {
    id: string;
    leftmin: number;
    rightmin: number;
    patterns: Record<number, string>;
  };
  export default patterns;
}
