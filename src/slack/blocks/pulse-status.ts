import type { Pulse } from '../../domain/pulse/pulse.js';
import { type Block, buildTextMessage, section } from './common.js';
import { answersText, type PulseSpeech, slackDateTime } from './pulse-common.js';

/**
 * `/pulse status` for a manager: the count and the closing time, never a score while the pulse
 * is open (a score watched answer by answer would tell who answered what).
 */
export function buildPulseStatus(
  s: PulseSpeech,
  open: { pulse: Pulse; count: number; threshold: number } | undefined,
): { text: string; blocks: Block[] } {
  if (!open) return buildTextMessage(s.m.pulseStatusNone);
  const { pulse, count, threshold } = open;
  const text = s.m.pulseStatusOpen({
    answers: answersText(s, count),
    when: slackDateTime(s, pulse.closesAt),
  });
  const note = count < threshold ? s.m.pulseStatusHidden({ threshold }) : s.m.pulseStatusShownAtClose;
  return { text, blocks: [section(`${text}\n${note}`)] };
}
