import type { Catalog } from '../catalog';

/** French strings for the whole site (shell, pages, forms, mail, errors): typed from the English, so a missing or extra key fails the type check. */

export const meta: Catalog['meta'] = {
  dir: 'ltr',
};

export const shell: Catalog['shell'] = {
  quickExit: 'Sortie rapide',
  quickExitHint: 'Quitter ce site tout de suite. Ou appuyez trois fois sur Maj.',
  skipToContent: 'Aller au contenu principal',
  mainNav: 'Menu principal',
  navFindHelp: 'Trouver de l\u2019aide',
  navEvents: 'Événements',
  navTakeAction: 'Agir',
  navStories: 'Témoignages',
  navSupport: 'Soutenir une personne',
  navCircles: 'Mes cercles',
  footerNav: 'À propos de ce site',
  footerPrivacy: 'Confidentialité',
  footerSafety: 'Rester en sécurité en ligne',
  footerNote: 'Si vous êtes en danger maintenant, appelez le numéro d\u2019urgence de votre pays.',
  switchTo: 'Read in English',
  switchToLang: 'en',
  signIn: 'Se connecter',
  myAccount: 'Mon compte',
};

export const forms: Catalog['forms'] = {
  /** Languages a text on the site may be written in (stories, campaigns, events). */
  contentLanguages: { en: 'anglais', fr: 'français', es: 'espagnol', pt: 'portugais', ar: 'arabe' },
  contentLanguageInvalid: 'Choisissez une langue dans la liste.',
  errorSummaryTitle: 'Corrigez ceci puis réessayez :',
  errorSummaryTitleMany: 'Corrigez ces {count} points puis réessayez :',
  optional: '(facultatif)',
  tooLong: 'C\u2019est trop long. Utilisez au plus {max} caractères.',
  required: 'Merci de remplir ce champ.',
};

export const mail: Catalog['mail'] = {
  signInSubject: 'Votre code de connexion',
  signInBody:
    'Votre code est {code}\n\nIl fonctionne pendant 10 minutes. Saisissez-le sur la page où vous l\u2019avez demandé.\n\nSi vous n\u2019avez pas demandé ce code, ignorez ce courriel. Personne ne peut se connecter sans lui.',
  accountUpdateSubject: 'Des nouvelles de votre compte',
  organizerApproved:
    'Bonne nouvelle : vous pouvez maintenant organiser des événements et des campagnes. Connectez-vous pour commencer.',
  organizerDeclined:
    'Une personne de la modération a lu votre demande pour organiser et n\u2019a pas pu l\u2019accepter cette fois. Vous pouvez demander à nouveau quand vous voulez.',
};

export const home: Catalog['home'] = {
  title: 'Aide, événements, actions et témoignages',
  intro:
    'Ce site aide les personnes qui ont vécu la traite, et celles qui les soutiennent. Vous n\u2019avez pas besoin de compte.',
  findHelpTitle: 'Trouver de l\u2019aide près de chez vous',
  findHelpText:
    'Logement, aide juridique, écoute, soins et plus encore. Voyez ce qui est ouvert maintenant et qui parle votre langue.',
  eventsTitle: 'Participer à un événement',
  eventsText: 'Ateliers, formations et réunions. Inscrivez-vous sans compte.',
  actionTitle: 'Agir',
  actionText:
    'Signez des pétitions et des lettres pour de meilleures lois et de meilleurs services. Votre nom reste privé si vous le voulez.',
  storiesTitle: 'Lire des témoignages',
  storiesText:
    'Des récits de survivantes et survivants, avec leurs mots, publiés seulement avec leur accord.',
  supportTitle: 'Soutenir une personne',
  supportText:
    'Un court guide pour les proches et les bénévoles : comment écouter et comment aider.',
  safetyTitle: 'Lire en sécurité',
  safetyText:
    'Le bouton Sortie rapide, en haut, quitte ce site tout de suite. Voyez ce qu\u2019il peut cacher, et ce qu\u2019il ne cache pas.',
  demoNotice: 'Tout ce qui est affiché ici est un contenu de démonstration inventé.',
};

