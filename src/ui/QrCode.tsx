import { useMemo } from 'react';
import qrcode from 'qrcode-generator';

export interface QrCodeProps {
  readonly value: string;
  /** Accessible name of the picture. */
  readonly label: string;
  readonly className?: string;
}

/** A QR code drawn locally as SVG (no network, no HTML injection: one path built from the module grid). */
export function QrCode({ value, label, className = '' }: QrCodeProps) {
  const { size, path } = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(value);
    qr.make();
    const count = qr.getModuleCount();
    let d = '';
    for (let row = 0; row < count; row++) {
      for (let col = 0; col < count; col++) if (qr.isDark(row, col)) d += `M${col + 4} ${row + 4}h1v1h-1z`;
    }
    // 4 modules of quiet zone on each side, as the QR specification asks.
    return { size: count + 8, path: d };
  }, [value]);
  return (
    <svg className={`qr-code ${className}`} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} data-qr-value={value} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
