import type { Catalog } from '../catalog';

/** French strings for the feeds and partner embeds. */

export const feeds: Catalog['feeds'] = {
  eventsTitle: '{site} : événements à venir',
  eventsTitleFiltered: '{site} : événements à venir ({filters})',
  eventsLink: 'Suivre ces événements dans un lecteur de flux (Atom)',
  cancelledTitle: 'Annulé : {title}',
  organizerFilter: 'un seul organisateur',
  campaignsTitle: '{site} : campagnes',
  campaignSummary: '{state} : {ask}',
  campaignsLink: 'Suivre les nouvelles campagnes dans un lecteur de flux (Atom)',
  updatesTitle: '{site} : nouvelles de « {title} »',
  updatesLink: 'Suivre les nouvelles de cette campagne dans un lecteur de flux (Atom)',
  updateEntryTitle: 'Nouvelles de « {title} », {date}',
};

export const embeds: Catalog['embeds'] = {
  eventsHeading: 'Événements à venir',
  newTabNote: 'Les liens ouvrent {site} dans un nouvel onglet.',
  allEvents: 'Voir tous les événements sur {site}',
  readMore: 'En savoir plus sur {site}',
  callElsewhere: 'Cette campagne demande d’appeler. Le numéro et quoi dire se trouvent sur {site}.',
  eventsFrameTitle: 'Événements à venir sur {site}',
  campaignFrameTitle: 'Campagne sur {site} : {title}',
  snippetHeading: 'Afficher ceci sur votre site',
  snippetEventsIntro:
    'Copiez ce code dans une page de votre site. Il affiche vos événements à venir, toujours à jour. Il ne dépose aucun cookie et ne charge rien depuis d’autres sites. Les liens ouvrent ce site dans un nouvel onglet.',
  snippetCampaignIntro:
    'Copiez ce code dans une page de votre site. Il affiche cette campagne, où elle en est et le formulaire pour signer. Les personnes qui signent là reçoivent le même e-mail de confirmation. Il ne dépose aucun cookie et ne charge rien depuis d’autres sites.',
  snippetNotYet:
    'Une fois la campagne publiée, le code pour l’afficher sur votre site apparaîtra ici.',
  snippetLabel: 'Code pour une page en {language}',
  snippetLanguages: { en: 'anglais', fr: 'français' },
};
