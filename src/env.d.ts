/// <reference types="svelte" />
/// <reference types="vite/client" />

/** Hash over every file in `decks/`, set at build time by vite.config.ts. */
declare const __BUNDLED_DECKS_HASH__: string;
