import type { Catalog } from '../catalog';

/** French strings for accounts, sign-in, organizing and moderation: typed from the English, so a missing or extra key fails the type check. */

export const signIn: Catalog['signIn'] = {
  title: 'Se connecter',
  intro: 'Nous vous envoyons un code par courriel. Pas besoin de mot de passe.',
  whoNeedsIt:
    'Un compte sert seulement à organiser des événements, mener des campagnes ou partager votre témoignage. Tout le reste fonctionne sans compte.',
  emailLabel: 'Votre adresse courriel',
  emailHint: 'Utilisez une adresse que vous êtes seule ou seul à ouvrir.',
  emailInvalid: 'Saisissez une adresse courriel comme nom@exemple.org.',
  send: 'Recevoir un code',
  subjectNote:
    'L\u2019objet du courriel sera « Votre code de connexion ». Il ne dit pas de quoi parle ce site.',
  codeTitle: 'Saisissez votre code',
  codeSent:
    'Si l\u2019adresse est juste, nous avons envoyé un code à 8 chiffres à {email}. Le code fonctionne pendant 10 minutes.',
  codeLabel: 'Code reçu par courriel',
  codeHint: '8 chiffres, par exemple 12345678.',
  codeSubmit: 'Me connecter',
  codeWrong: 'Ce code n\u2019est pas le bon. Il vous reste {count} essais.',
  codeWrongLast: 'Ce code n\u2019est pas le bon. Il vous reste 1 essai.',
  codeExpired: 'Ce code ne fonctionne plus. Demandez un nouveau code.',
  codeFormat: 'Saisissez les 8 chiffres du courriel.',
  newCode: 'Demander un nouveau code',
  tooManyRequests:
    'Trop de codes ont été demandés. Pour protéger les comptes, attendez {minutes} minutes puis réessayez.',
  tooManyTries:
    'Trop de codes faux ont été essayés pour cette adresse. Attendez {minutes} minutes, puis demandez un nouveau code.',
  signedOut: 'Vous êtes déconnecté·e.',
};

export const account: Catalog['account'] = {
  title: 'Mon compte',
  signedInAs: 'Connecté·e avec {email}',
  rolesHeading: 'Ce que vous pouvez faire ici',
  roleMember: 'Membre',
  roleOrganizer: 'Organisatrice ou organisateur : publier des événements et mener des campagnes',
  roleStoryteller: 'Témoin : écrire et partager votre témoignage',
  roleModerator: 'Modération',
  roleAdmin: 'Administration',
  storytellerHeading: 'Partager votre témoignage',
  storytellerOff:
    'Si vous voulez partager votre témoignage, activez cette option. Vous écrivez à votre rythme. Rien n\u2019est publié sans votre accord sur le texte exact.',
  storytellerOn:
    'Vous pouvez écrire des témoignages. Rien n\u2019est publié sans votre accord sur le texte exact.',
  storytellerTurnOn: 'Je veux partager un témoignage',
  storytellerTurnOff: 'Ne plus partager de témoignages',
  organizerHeading: 'Organiser des événements et des campagnes',
  organizerApply: 'Demander à devenir organisatrice ou organisateur',
  organizerPending: 'Votre demande pour organiser attend une personne de la modération.',
  organizerDeclined:
    'Votre dernière demande pour organiser a été refusée. Vous pouvez demander à nouveau.',
  sessionsHeading: 'Où vous êtes connecté·e',
  sessionsIntro:
    'Chaque ligne est un navigateur ou un appareil. Nous ne gardons ni le lieu ni le type d\u2019appareil.',
  sessionStarted: 'Connexion',
  sessionLastActive: 'Dernière activité',
  thisDevice: 'Cet appareil',
  otherDevice: 'Un autre appareil',
  signOut: 'Me déconnecter',
  signOutEverywhere: 'Me déconnecter partout',
  dataHeading: 'Vos données',
  downloadData: 'Télécharger mes données (fichier JSON)',
  deleteLink: 'Supprimer mon compte',
  workHeading: 'Espaces de travail',
  circlesLink: 'Mes cercles de soutien',
  moderationLink: 'Modération',
  peopleLink: 'Personnes et rôles',
  deleteTitle: 'Supprimer votre compte',
  deleteIntro: 'C\u2019est définitif. Nous allons :',
  deleteWhat: [
    'fermer toutes vos sessions, sur tous vos appareils,',
    'retirer et supprimer vos témoignages,',
    'garder vos signatures et vos inscriptions, mais sans lien avec un compte,',
    'supprimer votre adresse courriel et tout ce que nous gardons sur votre compte.',
  ],
  deleteConfirm: 'Oui, supprimer mon compte',
  lastAdminDelete:
    'Vous êtes la seule personne de l\u2019administration. Donnez ce rôle à quelqu\u2019un d\u2019autre avant de supprimer votre compte.',
  deleteCancel: 'Garder mon compte',
  deletedTitle: 'Votre compte est supprimé',
  deletedText: 'Nous avons supprimé votre compte et vous avons déconnecté·e partout.',
};

