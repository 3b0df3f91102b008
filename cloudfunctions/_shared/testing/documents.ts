/**
 * Small real documents for tests: a PDF, Word and Excel 2007+ files built as Office writes them
 * (a zip with `[Content_Types].xml`, `_rels/.rels` and the main part), legacy Word / Excel
 * compound-file headers, and the look-alikes that must be refused (an executable renamed `.pdf`,
 * a plain zip, an Office zip of another kind).
 */
import JSZip from 'jszip'

/** A one-page PDF (valid structure, tiny). */
export function pdfBytes(text = '创业社区 简报附件'): Buffer {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    `% ${text}`,
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n')
  return Buffer.from(body, 'utf8')
}

const CT = (main: string, type: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="${type}"/></Types>`

async function ooxml(parts: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip()
  for (const [name, text] of Object.entries(parts)) zip.file(name, text)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

/** A Word 2007+ document. */
export function docxBytes(): Promise<Buffer> {
  return ooxml({
    '[Content_Types].xml': CT('word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'),
    '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>认定报告</w:t></w:r></w:p></w:body></w:document>',
  })
}

/** An Excel 2007+ workbook. */
export function xlsxBytes(): Promise<Buffer> {
  return ooxml({
    '[Content_Types].xml': CT('xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'),
    '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
  })
}

/** A zip that is not an Office file (no `[Content_Types].xml`). */
export function plainZipBytes(): Promise<Buffer> {
  return ooxml({ 'readme.txt': 'just a zip', 'word/document.xml': '<x/>' })
}

/** An OOXML package of another kind (PowerPoint): not accepted. */
export function pptxBytes(): Promise<Buffer> {
  return ooxml({ '[Content_Types].xml': CT('ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'), 'ppt/presentation.xml': '<p/>' })
}

/**
 * A legacy compound file ([MS-CFB]): the 8-byte signature, a 512-byte header and one directory
 * sector naming `stream` in UTF-16LE, as Word (`WordDocument`) or Excel (`Workbook`) write it.
 */
export function oleBytes(stream: string): Buffer {
  const header = Buffer.alloc(512)
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header)
  const dir = Buffer.alloc(512)
  Buffer.from('Root Entry', 'utf16le').copy(dir, 0)
  Buffer.from(stream, 'utf16le').copy(dir, 128)
  return Buffer.concat([header, dir])
}

/** A Windows executable (MZ header), as someone might rename it `报告.pdf`. */
export function exeBytes(): Buffer {
  return Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from('This program cannot be run in DOS mode.'), Buffer.alloc(64, 0x90)])
}
