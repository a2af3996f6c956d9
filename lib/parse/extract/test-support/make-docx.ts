import { strToU8, zipSync } from "fflate";

/**
 * A minimal .docx around the given <w:body> content, so tests can state exact WordprocessingML
 * (bare <w:vMerge/>, w:gridBefore, nested tables) that generator libraries do not emit.
 */
export function makeDocx(bodyXml: string, parts: { rels?: string; files?: Record<string, string> } = {}): Uint8Array {
  const documentXml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<w:body>${bodyXml}</w:body></w:document>`;
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/document.xml": strToU8(documentXml),
    ...(parts.rels
      ? {
          "word/_rels/document.xml.rels": strToU8(
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
              `${parts.rels}</Relationships>`,
          ),
        }
      : {}),
    ...Object.fromEntries(Object.entries(parts.files ?? {}).map(([name, text]) => [name, strToU8(text)])),
  });
}

/** A paragraph with one run of text. */
export const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A table cell; props is raw <w:tcPr> content such as '<w:gridSpan w:val="2"/>' or '<w:vMerge/>'. */
export const tc = (content: string, props = "") => `<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ""}${content || "<w:p/>"}</w:tc>`;

export const tr = (...cells: string[]) => `<w:tr>${cells.join("")}</w:tr>`;

export const tbl = (...rows: string[]) => `<w:tbl>${rows.join("")}</w:tbl>`;
