// One campaign: status (live while deploying), its config and the deployed version, delete, and "try it" with the
// forms the version's recipe type serves.
import { h, fact, statusBadge, time, heading, section, button, shortArn, link } from '../dom.js';
import { personalize } from '../api.js';
import { live, attempt, confirmed, inProgress } from '../ui.js';
import { tryIt } from '../tryIt.js';
import { pageUrl } from '../urls.js';

const kindsByRecipeType = { USER_PERSONALIZATION: ['user'], POPULAR_ITEMS: ['user'], RELATED_ITEMS: ['item'], PERSONALIZED_RANKING: ['rank'] };

export async function render(main, { params, signal, navigate }) {
  const campaignArn = params.get('arn');
  const status = h('div', {});
  const tryItSlot = h('div', {});
  let shownTryIt = false;
  main.append(heading('Campaign'), section('Status and configuration', status), tryItSlot);
  await live(status, signal, async () => {
    const { campaign } = await personalize('DescribeCampaign', { campaignArn }, signal);
    if (campaign.status === 'ACTIVE' && !shownTryIt) {
      shownTryIt = true;
      tryItSlot.replaceChildren(await tryItFor(campaign, signal));
    }
    return { node: details(campaign, params.get('group'), navigate), value: campaign };
  }, { ms: 1000, keepGoing: c => inProgress(c.status) || inProgress(c.latestCampaignUpdate?.status) });
}

async function tryItFor(campaign, signal) {
  const { solutionVersion } = await personalize('DescribeSolutionVersion', { solutionVersionArn: campaign.solutionVersionArn }, signal);
  const { recipe } = await personalize('DescribeRecipe', { recipeArn: solutionVersion.recipeArn }, signal).catch(() => ({ recipe: {} }));
  // aws-next-best-action recommends actions (GetActionRecommendations), not items.
  const kinds = /next-best-action/.test(solutionVersion.recipeArn ?? '') ? ['action'] : kindsByRecipeType[recipe.recipeType] ?? ['user', 'item', 'rank'];
  return tryIt({ campaignArn: campaign.campaignArn }, kinds, solutionVersion.datasetGroupArn,
    !!campaign.campaignConfig?.enableMetadataWithRecommendations);
}

function details(campaign, group, navigate) {
  const update = campaign.latestCampaignUpdate;
  const deleteIt = button('Delete campaign', async () => {
    if (!confirmed(`Delete campaign ${campaign.name}?`)) return;
    await attempt(deleteIt, async () => {
      await personalize('DeleteCampaign', { campaignArn: campaign.campaignArn });
      navigate(pageUrl('campaigns', { group }));
    });
  }, { kind: 'danger' });
  return h('div', {},
    h('h2', { class: 'visually-hidden' }, campaign.name),
    h('dl', { class: 'facts' },
      fact('Name', campaign.name), fact('Status', statusBadge(campaign.status)),
      fact('Solution version', shortArn(campaign.solutionVersionArn)), fact('Minimum TPS', campaign.minProvisionedTPS),
      fact('Item metadata', campaign.campaignConfig?.enableMetadataWithRecommendations ? 'returned' : 'off'),
      fact('Follows latest version', campaign.campaignConfig?.syncWithLatestSolutionVersion ? 'yes' : 'no'),
      fact('Created', time(campaign.creationDateTime)), fact('Updated', time(campaign.lastUpdatedDateTime)),
      campaign.failureReason ? fact('Failure', h('span', { class: 'error-text' }, campaign.failureReason)) : null,
      update ? fact('Latest update', h('span', {}, statusBadge(update.status), ' ', shortArn(update.solutionVersionArn ?? ''))) : null),
    h('details', {}, h('summary', {}, 'Campaign config (JSON)'), h('pre', { class: 'code' }, JSON.stringify(campaign.campaignConfig ?? {}, null, 2))),
    h('p', {}, link(pageUrl('metrics', { group, resource: campaign.campaignArn }), 'Online metrics of this campaign')),
    h('div', { class: 'form-actions' }, deleteIt));
}
