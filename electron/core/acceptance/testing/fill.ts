import type { AcceptanceDetail } from '../../../api/schemas/acceptance.ts';

/** The smallest file each evidence type accepts (the first bytes are checked). */
export const samplePdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const samplePng = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001', 'hex');

interface Caller {
  ok(name: string, input: unknown): Promise<unknown>;
}

/** Marks every item 符合 (with a reason where the system found otherwise) and gives every item that needs it one evidence file, as an office would before 报市局验收. */
export async function fillFile(node: Caller, detail: AcceptanceDetail, pdf: Buffer = samplePdf): Promise<void> {
  const staged = (await node.ok('files.stage', { name: '制度汇编.pdf', contentBase64: pdf.toString('base64') })) as { id: string };
  for (const area of detail.areas) {
    for (const item of area.items) {
      // an item the system found 不符合 is marked 符合 with a reason, as an office that checked on site would
      const reason = item.prefill?.outcome === 'fail' ? '已现场核实' : null;
      if (item.result === null || item.result === 'fail') await node.ok('acceptance.saveItem', { itemId: item.id, version: item.version, result: 'pass', comment: '已核查', contradictionReason: reason });
      if (item.evidenceRequired && item.result !== 'na' && item.evidence.length === 0) await node.ok('acceptance.attachEvidence', { itemId: item.id, stagedId: staged.id });
    }
  }
}
