import { describe, expect, it } from 'vitest';
import type { Standard } from '../../../../src/domain/standards/standard.js';
import { LOCALES, messages } from '../../../../src/i18n/index.js';
import { validateView } from '../../../../src/sandbox/block-kit-rules.js';
import { createIds } from '../../../../src/slack/blocks/home-common.js';
import {
  buildHomeReactionsSection,
  buildReactionsModal,
} from '../../../../src/slack/blocks/home-reactions.js';
import {
  buildHomeStandardsSection,
  buildStandardModal,
} from '../../../../src/slack/blocks/home-standards.js';
import { BLOCKS } from '../../../../src/slack/ids.js';
import { parseReactionsModal, parseStandardModal } from '../../../../src/slack/parsers/home-standards.js';

const standard = (i: number, archivedAt: Date | null = null): Standard => ({
  id: i,
  tag: `tag-${i}`,
  description: `<!channel> Standard number ${i}, ${'in one line '.repeat(10)}`.slice(0, 150),
  position: i,
  archivedAt,
});
const twelve = Array.from({ length: 12 }, (_, i) => ({ standard: standard(i + 1), honoured: i, missed: 1 }));
const archived = Array.from({ length: 130 }, (_, i) => standard(100 + i, new Date(Date.UTC(2026, 0, 1 + i))));
const asHome = (blocks: unknown[]) => ({ type: 'home', blocks });

describe.each(LOCALES)('the Home standards and reaction emoji in %s', (locale) => {
  const m = messages(locale);

  it('lists twelve standards in 15 blocks Slack accepts, the newest archived first in the restore select', () => {
    const blocks = buildHomeStandardsSection(m, { active: twelve, archived }, createIds());
    expect(blocks).toHaveLength(15);
    expect(validateView(asHome(blocks))).toEqual([]);
    expect(JSON.stringify(blocks)).not.toContain('<!channel>');
    const select = blocks.at(-1);
    const options =
      select?.type === 'actions' && select.elements[0]?.type === 'static_select'
        ? select.elements[0].options
        : [];
    expect(options).toHaveLength(100);
    expect(options?.[0]?.value).toBe('tag-229');
  });

  it('offers no move for a lone standard and no restore select without archived ones', () => {
    const blocks = buildHomeStandardsSection(m, { active: twelve.slice(0, 1), archived: [] }, createIds());
    expect(validateView(asHome(blocks))).toEqual([]);
    expect(JSON.stringify(blocks)).not.toContain('move:');
    expect(blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('builds the add, edit and move forms and the emoji form, all within Slack’s limits', () => {
    const forms = [
      buildStandardModal(m, { action: 'add' }),
      buildStandardModal(m, { action: 'edit', standard: standard(3) }),
      buildStandardModal(m, { action: 'move', standard: standard(3), count: 12 }),
      buildReactionsModal(m, { praise: 'star2', complaint: 'bulb' }),
    ];
    for (const form of forms) expect(validateView(form)).toEqual([]);
    expect(validateView(asHome(buildHomeReactionsSection(m, { praise: 'clap', complaint: 'mag' })))).toEqual(
      [],
    );
  });
});

describe('the Home standards forms, read back', () => {
  const meta = (standard: unknown) => JSON.stringify({ home: true, standard });
  const typed = (id: string, value: string) => ({ [id]: { [id]: { type: 'plain_text_input', value } } });

  it('reads what each form carries, and refuses metadata that is not one of ours', () => {
    expect(
      parseStandardModal(meta({ action: 'add' }), {
        ...typed(BLOCKS.homeStandardTag, 'call-back'),
        ...typed(BLOCKS.homeStandardDescription, 'We call back.'),
      }),
    ).toEqual({ ok: true, value: { action: 'add', tag: 'call-back', description: 'We call back.' } });
    expect(
      parseStandardModal(meta({ action: 'move', tag: 'own-it' }), {
        [BLOCKS.homeStandardPosition]: {
          [BLOCKS.homeStandardPosition]: { type: 'static_select', selected_option: { value: '2' } },
        },
      }),
    ).toEqual({ ok: true, value: { action: 'move', tag: 'own-it', position: 2 } });
    expect(parseStandardModal(meta({ action: 'move', tag: 'own-it' }), {})).toEqual({
      ok: false,
      errors: { [BLOCKS.homeStandardPosition]: 'required' },
    });
    for (const forged of [
      meta({ action: 'edit', tag: 'Not A Tag' }),
      meta({ action: 'drop' }),
      '{',
      undefined,
    ])
      expect(parseStandardModal(forged, {})).toBeUndefined();
  });

  it('reads emoji names with or without colons, and names the field that is not one', () => {
    const values = (praise: string, complaint: string) => ({
      ...typed(BLOCKS.homeReactionPraise, praise),
      ...typed(BLOCKS.homeReactionComplaint, complaint),
    });
    expect(parseReactionsModal(values(':Clap:', 'bulb'))).toEqual({
      ok: true,
      value: { praise: 'clap', complaint: 'bulb' },
    });
    expect(parseReactionsModal(values('clap', 'two words'))).toEqual({
      ok: false,
      errors: { [BLOCKS.homeReactionComplaint]: 'invalid' },
    });
  });
});
