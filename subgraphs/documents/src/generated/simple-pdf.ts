/** One line of a generated document: plain text, or a heading in a larger type. */
export type PdfLine = string | { heading: string };

// Helvetica with WinAnsiEncoding covers French text; a few common characters outside Latin-1 are spelled out.
const REPLACEMENTS: Record<string, string> = { '’': "'", '‘': "'", '“': '"', '”': '"', '–': '-', '—': '-', '…': '...', 'œ': 'oe', 'Œ': 'OE', '€': 'EUR', '\u202f': ' ', '\u00a0': ' ' };

function latin1(text: string): string {
  return [...text].map((char) => REPLACEMENTS[char] ?? (char.charCodeAt(0) <= 0xff ? char : '?')).join('');
}

const escape = (text: string) => latin1(text).replace(/[\\()]/g, (char) => `\\${char}`);

/**
 * A one-page A4 PDF of text lines (PDF 1.4, Helvetica, no dependency): enough for generated attestations and
 * forms to open in any viewer. Lines past the bottom of the page are not shown, so keep documents short.
 */
export function simplePdf(lines: PdfLine[]): Buffer {
  const operations = ['BT', '72 770 Td'];
  for (const line of lines) {
    if (typeof line === 'string') operations.push('/F1 11 Tf', '16 TL', `(${escape(line)}) '`);
    else operations.push('/F2 16 Tf', '28 TL', `(${escape(line.heading)}) '`);
  }
  operations.push('ET');
  const content = operations.join('\n');
  const font = (name: string) => `<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    font('Helvetica'),
    font('Helvetica-Bold'),
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
