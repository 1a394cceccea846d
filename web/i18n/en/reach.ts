/** English strings for the feeds and partner embeds: how the site reaches people elsewhere. */

export const feeds = {
  eventsTitle: '{site}: upcoming events',
  eventsTitleFiltered: '{site}: upcoming events ({filters})',
  eventsLink: 'Follow these events in a feed reader (Atom)',
  cancelledTitle: 'Cancelled: {title}',
  organizerFilter: 'one organizer',
  campaignsTitle: '{site}: campaigns',
  campaignSummary: '{state}: {ask}',
  campaignsLink: 'Follow new campaigns in a feed reader (Atom)',
  updatesTitle: '{site}: news of “{title}”',
  updatesLink: 'Follow the news of this campaign in a feed reader (Atom)',
  updateEntryTitle: 'News of “{title}”, {date}',
} as const;

export const embeds = {
  eventsHeading: 'Upcoming events',
  newTabNote: 'Links open {site} in a new tab.',
  allEvents: 'See all events on {site}',
  readMore: 'Read more on {site}',
  callElsewhere: 'This campaign asks people to call. The number and what to say are on {site}.',
  eventsFrameTitle: 'Upcoming events from {site}',
  campaignFrameTitle: 'Campaign on {site}: {title}',
  snippetHeading: 'Show this on your website',
  snippetEventsIntro:
    'Copy this code into a page of your website. It shows your upcoming events, kept up to date. It sets no cookie and loads nothing from other sites. Links open this site in a new tab.',
  snippetCampaignIntro:
    'Copy this code into a page of your website. It shows this campaign, its progress and the form to sign. People who sign there get the same email to confirm. It sets no cookie and loads nothing from other sites.',
  snippetNotYet: 'Once the campaign is published, code to show it on your website appears here.',
  snippetLabel: 'Code for a page in {language}',
  snippetLanguages: { en: 'English', fr: 'French' },
} as const;
