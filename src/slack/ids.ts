/**
 * Every Slack identifier the code registers or builds, in one place, so none is typed twice.
 * The manifest test checks what the listeners register against manifest.yml.
 */
export const COMMANDS = {
  culture: '/culture',
  praise: '/praise',
  complaint: '/complaint',
  moment: '/moment',
  digest: '/digest',
  pulse: '/pulse',
  mantra: '/mantra',
} as const;

export const SHORTCUTS = {
  logMoment: 'log_moment',
} as const;

export const EVENTS = {
  appUninstalled: 'app_uninstalled',
  tokensRevoked: 'tokens_revoked',
  userChange: 'user_change',
  reactionAdded: 'reaction_added',
  reactionRemoved: 'reaction_removed',
  appHomeOpened: 'app_home_opened',
} as const;

export const ACTIONS = {
  momentAddDetails: 'moment_add_details',
  momentUndo: 'moment_undo',
  momentAddLesson: 'moment_add_lesson',
  momentResolve: 'moment_resolve',
  /** The overflow menu (edit / delete) on a recognition-channel post. */
  momentManage: 'moment_manage',
  /** "Restore it" when an admin adds a tag that is archived; value = the tag. */
  standardRestore: 'standard_restore',
  /** "Choose standards" under a story citing an unknown tag; value = the draft (see parsers). */
  momentChooseStandards: 'moment_choose_standards',
  /** The Answer button on a pulse card and its reminder; value = the pulse id. */
  pulseAnswer: 'pulse_answer_open',
  /** On a reaction to a message without text: opens the moment modal; value = the message. */
  reactionOpenForm: 'reaction_open_form',
} as const;

/**
 * Every button and menu of the App Home starts with `home_`; one listener dispatches them. A verb
 * that repeats in the tab (one per list item) gets `:<n>` appended, since Slack refuses a view
 * whose elements share an action_id; the data (an id) travels in the value.
 */
export const HOME_ACTIONS = {
  prefix: 'home_',
  logMoment: 'home_log_moment',
  praise: 'home_praise',
  page: 'home_page',
  moment: 'home_moment',
  followUp: 'home_follow_up',
  answer: 'home_answer',
  closePulse: 'home_close_pulse',
  lineAdd: 'home_line_add',
  line: 'home_line',
  scheduleAdd: 'home_schedule_add',
  scheduleRemove: 'home_schedule_remove',
  roleGrant: 'home_role_grant',
  roleRevoke: 'home_role_revoke',
  settings: 'home_settings',
  standardAdd: 'home_standard_add',
  /** The overflow menu of one standard; value = `edit|move|archive:<tag>`. */
  standard: 'home_standard',
  /** The select of archived standards; the option's value = the tag. */
  standardRestore: 'home_standard_restore',
  reactions: 'home_reactions',
  /** Privacy: anyone's own export and erasure; the admins' retention form and erasure of others. */
  exportMine: 'home_export_mine',
  eraseMine: 'home_erase_mine',
  /** "Erase their data" beside a deactivated person; value = their user id. */
  eraseDeactivated: 'home_erase_deactivated',
  eraseSomeone: 'home_erase_someone',
  retention: 'home_retention',
} as const;

export const VIEWS = {
  momentModal: 'moment_modal',
  momentLesson: 'moment_lesson',
  pulseAnswer: 'pulse_answer',
  homeLine: 'home_line',
  homeSchedule: 'home_schedule',
  homeRole: 'home_role',
  homeSettings: 'home_settings',
  homeStandard: 'home_standard',
  homeReactions: 'home_reactions',
  /** The erasure confirmation; private_metadata names whose data. */
  homeErase: 'home_erase',
  /** The admins' person picker before the erasure confirmation. */
  homeErasePick: 'home_erase_pick',
  homeRetention: 'home_retention',
} as const;

/** block_id = action_id for modal inputs, so field errors and state share one name. */
export const BLOCKS = {
  privacyRetentionMonths: 'privacy_retention_months',
  privacyGraceDays: 'privacy_grace_days',
  privacyErasePerson: 'privacy_erase_person',
  momentKind: 'moment_kind',
  momentColleagues: 'moment_colleagues',
  momentCustomerType: 'moment_customer_type',
  momentTouchpoint: 'moment_touchpoint',
  momentImpact: 'moment_impact',
  momentStory: 'moment_story',
  momentLesson: 'moment_lesson',
  momentFollowUp: 'moment_follow_up',
  momentResolveNow: 'moment_resolve_now',
  momentStandards: 'moment_standards',
  pulseScore: 'pulse_score',
  pulseVision: 'pulse_vision',
  pulseMotivation: 'pulse_motivation',
  pulseHuman: 'pulse_human',
  homeLineText: 'home_line_text',
  homeScheduleKind: 'home_schedule_kind',
  homeScheduleChannel: 'home_schedule_channel',
  homeSchedulePreset: 'home_schedule_preset',
  homeScheduleCron: 'home_schedule_cron',
  homeScheduleZone: 'home_schedule_zone',
  homeRoleUser: 'home_role_user',
  homeRoleRole: 'home_role_role',
  homeSettingLocale: 'home_setting_locale',
  homeSettingZone: 'home_setting_zone',
  homeSettingRecognition: 'home_setting_recognition',
  homeSettingThreshold: 'home_setting_threshold',
  homeSettingWeightSmall: 'home_setting_weight_small',
  homeSettingWeightBig: 'home_setting_weight_big',
  homeSettingDelay: 'home_setting_delay',
  homeStandardTag: 'home_standard_tag',
  homeStandardDescription: 'home_standard_description',
  homeStandardPosition: 'home_standard_position',
  homeReactionPraise: 'home_reaction_praise',
  homeReactionComplaint: 'home_reaction_complaint',
} as const;