export const support: Catalog['support'] = {
  title: 'Comment soutenir une personne',
  intro:
    'Une personne que vous connaissez a peut-être été victime de traite ou d\u2019exploitation. Pas besoin d\u2019être spécialiste pour aider. Ces conseils peuvent vraiment compter.',
  contentsHeading: 'Sur cette page',
  themes: {
    askAgain: {
      heading: 'Demander ce qui aide, et redemander',
      paragraphs: [
        'Chaque personne est différente. Ne devinez pas ce dont elle a besoin : demandez-lui comment elle veut être aidée.',
        'Mettez-vous d\u2019accord ensemble sur ce que vous ferez, et sur ce que vous ne ferez pas.',
        'Les besoins changent avec le temps. Prenez des nouvelles de temps en temps, et reposez la question.',
      ],
    },
    listen: {
      heading: 'Écouter sans juger',
      paragraphs: [
        'Laissez la personne dire ce qu\u2019elle veut, ni plus ni moins. Croyez-la. Ce qui lui est arrivé n\u2019est pas de sa faute.',
        'Ne demandez pas pourquoi elle n\u2019est pas partie. Ne demandez pas de détails qu\u2019elle ne donne pas.',
        'Vous n\u2019avez rien à réparer. Être là, avec patience, c\u2019est déjà beaucoup.',
      ],
    },
    consent: {
      heading: 'Demander avant d\u2019agir',
      paragraphs: [
        'Demandez-lui si elle veut un conseil, ou juste quelqu\u2019un qui écoute. Demandez avant de la toucher, même pour un câlin.',
        'N\u2019appelez pas la police ou un service à sa place, sauf si elle le demande ou si quelqu\u2019un est en danger maintenant.',
      ],
    },
    theirChoices: {
      heading: 'Sa vie, ses choix',
      paragraphs: [
        'Guérir prend du temps, et ce n\u2019est pas une ligne droite. Ne lui fixez pas de délai.',
        'Vous pouvez proposer des pistes et dire ce que vous pensez. Ensuite, faites-lui confiance pour décider, même si vous feriez autrement.',
        'Ne la pressez pas, et ne décidez pas à sa place.',
      ],
    },
    space: {
      heading: 'Lui laisser de l\u2019espace',
      paragraphs: [
        'Parfois, elle aura besoin d\u2019être seule. Ce n\u2019est pas contre vous : essayez de ne pas le prendre pour vous.',
        'Dites-lui que vous serez là quand elle sera prête. Puis attendez, sans insister.',
      ],
    },
    practical: {
      heading: 'Aider pour les choses pratiques',
      paragraphs: [
        'Proposez de l\u2019accompagner à ses rendez-vous ou au tribunal. Demandez-lui si vous entrez avec elle ou si vous attendez dehors.',
        'Vous pouvez la conduire, chercher un logement avec elle, remplir des papiers ensemble, envoyer des rappels, cuisiner ou faire les courses. Une simple présence compte aussi : une promenade, un film, un moment en ligne.',
        'Si vous le pouvez, aidez pour de petites dépenses, comme les courses ou un ticket de bus.',
        'Faites ces choses avec elle, pas à sa place. Cherchez des services ensemble dans la partie Trouver de l\u2019aide de ce site.',
      ],
    },
    confidentiality: {
      heading: 'Garder pour vous ce qu\u2019elle confie',
      paragraphs: [
        'Ne répétez pas ce qu\u2019elle vous a dit, même à des personnes bien intentionnées. Pas de suppositions, pas de ragots. N\u2019en parlez pas sur Internet.',
        'Si vous avez besoin de soutien vous-même, appelez une ligne d\u2019écoute sans donner son nom.',
      ],
    },
    reliable: {
      heading: 'Être fiable, et honnête sur ce que vous pouvez faire',
      paragraphs: [
        'De petites promesses tenues valent mieux que de grandes promesses impossibles.',
        'Une aide qui va et vient peut faire du mal. Elle peut raviver l\u2019instabilité et la peur d\u2019être abandonnée.',
        'Demandez-vous souvent combien de temps et d\u2019aide vous pouvez donner. Dites-le clairement. Avoir des limites, c\u2019est normal.',
      ],
    },
    noLabels: {
      heading: 'Laisser de côté les étiquettes et la honte',
      paragraphs: [
        'Faites attention à vos propres idées sur elle, et aux mots que vous employez pour parler d\u2019elle.',
        'La honte et les étiquettes éloignent les gens de l\u2019aide. Elles peuvent isoler une personne.',
        'Voyez la personne tout entière, pas seulement ce qu\u2019elle a vécu.',
      ],
    },
    learn: {
      heading: 'Vous informer par vous-même',
      paragraphs: [
        'Renseignez-vous vous-même sur la traite et les traumatismes. N\u2019attendez pas qu\u2019elle vous explique, ni qu\u2019elle raconte encore son histoire.',
        'Un traumatisme peut durer longtemps. N\u2019attendez pas qu\u2019elle \u00ab\u00a0tourne la page\u00a0\u00bb.',
      ],
    },
    plainWords: {
      heading: 'Parler simplement',
      paragraphs: [
        'Dites les choses avec des mots simples. Évitez le vocabulaire du travail social, du droit ou de la recherche.',
        'C\u2019est encore plus important quand elle doit faire un choix. Des mots clairs l\u2019aident à décider par elle-même.',
      ],
    },
    advocate: {
      heading: 'Défendre ses droits, avec son accord',
      paragraphs: [
        'Vous pouvez l\u2019aider face aux services et à la justice. Allez-y avec elle, et laissez-la mener.',
        'Vous pouvez aussi agir autour de vous : lors d\u2019événements et d\u2019ateliers, et pour des lois et des moyens qui font passer la sécurité des survivantes et survivants en premier.',
        'Demandez toujours d\u2019abord. Ne parlez jamais à sa place, ni de son histoire, sans son accord.',
      ],
    },
    yourself: {
      heading: 'Prendre soin de vous aussi',
      paragraphs: [
        'Personne ne soutient parfaitement. Vous ferez des erreurs. Reconnaissez-les, excusez-vous, et continuez d\u2019apprendre.',
        'Écoutez-la quand elle vous dit ce qui ne l\u2019aide pas.',
        'Reposez-vous quand il le faut. Trouvez du soutien pour vous-même, sans raconter son histoire.',
      ],
    },
  },
  findHelpLink: 'Trouver des services près de chez vous',
  circlesHeading: 'Les cercles de soutien',
  circlesParagraphs: [
    'Si la personne que vous soutenez le souhaite, elle peut vous inviter dans son cercle sur ce site.',
    'Un cercle de soutien est son espace privé. C\u2019est elle qui choisit qui en fait partie, ce que chacun voit, et comment elle veut être soutenue. Les membres peuvent proposer leur aide pour des trajets, des repas ou des rendez-vous.',
    'Le cercle lui appartient. Si elle vous invite, vous recevrez un courriel.',
  ],
};

