import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import type { FileOutput } from '../../api/schemas/files.ts';
import type { SummaryDetail } from '../../api/schemas/summaries.ts';
import type { CoreContext } from '../context.ts';
import { localDate } from '../registry/as-of.ts';
import { dateLabel, firstDay, lastDay, monthLabel, today } from './month.ts';

// The summary as a Word document in the layout of an official paper (after GB/T 9704):
// A4 with 37/35/28/26 mm margins, the title in 黑体 二号, headings 一、二、… in 黑体 三号,
// the text in 仿宋 三号 on a fixed 28 pt line with a two-character first-line indent,
// the figures as a table, the authority and the date at the foot, page numbers
// “— 1 —”. The fonts are named, not embedded: every Chinese Windows has them.

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const mm = (v: number) => Math.round((v / 25.4) * 1440);
const FANGSONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' };
const HEITI = { ascii: '黑体', hAnsi: '黑体', eastAsia: '黑体', cs: '黑体' };
/** 三号 16 pt, 二号 22 pt, 小四 12 pt; docx sizes are half-points */
const SIZE = { title: 44, body: 32, table: 24, footer: 28 };
const LINE = { line: 560, lineRule: LineRuleType.EXACT };

const run = (text: string, options: Partial<IRunOptions> = {}) => new TextRun({ text, font: FANGSONG, size: SIZE.body, ...options });

function body(text: string): Paragraph {
  return new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, children: [run(text)] });
}

function heading(text: string): Paragraph {
  return new Paragraph({ spacing: LINE, indent: { firstLine: 640 }, children: [run(text, { font: HEITI })] });
}

/** One paragraph per line the office wrote; an empty section says so rather than vanish. */
function paragraphs(text: string | null): Paragraph[] {
  const lines = (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.length ? lines.map(body) : [body('（未填写）')];
}

function cell(text: string, options: { header?: boolean; width: number; center?: boolean }): TableCell {
  return new TableCell({
    width: { size: options.width, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: [
      new Paragraph({
        alignment: options.center || options.header ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text, font: options.header ? HEITI : FANGSONG, size: SIZE.table })],
      }),
    ],
  });
}

function figuresTable(detail: SummaryDetail): Table {
  const widths = [22, 38, 16, 24];
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, children: ['类别', '项目', '本月情况', '说明'].map((h, i) => cell(h, { header: true, width: widths[i]! })) }),
      ...detail.rows.map(
        (r) =>
          new TableRow({
            children: [cell(r.section, { width: widths[0]! }), cell(r.label, { width: widths[1]! }), cell(r.value, { width: widths[2]!, center: true }), cell(r.note ?? '', { width: widths[3]! })],
          }),
      ),
    ],
  });
}

function period(detail: SummaryDetail): string {
  const f = detail.figures;
  const from = f?.from ?? firstDay(detail.month);
  const to = f?.to ?? lastDay(detail.month);
  const snapshot = f && f.asOf !== to ? `，清单、小组等数据截至${dateLabel(f.asOf)}` : '';
  return `本月主要工作数据如下（统计区间${dateLabel(from)}至${dateLabel(to)}${snapshot}）：`;
}

export async function summaryDocx(ctx: CoreContext, detail: SummaryDetail): Promise<FileOutput> {
  const final = detail.status === 'submitted' || detail.status === 'received';
  const signedOn = detail.submittedAt && final ? localDate(new Date(detail.submittedAt)) : today(ctx);
  const attachments = detail.attachments.map((a, i) => `${i + 1}. ${a.fileName}`);
  const children: Array<Paragraph | Table> = [
    ...(final ? [] : [new Paragraph({ alignment: AlignmentType.LEFT, children: [run('（草稿，尚未报送）', { font: HEITI, size: SIZE.table })] })]),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 280 }, children: [new TextRun({ text: detail.title, font: HEITI, size: SIZE.title })] }),
    body(`现将我局${monthLabel(detail.month)}特种设备“区、块、链”监管工作情况报告如下：`),
    heading('一、工作开展情况'),
    ...(detail.narrative ? paragraphs(detail.narrative) : []),
    body(period(detail)),
    ...(detail.rows.length ? [figuresTable(detail)] : [body('（本月数据无法读取，请在程序中刷新后重新导出。）')]),
    heading('二、工作经验'),
    ...paragraphs(detail.experience),
    heading('三、存在问题'),
    ...paragraphs(detail.problems),
    heading('四、意见建议'),
    ...paragraphs(detail.proposals),
    ...(attachments.length
      ? [
          new Paragraph({ spacing: { ...LINE, before: 560 }, indent: { firstLine: 640 }, children: [run(`附件：${attachments[0]}`)] }),
          ...attachments.slice(1).map((a) => new Paragraph({ spacing: LINE, indent: { left: 640 + 960 }, children: [run(a)] })),
        ]
      : []),
    new Paragraph({ spacing: { ...LINE, before: 1120 }, alignment: AlignmentType.RIGHT, indent: { right: 640 }, children: [run(detail.authority)] }),
    new Paragraph({ spacing: LINE, alignment: AlignmentType.RIGHT, indent: { right: 1280 }, children: [run(dateLabel(signedOn))] }),
  ];
  const doc = new Document({
    creator: detail.authority,
    title: detail.title,
    styles: { default: { document: { run: { font: FANGSONG, size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } } },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { ascii: '宋体', hAnsi: '宋体', eastAsia: '宋体' }, size: SIZE.footer })] })],
          }),
        },
        children,
      },
    ],
  });
  const bytes = await Packer.toBuffer(doc);
  return { fileName: `${detail.districtName}分局${monthLabel(detail.month)}工作小结${final ? '' : '（草稿）'}.docx`, mimeType: DOCX_MIME, contentBase64: bytes.toString('base64') };
}
