import QRCode from 'qrcode';
import { useMemo } from 'react';

/** Four modules of white around the symbol, as the QR standard asks. */
const QUIET = 4;

/**
 * A QR code as vector (one SVG path), sized by its symbol: `symbolMm` wide without the
 * quiet zone, whatever the version, so a printed module is symbolMm / modules (a
 * version-10 code at 31 mm: 0.54 mm) and no printer or PDF resampling blurs its edges.
 * Error correction M; the qrcode package picks the alphanumeric mode for a QKL2 payload.
 */
export function QrSvg({ text, symbolMm, label, testId }: { text: string; symbolMm: number; label: string; testId?: string }) {
  const { size, path } = useMemo(() => {
    const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const n = qr.modules.size;
    let d = '';
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        if (!qr.modules.get(x, y)) continue;
        let run = 1;
        while (x + run < n && qr.modules.get(x + run, y)) run++;
        d += `M${x + QUIET} ${y + QUIET}h${run}v1h-${run}z`;
        x += run - 1;
      }
    }
    return { size: n, path: d };
  }, [text]);
  const total = size + 2 * QUIET;
  const mm = (symbolMm * total) / size;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${total} ${total}`}
      width={`${mm.toFixed(2)}mm`}
      height={`${mm.toFixed(2)}mm`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={label}
      data-testid={testId}
      data-modules={size}
    >
      <rect width={total} height={total} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