export const safety: Catalog['safety'] = {
  title: 'Rester en sécurité en ligne',
  intro:
    'Quelqu\u2019un peut regarder votre téléphone ou votre ordinateur. Ces conseils vous aident à visiter ce site plus prudemment.',
  quickExitHeading: 'Le bouton Sortie rapide',
  quickExitParagraphs: [
    'Le bouton Sortie rapide est en haut de chaque page. Vous pouvez aussi appuyer trois fois sur la touche Maj.',
    'Il ouvre un site de météo dans le même onglet. Le bouton Retour ne ramène pas la page que vous lisiez.',
    'Les pages de ce site ouvertes avant elle peuvent encore revenir avec Retour. Fermez l\u2019onglet si vous pouvez.',
    'Il n\u2019efface pas votre historique. Ce site restera dans la liste de votre historique.',
  ],
  historyHeading: 'Votre historique de navigation',
  historyParagraphs: [
    'Votre navigateur garde la liste des pages que vous visitez. Vous pouvez effacer une seule page de cette liste, ou tout effacer.',
    'Une fenêtre privée (ou navigation privée) ne garde pas l\u2019historique une fois fermée.',
    'Tout effacer peut paraître étrange à une personne qui vérifie. Effacer seulement quelques pages peut être plus sûr.',
  ],
  devicesHeading: 'Appareils partagés ou surveillés',
  devicesParagraphs: [
    'Si possible, utilisez un appareil auquel cette personne n\u2019a pas accès, comme un ordinateur de bibliothèque ou le téléphone d\u2019une amie.',
    'Certains téléphones et ordinateurs ont des applications espionnes. Si vous pensez que c\u2019est le cas du vôtre, utilisez un autre appareil.',
    'Déconnectez-vous à la fin, si vous vous êtes connecté.',
  ],
  emailHeading: 'Les courriels de ce site',
  emailParagraphs: [
    'Les objets de nos courriels sont neutres et ne disent pas de quoi parle ce site.',
    'Une personne qui lit vos courriels pourrait quand même ouvrir le message. Utilisez une adresse que vous êtes seule ou seul à ouvrir.',
  ],
};

