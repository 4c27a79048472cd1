import { createRequire } from "node:module";

import { Font } from "@react-pdf/renderer";

import { FONT_FAMILY } from "./styles";

/**
 * Arimo (SIL Open Font License), from the @expo-google-fonts/arimo npm package: TrueType files
 * that fontkit reads and react-pdf subsets and embeds. Arimo is metric-compatible with Arial, the
 * font NHS.UK falls back to, so the PDF looks like the HTML report. Resolved through Node's module
 * resolution, so the same code finds the files from source and from the bundle in build/server/.
 */
const require = createRequire(import.meta.url);
const fontFile = (path: string) => require.resolve(`@expo-google-fonts/arimo/${path}`);

export function registerReportFonts(): void {
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: fontFile("400Regular/Arimo_400Regular.ttf"), fontWeight: 400 },
      { src: fontFile("700Bold/Arimo_700Bold.ttf"), fontWeight: 700 },
    ],
  });
  // Hyphenation splits place names and theme names across lines; reports read better without it.
  Font.registerHyphenationCallback((word) => [word]);
}
