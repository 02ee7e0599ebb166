import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../../src/domain/csv.js';
import { buildPulseCsv } from '../../../../src/domain/pulse/pulse-csv.js';

const headers = { respondent: 'respondent', score: 'score', vision: 'Q1', motivation: 'Q2', human: 'Q3' };

describe('pulse CSV', () => {
  it('quotes cells holding a comma, a quote or a line break, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell(null)).toBe('');
    expect(csvCell(7)).toBe('7');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
  });

  it('neutralises formulas written with fullwidth signs, which spreadsheets read as ASCII', () => {
    for (const sign of ['\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']) {
      expect(csvCell(`${sign}1+1`)).toBe(`'${sign}1+1`);
    }
    expect(csvCell('＝HYPERLINK("http://evil","x")')).toBe('"\'＝HYPERLINK(""http://evil"",""x"")"');
  });

  it('writes anonymous answers without a respondent column, CRLF and a BOM', () => {
    const csv = buildPulseCsv(
      [
        {
          respondentId: null,
          score: 8,
          vision: 'Customer first',
          motivation: null,
          human: 'Lunch, together',
        },
      ],
      headers,
      true,
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1)).toBe('score,Q1,Q2,Q3\r\n8,Customer first,,"Lunch, together"\r\n');
  });

  it('names the respondent in a named pulse', () => {
    const csv = buildPulseCsv(
      [{ respondentId: 'U1', score: 5, vision: null, motivation: null, human: null }],
      headers,
      false,
    );
    expect(csv.slice(1)).toBe('respondent,score,Q1,Q2,Q3\r\nU1,5,,,\r\n');
  });
});
