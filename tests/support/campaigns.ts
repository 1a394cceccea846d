import {
  approveCampaign,
  createCampaign,
  submitCampaign,
  type CampaignInput,
} from '../../db/campaigns/campaigns';
import { findOrCreateUser, grantRole } from '../../db/accounts/users';
import type { TestApp } from './app';

export const campaignInput = (over: Partial<CampaignInput> = {}): CampaignInput => ({
  kind: 'petition',
  title: 'Safe beds now',
  ask: 'Fund more safe beds.',
  body: 'People need a safe place.',
  targetName: 'Robin Example',
  targetRole: 'Head of Housing',
  letterText: '',
  targetPhone: '',
  nextSteps: 'We deliver on 12 March.',
  goal: 2,
  endsOn: null,
  contentLanguage: 'en',
  ...over,
});

/** A published campaign owned by a new organizer. */
export const publishedCampaign = async (app: TestApp, over: Partial<CampaignInput> = {}) => {
  const owner = await findOrCreateUser(app.db, `org-${Math.random()}@example.org`);
  await grantRole(app.db, owner.id, 'organizer');
  const id = await createCampaign(app.db, owner.id, campaignInput(over));
  await submitCampaign(app.db, id, owner.id);
  await approveCampaign(app.db, id);
  return id;
};

/** The signing form as a person fills it, with fields to change. */
export const signerForm = (over: Record<string, string> = {}) => ({
  firstName: 'Ana',
  lastName: 'Lopez',
  email: 'ana@example.org',
  city: 'Lyon',
  message: '',
  display: 'full',
  ...over,
});

/** The organizer's campaign form, filled as a person would, with fields to change. */
export const campaignForm = (over: Record<string, string> = {}) => ({
  kind: 'petition',
  title: 'Open the night shelter',
  ask: 'Open the night shelter all year.',
  body: 'People need a safe place at night. The shelter closes in spring.',
  targetName: 'Robin Example',
  targetRole: 'Mayor',
  letterText: '',
  targetPhone: '',
  nextSteps: '',
  goal: '100',
  endsOn: '',
  language: 'en',
  ...over,
});