export const privacy: Catalog['privacy'] = {
  title: 'Confidentialité : ce que nous gardons et combien de temps',
  intro:
    'Nous gardons le moins possible d\u2019informations sur vous. Voici ce que nous enregistrons, pourquoi, et quand nous l\u2019effaçons.',
  sections: [
    {
      heading: 'Quand vous lisez seulement',
      paragraphs: [
        'Nous n\u2019utilisons pas de cookies pour vous suivre. Nos pages n\u2019utilisent ni statistiques, ni publicité, ni service d\u2019une autre entreprise.',
        'Nous n\u2019enregistrons pas votre adresse IP. Nos journaux notent la page demandée, sans mots de recherche ni informations personnelles.',
        'Si vous choisissez une langue, nous la retenons dans un petit cookie sur votre appareil.',
      ],
    },
    {
      heading: 'Quand vous signez une pétition ou vous inscrivez à un événement',
      paragraphs: [
        'Nous gardons votre nom et votre courriel pour confirmer votre signature ou votre place, et vous envoyer ce que vous avez demandé.',
        'Votre courriel n\u2019est jamais public. Votre nom est affiché seulement comme vous le choisissez.',
      ],
    },
    {
      heading: 'Quand vous partagez votre témoignage',
      paragraphs: [
        'Votre témoignage est publié seulement après votre accord sur le texte exact, sous le nom que vous choisissez.',
        'Vous pouvez le retirer à tout moment. Il disparaît du site tout de suite.',
      ],
    },
    {
      heading: 'Qui voit quoi',
      paragraphs: [
        'Les organisateurs voient les personnes inscrites à leurs propres événements et campagnes. Les modérateurs vérifient les contenus avant leur publication.',
        'Nous ne vendons pas et ne partageons pas vos données.',
      ],
    },
    {
      heading: 'Quand vous modérez',
      paragraphs: [
        'Quand une personne de la modération ajoute, modifie ou vérifie une ressource, nous notons la date, les champs modifiés et son rôle. Jamais l\u2019ancien ni le nouveau texte.',
        'Nous notons aussi le compte qui a fait la modification, jusqu\u2019à la suppression de ce compte. Ensuite, seul le rôle reste.',
      ],
    },
    {
      heading: 'Vos choix',
      paragraphs: [
        'Vous pouvez demander à voir, corriger ou effacer ce que nous gardons sur vous, à tout moment.',
      ],
    },
    {
      heading: 'Copies de secours',
      paragraphs: [
        'Nous gardons des copies de nos données pour réparer le site après une panne. Ces copies sont fermées par une clé et effacées après 30 jours.',
        'Ce qui est effacé ici disparaît donc de toutes les copies en 30 jours au plus.',
      ],
    },
  ],
};

export const errors: Catalog['errors'] = {
  notFoundTitle: 'Nous n\u2019avons pas trouvé cette page',
  notFoundText:
    'La page a peut-être changé d\u2019adresse, ou l\u2019adresse contient une faute de frappe.',
  serverErrorTitle: 'Un problème est survenu de notre côté',
  serverErrorText: 'Vous n\u2019y êtes pour rien. Réessayez dans un moment.',
  forbiddenTitle: 'Cette demande a été bloquée',
  forbiddenText:
    'Pour votre sécurité, nous acceptons seulement les formulaires envoyés depuis ce site. Revenez en arrière, rechargez la page et réessayez.',
  tooLargeTitle: 'Ce texte est trop long',
  tooLargeText:
    'Ce que vous avez envoyé dépasse ce que nous pouvons accepter. Raccourcissez-le et réessayez.',
  goHome: 'Aller à la page d\u2019accueil',
};

export const readability: Catalog['readability'] = {
  veryEasy: 'Très facile à lire.',
  easy: 'Facile à lire.',
  fair: 'Assez facile à lire. Des phrases plus courtes aideraient.',
  hard: 'Difficile à lire. Visez des phrases plus courtes et des mots plus simples.',
  veryHard:
    'Très difficile à lire. Coupez les longues phrases et utilisez des mots de tous les jours.',
  empty: 'Écrivez un texte pour voir s\u2019il est facile à lire.',
  scoreLabel: 'Facilité de lecture : {score} sur 100',
};

export const paging: Catalog['paging'] = {
  previous: 'Page précédente',
  next: 'Page suivante',
};
