/**
 * Document attachments are accepted for what their bytes are: PDF, Word and Excel (2007+ zips
 * with `[Content_Types].xml` and their main part; legacy compound files by their main stream),
 * and nothing else whatever its name says.
 */
import { attachmentName, detectDocumentType, DOCUMENT_MAX_BYTES, documentProblem, zipEntryNames } from '../../domain/attachments'
import { docxBytes, exeBytes, oleBytes, pdfBytes, plainZipBytes, pptxBytes, xlsxBytes } from '../../testing/documents'

describe('detectDocumentType', () => {
  it('recognises PDF, DOCX, XLSX, DOC and XLS by content', async () => {
    expect(detectDocumentType(pdfBytes())).toBe('pdf')
    expect(detectDocumentType(await docxBytes())).toBe('docx')
    expect(detectDocumentType(await xlsxBytes())).toBe('xlsx')
    expect(detectDocumentType(oleBytes('WordDocument'))).toBe('doc')
    expect(detectDocumentType(oleBytes('Workbook'))).toBe('xls')
  })

  it('reads a real Excel workbook (as exceljs writes it) as XLSX', async () => {
    const ExcelJS = (await import('exceljs')).default
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('进展').addRow(['任务', '进度'])
    const bytes = Buffer.from(await wb.xlsx.writeBuffer())
    expect(zipEntryNames(bytes)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml']))
    expect(detectDocumentType(bytes)).toBe('xlsx')
  })

  it('refuses an executable, a plain zip, another Office kind, a picture, a cut-off zip and an unknown compound file', async () => {
    expect(detectDocumentType(exeBytes())).toBeNull()
    expect(detectDocumentType(await plainZipBytes())).toBeNull()
    expect(detectDocumentType(await pptxBytes())).toBeNull()
    expect(detectDocumentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]))).toBeNull()
    const docx = await docxBytes()
    // Only the first part arrived: no central directory, so no proof it is a Word file.
    expect(detectDocumentType(docx.subarray(0, docx.length - 30))).toBeNull()
    expect(detectDocumentType(oleBytes('PowerPoint Document'))).toBeNull()
    // `%PDF` must open the file: a PDF signature further in does not make it one.
    expect(detectDocumentType(Buffer.concat([exeBytes(), pdfBytes()]))).toBeNull()
  })
})

describe('documentProblem', () => {
  it('says why: empty, over 10 MB, not a document', () => {
    expect(documentProblem(0, Buffer.alloc(0))).toBe('文件是空的，请重新选择')
    expect(documentProblem(DOCUMENT_MAX_BYTES + 1, pdfBytes())).toBe('文件不能超过 10 MB')
    expect(documentProblem(exeBytes().length, exeBytes())).toMatch(/只能上传 PDF、Word（doc\/docx）或 Excel（xls\/xlsx）/)
    expect(documentProblem(pdfBytes().length, pdfBytes())).toBeNull()
    expect(documentProblem(DOCUMENT_MAX_BYTES, pdfBytes())).toBeNull()
  })
})

describe('attachmentName', () => {
  it('keeps the given name, drops paths and header-breaking characters, and ends in the real type', () => {
    expect(attachmentName('2026年第三季度简报.pdf', 'pdf')).toBe('2026年第三季度简报.pdf')
    expect(attachmentName('C:\\docs\\进展"表".XLSX', 'xlsx')).toBe('进展表.XLSX')
    expect(attachmentName('../../etc/passwd', 'pdf')).toBe('passwd.pdf')
    expect(attachmentName('报告.exe', 'pdf')).toBe('报告.exe.pdf')
    expect(attachmentName('', 'docx')).toBe('附件.docx')
    expect(attachmentName('line\r\nbreak.doc', 'doc')).toBe('linebreak.doc')
    const long = attachmentName(`${'长'.repeat(200)}.pdf`, 'pdf')
    expect(long.length).toBeLessThanOrEqual(80)
    expect(long.endsWith('.pdf')).toBe(true)
  })
})
