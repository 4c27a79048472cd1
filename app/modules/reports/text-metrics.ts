/**
 * Text widths for laying out charts and planning PDF pages without a layout engine. The figures
 * are the advance widths (thousandths of an em) of Arimo, which the PDF embeds; Arimo is
 * metric-compatible with Arial, the font the HTML report falls back to, so both renderers agree.
 */

// Printable ASCII, from space (32) to tilde (126).
const regularWidths =
  "278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584"
    .split(",")
    .map(Number);
const boldWidths =
  "278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,333,556,611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,556,556,500,389,280,389,584"
    .split(",")
    .map(Number);
const typographic: Record<string, number> = { "‘": 222, "’": 222, "“": 333, "”": 333, "–": 556, "—": 1000, "…": 1000, "£": 556 };
/** Anything else (accented letters, other scripts): a little wider than average, to stay safe. */
const fallbackWidth = 600;

export type FontWeight = "regular" | "bold";

function charWidth(char: string, weight: FontWeight): number {
  const code = char.charCodeAt(0);
  if (code >= 32 && code <= 126) return (weight === "bold" ? boldWidths : regularWidths)[code - 32]!;
  return typographic[char] ?? fallbackWidth;
}

/** Width in points (or pixels) of `text` set in Arimo/Arial at `fontSize`. */
export function textWidth(text: string, fontSize: number, weight: FontWeight = "regular"): number {
  let total = 0;
  for (const char of text) total += charWidth(char, weight);
  return (total / 1000) * fontSize;
}

/** How many lines `text` takes when wrapped at spaces into `width`, as a browser or react-pdf would. */
export function lineCount(text: string, fontSize: number, width: number, weight: FontWeight = "regular"): number {
  const space = textWidth(" ", fontSize, weight);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    lines += 1;
    let lineWidth = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const wordWidth = textWidth(word, fontSize, weight);
      if (lineWidth > 0 && lineWidth + space + wordWidth > width) {
        lines += 1;
        lineWidth = 0;
      }
      // A word longer than the line is broken across lines.
      const extraLines = Math.max(0, Math.ceil(wordWidth / width) - 1);
      lines += extraLines;
      lineWidth = (lineWidth > 0 ? lineWidth + space : 0) + (extraLines > 0 ? wordWidth - extraLines * width : wordWidth);
    }
  }
  return lines;
}
