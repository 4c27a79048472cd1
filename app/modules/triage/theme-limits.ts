/** A priority may carry up to this many themes (DESIGN.md: taxonomy). */
export const MAX_THEMES = 3;
