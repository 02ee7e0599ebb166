import { chartsEn } from './messages/charts.en.js';
import { coreEn } from './messages/core.en.js';
import { digestEn } from './messages/digest.en.js';
import { homeEn } from './messages/home.en.js';
import { homeStandardsEn } from './messages/home-standards.en.js';
import { mantraEn } from './messages/mantra.en.js';
import { momentsEn } from './messages/moments.en.js';
import { privacyEn } from './messages/privacy.en.js';
import { pulseEn } from './messages/pulse.en.js';
import { reactionsEn } from './messages/reactions.en.js';
import { standardsEn } from './messages/standards.en.js';

/**
 * The English catalog defines the keys; it is assembled from one file per feature
 * (`messages/<feature>.en.ts`, keys prefixed by the feature). Each French file is typed as
 * its English twin, so the compiler refuses a French catalog that lacks a key or gives a
 * function other parameters. Texts are mrkdwn unless their key says plain.
 */
export const en = {
  ...coreEn,
  ...digestEn,
  ...momentsEn,
  ...pulseEn,
  ...mantraEn,
  ...chartsEn,
  ...privacyEn,
  ...reactionsEn,
  ...standardsEn,
  ...homeEn,
  ...homeStandardsEn,
};

export type Messages = typeof en;
