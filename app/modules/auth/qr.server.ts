import QRCode from "qrcode";

export interface QrCodePath {
  /** Side of the square in modules, including a 4-module quiet zone. */
  size: number;
  /** SVG path data drawing every dark module as a 1x1 square. */
  path: string;
}

/** A QR code as SVG path data, computed here so no image is fetched from anywhere. */
export function qrCodePath(text: string): QrCodePath {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const quiet = 4;
  const commands: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.get(row, column)) commands.push(`M${column + quiet} ${row + quiet}h1v1h-1z`);
    }
  }
  return { size: modules.size + quiet * 2, path: commands.join("") };
}
