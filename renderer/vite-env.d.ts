// Types for what Vite handles at build time (CSS imports), for the renderer only.
/// <reference types="vite/client" />
