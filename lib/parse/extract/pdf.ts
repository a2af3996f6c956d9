import type { ExtractedDocument } from "./types";
export async function readPdf(fileName: string, bytes: Uint8Array): Promise<ExtractedDocument> {
  void fileName; void bytes;
  return { kind: "pdf", text: "", tables: [], warnings: [] };
}
