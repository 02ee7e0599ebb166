import { type CsvValue, csvDocument } from '../csv.js';
import type { Moment } from '../moments/moment.js';
import type { PulseAnswer } from '../pulse/pulse.js';

/**
 * The files of an export. Column names are stable snake_case English (they are data, read by
 * spreadsheets and scripts); the message that carries the files is in the person's language.
 */
export interface ExportFile {
  filename: string;
  content: string;
}

export interface ExportedPulse {
  id: string;
  channelId: string;
  anonymous: boolean;
  status: 'open' | 'closed';
  createdBy: string;
  openedAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  answers: number;
}

export interface ExportedAnswer extends PulseAnswer {
  pulseId: string;
  /** Null for every answer of an anonymous pulse. */
  respondentId: string | null;
}

export interface WorkspaceData {
  teamId: string;
  locale: string;
  timezone: string;
  settings: Record<string, unknown>;
  moments: Moment[];
  pulses: ExportedPulse[];
  answers: ExportedAnswer[];
  schedules: {
    id: number;
    kind: string;
    channelId: string;
    cron: string;
    timezone: string;
    enabled: boolean;
    createdBy: string;
    createdAt: Date;
    options: unknown;
  }[];
  visionLines: { text: string; createdBy: string | null; createdAt: Date }[];
  roles: { userId: string; role: string; grantedBy: string; grantedAt: Date }[];
  /** Pulses with fewer answers than this keep their answers out of the export, as out of the results. */
  anonymityThreshold: number;
}

export interface PersonData {
  teamId: string;
  userId: string;
  role: string | null;
  /** Moments the person wrote. */
  written: Moment[];
  /** Other people's moments that name the person as a colleague or follow-up owner. */
  about: Moment[];
  /** Pulses the person took part in; the answer only when the pulse was named. */
  pulses: {
    pulseId: string;
    channelId: string;
    openedAt: Date;
    anonymous: boolean;
    answer: PulseAnswer | null;
  }[];
}

const MOMENT_COLUMNS = [
  'id',
  'created_at',
  'kind',
  'author',
  'colleagues',
  'customer_type',
  'touchpoint',
  'impact',
  'story',
  'lesson',
  'follow_up',
  'status',
  'resolved_at',
  'standards',
  'source',
  'channel',
  'permalink',
];

function momentRow(m: Moment): CsvValue[] {
  return [
    m.id,
    m.createdAt,
    m.kind,
    m.authorId,
    m.colleagueIds.join(' '),
    m.customerType,
    m.touchpoint,
    m.impact,
    m.story,
    m.lesson,
    m.followUpUserId,
    m.status,
    m.resolvedAt,
    m.standards.join(' '),
    m.source,
    m.channelId,
    m.permalink,
  ];
}

const json = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * The workspace export: moments, pulses, pulse answers (anonymous ones without anyone's name,
 * and none for a pulse still open or below the anonymity threshold), schedules, settings.
 */
export function buildWorkspaceExport(data: WorkspaceData): ExportFile[] {
  const shown = new Set(
    data.pulses.filter((p) => p.status === 'closed' && p.answers >= data.anonymityThreshold).map((p) => p.id),
  );
  const settings: CsvValue[][] = [
    ['team', data.teamId],
    ['language', data.locale],
    ['timezone', data.timezone],
    ...Object.entries(data.settings).map(([key, value]): CsvValue[] => [key, json(value)]),
    ...data.visionLines.map((l): CsvValue[] => ['vision_line', l.text]),
    ...data.roles.map((r): CsvValue[] => [`role:${r.userId}`, r.role]),
  ];
  return [
    { filename: 'moments.csv', content: csvDocument(MOMENT_COLUMNS, data.moments.map(momentRow)) },
    {
      filename: 'pulses.csv',
      content: csvDocument(
        [
          'id',
          'channel',
          'anonymous',
          'status',
          'created_by',
          'opened_at',
          'closes_at',
          'closed_at',
          'answers',
          'answers_exported',
        ],
        data.pulses.map((p) => [
          p.id,
          p.channelId,
          p.anonymous,
          p.status,
          p.createdBy,
          p.openedAt,
          p.closesAt,
          p.closedAt,
          p.answers,
          shown.has(p.id),
        ]),
      ),
    },
    {
      filename: 'pulse-answers.csv',
      content: csvDocument(
        ['pulse_id', 'respondent', 'score', 'vision', 'motivation', 'human'],
        data.answers
          .filter((a) => shown.has(a.pulseId))
          .map((a) => [a.pulseId, a.respondentId, a.score, a.vision, a.motivation, a.human]),
      ),
    },
    {
      filename: 'schedules.csv',
      content: csvDocument(
        ['id', 'kind', 'channel', 'cron', 'timezone', 'enabled', 'created_by', 'created_at', 'options'],
        data.schedules.map((s) => [
          s.id,
          s.kind,
          s.channelId,
          s.cron,
          s.timezone,
          s.enabled,
          s.createdBy,
          s.createdAt,
          json(s.options),
        ]),
      ),
    },
    { filename: 'settings.csv', content: csvDocument(['setting', 'value'], settings) },
  ];
}

/** A person's own export: what they wrote, what others wrote about them, their pulses, their role. */
export function buildPersonExport(data: PersonData): ExportFile[] {
  return [
    { filename: 'my-moments.csv', content: csvDocument(MOMENT_COLUMNS, data.written.map(momentRow)) },
    {
      filename: 'moments-about-me.csv',
      content: csvDocument(
        ['id', 'created_at', 'kind', 'relation', 'story', 'lesson', 'status'],
        data.about.map((m) => [
          m.id,
          m.createdAt,
          m.kind,
          [
            ...(m.colleagueIds.includes(data.userId) ? ['colleague'] : []),
            ...(m.followUpUserId === data.userId ? ['follow_up'] : []),
          ].join(' '),
          m.story,
          m.lesson,
          m.status,
        ]),
      ),
    },
    {
      filename: 'my-pulses.csv',
      content: csvDocument(
        ['pulse_id', 'channel', 'opened_at', 'anonymous', 'score', 'vision', 'motivation', 'human'],
        data.pulses.map((p) => [
          p.pulseId,
          p.channelId,
          p.openedAt,
          p.anonymous,
          p.answer?.score,
          p.answer?.vision,
          p.answer?.motivation,
          p.answer?.human,
        ]),
      ),
    },
    {
      filename: 'my-profile.csv',
      content: csvDocument(
        ['setting', 'value'],
        [
          ['team', data.teamId],
          ['user', data.userId],
          ['role', data.role ?? 'member'],
        ],
      ),
    },
  ];
}