export const organizerApplication: Catalog['organizerApplication'] = {
  title: 'Demander à organiser',
  intro:
    'Les organisatrices et organisateurs publient des événements et mènent des campagnes. Une personne de la modération lit chaque demande. Nous vous enverrons la réponse par courriel.',
  organizationLabel: 'Nom de votre groupe ou organisation',
  organizationHint: 'Si vous organisez seul·e, écrivez votre prénom.',
  reasonLabel: 'Qu\u2019aimeriez-vous organiser, et pourquoi ?',
  reasonHint: 'Quelques phrases suffisent.',
  submit: 'Envoyer ma demande',
  sent: 'Merci. Une personne de la modération va lire votre demande. Nous vous enverrons la réponse par courriel.',
};

export const organize: Catalog['organize'] = {
  title: 'Organiser',
  intro:
    'Voici votre espace d\u2019organisation. Vos événements et vos campagnes, avec les personnes inscrites, sont listés ici.',
};

export const moderation: Catalog['moderation'] = {
  title: 'Modération',
  resourcesHeading: 'Annuaire des ressources',
  resourcesLink: 'Vérifier les ressources et les signalements',
  resourcesTitle: 'Ressources : vérifications et signalements',
  reportsHeading: 'Signalements des visiteurs',
  reportsPagesLabel: 'Pages des signalements des visiteurs',
  noReports: 'Aucun signalement en attente.',
  reportAbout: 'Ressource',
  reportProblem: 'Ce qui ne va pas',
  reportContact: 'Contact laissé par la personne',
  reportNoContact: 'Aucun contact laissé.',
  reportRepeats: 'Envoyé de nouveau {count} fois.',
  reportSent: 'Envoyé le {date}',
  resolve: 'Corrigé',
  dismiss: 'Rien à changer',
  closeHint: 'Fermer un signalement efface le contact laissé par la personne.',
  verifyHeading: 'À vérifier de nouveau',
  verifyPagesLabel: 'Pages des ressources à vérifier de nouveau',
  verifyIntro:
    'D\u2019abord les ressources jamais vérifiées, puis celles vérifiées il y a le plus longtemps. Appelez ou passez, corrigez ce qui a changé, puis marquez-la vérifiée.',
  neverVerified: 'Jamais vérifiée',
  lastChecked: 'Dernière vérification',
  verifyToday: 'Vérifiée aujourd\u2019hui',
  verifiedNotice: 'Marquée comme vérifiée aujourd\u2019hui.',
  resolvedNotice: 'Signalement fermé. Le contact a été effacé.',
  reportAlreadyClosed: 'Quelqu\u2019un a déjà fermé ce signalement.',
  applicationsHeading: 'Demandes pour organiser',
  applicationsPagesLabel: 'Pages des demandes pour organiser',
  noApplications: 'Aucune demande en attente.',
  appliedOn: 'Demande du {date}',
  from: 'De',
  reason: 'Ce que la personne veut organiser',
  approve: 'Accepter',
  decline: 'Refuser',
  approved: 'Demande acceptée. Nous avons prévenu la personne par courriel.',
  declined: 'Demande refusée. Nous avons prévenu la personne par courriel.',
  alreadyDecided: 'Quelqu\u2019un a déjà traité cette demande.',
  peopleTitle: 'Personnes et rôles',
  peopleIntro:
    'Donnez ou retirez un rôle. La personne est déconnectée partout quand son rôle change.',
  peopleEmailLabel: 'Adresse courriel de la personne',
  roleNames: {
    organizer: 'Organisation',
    storyteller: 'Témoin',
    moderator: 'Modération',
    admin: 'Administration',
  },
  peopleRoleLabel: 'Rôle',
  grant: 'Donner ce rôle',
  revoke: 'Retirer ce rôle',
  peopleListHeading: 'Personnes qui ont un rôle',
  noPeople: 'Personne n\u2019a encore de rôle.',
  roleGranted: 'Rôle donné.',
  roleRevoked: 'Rôle retiré.',
  noSuchPerson:
    'Aucun compte n\u2019utilise cette adresse. La personne doit d\u2019abord se connecter une fois.',
  lastAdmin: 'Vous ne pouvez pas retirer la dernière personne de l\u2019administration.',
  ownRequest:
    'Vous ne pouvez pas décider de votre propre demande. Une autre personne de la modération le fera.',
  forbiddenTitle: 'Vous n\u2019avez pas accès à cette page',
  forbiddenText:
    'Cette page est réservée à un autre rôle. Si vous pensez en avoir besoin, demandez à une personne de la modération.',
};
