/**
 * Real documents for the import tests, made here: .docx files written by the `docx` package (the
 * same Office Open XML Word writes), and HTML shaped as Google Docs' and Word's web-page exports.
 */
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type ISectionOptions,
} from 'docx';

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

type Children = ISectionOptions['children'];

export async function wordDocument(children: Children, options: { title?: string; comments?: string[]; header?: string; footerPageNumbers?: boolean } = {}): Promise<Buffer> {
  const document = new Document({
    ...(options.title ? { title: options.title } : {}),
    comments: { children: (options.comments ?? []).map((text, id) => ({ id, author: 'Reviewer', date: new Date('2026-01-05T10:00:00Z'), children: [new Paragraph(text)] })) },
    numbering: {
      config: [
        {
          reference: 'steps',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        ...(options.header ? { headers: { default: new Header({ children: [new Paragraph(options.header)] }) } } : {}),
        ...(options.footerPageNumbers ? { footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun('Page '), new TextRun({ children: [PageNumber.CURRENT] })] })] }) } } : {}),
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

const TRACKED = { author: 'Editor', date: '2026-01-05T10:00:00Z' };

/** Every construct the import handles, in one Word document. */
export function fullWordDocument(): Promise<Buffer> {
  return wordDocument(
    [
      new Paragraph({ text: 'Refunds and Returns', heading: HeadingLevel.TITLE }),
      new Paragraph({ text: 'Who this is for', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({
        children: [
          new TextRun('Front desk staff '),
          new TextRun({ text: 'must', bold: true }),
          new TextRun({ text: ' always', italics: true }),
          new TextRun(' follow this. Write {order} and <name> as “shown”, don\u2019t\u00a0guess, re\u00adfund.'),
        ],
      }),
      new Paragraph({
        children: [
          new CommentRangeStart(0),
          new TextRun('Ask for the receipt'),
          new CommentRangeEnd(0),
          new TextRun({ children: [new CommentReference(0)] }),
          new InsertedTextRun({ text: ' first', id: 1, ...TRACKED }),
          new DeletedTextRun({ text: ' later', id: 2, ...TRACKED }),
          new TextRun('.'),
        ],
      }),
      new Paragraph({ text: 'How to refund', heading: HeadingLevel.HEADING_2 }),
      new Paragraph({ text: 'Check the receipt.', numbering: { reference: 'steps', level: 0 } }),
      new Paragraph({ text: 'Look at the date.', numbering: { reference: 'steps', level: 1 } }),
      new Paragraph({ text: 'Give the money back.', numbering: { reference: 'steps', level: 0 } }),
      new Paragraph({ text: 'Be kind.', bullet: { level: 0 } }),
      new Paragraph({ text: 'Smile.', bullet: { level: 1 } }),
      new Paragraph({ text: 'Contacts', heading: HeadingLevel.HEADING_3 }),
      new Paragraph({
        children: [
          new ExternalHyperlink({ link: 'https://example.com/refunds', children: [new TextRun('refund page')] }),
          new TextRun(', '),
          new ExternalHyperlink({ link: 'mailto:help@example.com', children: [new TextRun('write to us')] }),
          new TextRun(' or '),
          new ExternalHyperlink({ link: 'javascript:alert(1)', children: [new TextRun('click here')] }),
          new TextRun('.'),
        ],
      }),
      new Paragraph({ text: 'import refunds from "./old"' }),
      new Paragraph({ text: 'export the list every week.' }),
      new Table({
        rows: [
          new TableRow({ children: [cell('Day'), cell('Hours')] }),
          new TableRow({ children: [cell('Monday'), cell('9 | 5')] }),
        ],
      }),
      new Paragraph({ children: [new ImageRun({ type: 'png', data: PNG, transformation: { width: 20, height: 20 }, altText: { name: 'stamp', description: 'The refund stamp', title: 'stamp' } })] }),
    ],
    { comments: ['Is this right?'], header: 'ACME internal', footerPageNumbers: true },
  );
}

function cell(text: string): TableCell {
  return new TableCell({ children: [new Paragraph(text)] });
}

/** Google Docs' "Web page" export, trimmed to what it always has: class styles, flat lists, redirects. */
export const GOOGLE_DOCS_HTML = `<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">ul.lst-kix_a1-0{list-style-type:none}ol.lst-kix_b2-0{list-style-type:none}.c1{color:#000000;font-weight:700;text-decoration:none;vertical-align:baseline;font-size:11pt;font-family:"Arial";font-style:normal}.c2{color:#000000;font-weight:400;text-decoration:none;vertical-align:baseline;font-size:11pt;font-family:"Arial";font-style:italic}.c3{padding-top:0pt;padding-bottom:0pt;line-height:1.15;orphans:2;widows:2;text-align:left}.c4{color:#000000;font-weight:400;text-decoration:none;vertical-align:baseline;font-size:11pt;font-family:"Arial";font-style:normal}.c7{background-color:#ffffff;max-width:468pt;padding:72pt 72pt 72pt 72pt}.title{padding-top:0pt;color:#000000;font-size:26pt;padding-bottom:3pt;font-family:"Arial";line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left}h1{padding-top:20pt;color:#000000;font-size:20pt;padding-bottom:6pt;font-family:"Arial";line-height:1.15;page-break-after:avoid;orphans:2;widows:2;text-align:left}</style><title>Phone Policy (Google Docs)</title></head><body class="c7 doc-content"><div><p class="c3"><span class="c4">ACME Confidential</span></p></div><p class="c3 title" id="h.t1"><span class="c4">Answering the Phone</span></p><h1 class="c3" id="h.h1"><span class="c1">Before you answer</span></h1><p class="c3"><span class="c4">Pick up by the </span><span class="c1">third</span><span class="c4">&nbsp;ring, </span><span class="c2">every time</span><span class="c4">. Say &ldquo;Hello&rdquo; {warmly} &lt;always&gt;.</span><sup><a href="#cmnt1" id="cmnt_ref1">[a]</a></sup></p><ul class="c5 lst-kix_a1-0 start"><li class="c3 li-bullet-0"><span class="c4">Smile</span></li></ul><ul class="c5 lst-kix_a1-1 start"><li class="c3 li-bullet-1"><span class="c4">even on the phone</span></li></ul><ul class="c5 lst-kix_a1-0"><li class="c3 li-bullet-0"><span class="c4">Give your name</span></li></ul><h2 class="c3" id="h.h2"><span class="c4">Steps</span></h2><ol class="c5 lst-kix_b2-0 start" start="1"><li class="c3 li-bullet-0"><span class="c4">Listen</span></li><li class="c3 li-bullet-0"><span class="c4">Answer</span></li></ol><p class="c3"><span class="c4">See the </span><span class="c6"><a class="c8" href="https://www.google.com/url?q=https://example.com/phone&amp;sa=D&amp;source=editors&amp;ust=1700000000000000&amp;usg=AOvVaw0">phone guide</a></span><span class="c4">.</span></p><table class="c9"><tr class="c10"><td class="c11" colspan="1" rowspan="1"><p class="c3"><span class="c4">Caller</span></p></td><td class="c11" colspan="1" rowspan="1"><p class="c3"><span class="c4">Say</span></p></td></tr><tr class="c10"><td class="c11" colspan="1" rowspan="1"><p class="c3"><span class="c4">Angry</span></p></td><td class="c11" colspan="1" rowspan="1"><p class="c3"><span class="c4">I hear you.</span></p></td></tr></table><p class="c3"><span style="overflow: hidden; display: inline-block; margin: 0.00px 0.00px; border: 0.00px solid #000000; width: 20.00px; height: 20.00px;"><img alt="Phone keypad" src="images/image1.png" style="width: 20.00px; height: 20.00px;" title=""></span></p><div><p class="c3"><span class="c4">Page footer text</span></p></div><div><p class="c3"><a href="#cmnt_ref1" id="cmnt1">[a]</a><span class="c4">Should this be the second ring?</span></p></div></body></html>`;

/** Word's "Save as Web Page" (filtered): windows-1252, list bullets in conditional comments. */
export const WORD_WEB_PAGE = `<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"><meta name=Generator content="Microsoft Word 15 (filtered)"><title>Old title</title></head><body lang=EN-US><div class=WordSection1><p class=MsoTitle>Saying No Nicely</p><h1>When to say no</h1><p class=MsoNormal>Say <b>no</b> with <i>care</i>. <span class=MsoCommentReference><a href="#_msocom_1">[A1]</a></span></p><p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>Listen first</p><p class=MsoListParagraphCxSpMiddle style='margin-left:1.0in;text-indent:-.25in;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New"'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]>Do not interrupt</p><p class=MsoListParagraphCxSpLast style='text-indent:-.25in;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>Offer another way</p><p class=MsoListParagraph style='text-indent:-.25in;mso-list:l1 level1 lfo2'><![if !supportLists]><span>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>Thank them</p><p class=MsoNormal>It costs \x80 5 to \x93reopen\x94 a case.</p></div><div style='mso-element:comment-list'><hr class=msocomoff align=left size=1 width="33%"><div style='mso-element:comment'><div id="_com_1" class=msocomtxt><p class=MsoCommentText>Too blunt?</p></div></div></div></body></html>`;
