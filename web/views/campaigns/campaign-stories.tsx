import type { PublicStory } from '../../../db/stories/stories';
import type { Catalog, Locale } from '../../i18n';
import { StoryCard } from '../stories/parts';

/** On a campaign page: the stories whose authors consented to be shown on this campaign. */
export const CampaignStories = (props: { t: Catalog; locale: Locale; stories: PublicStory[] }) =>
  props.stories.length === 0 ? null : (
    <section aria-labelledby="campaign-stories-heading">
      <h2 id="campaign-stories-heading">{props.t.stories.campaignStoriesHeading}</h2>
      <p>{props.t.stories.campaignStoriesIntro}</p>
      <ul class="story-list">
        {props.stories.map((story) => (
          <StoryCard t={props.t} locale={props.locale} story={story} headingLevel={3} />
        ))}
      </ul>
    </section>
  );
