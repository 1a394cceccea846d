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
