import type { Catalog } from '../catalog';

/** French strings for check-ins in care circles: typed from the English, so a missing key fails the type check. */

export const circleCheckIns: Catalog['circleCheckIns'] = {
  sectionLabel: 'Nouvelles',
  heading: 'Prendre des nouvelles',
  nudge:
    'C’est peut-être un bon moment pour prendre des nouvelles, si vous le souhaitez. Rien ne vous y oblige.',
  intro: 'Envoyez un court message à la personne pour qui est ce cercle. Elle seule le lit.',
  topicsToAvoid: 'Sujets à éviter',
  noTopics: 'Aucun sujet à éviter n’a été écrit.',
  messageLabel: 'Votre message',
  messageHint:
    'Restez bref et bienveillant. Au plus {max} caractères. Aucune réponse n’est attendue.',
  sendButton: 'Envoyer mon message',
  sent: 'Votre message a été envoyé.',
  alreadySent:
    'Vous avez pris des nouvelles le {date}. Merci. Vous pourrez recommencer à partir du {next}. Aucune réponse n’est attendue.',
  closedSpace:
    'La personne pour qui est ce cercle prend un peu de distance. Les messages sont fermés jusqu’à son retour. Merci de ne pas la contacter autrement.',
  closedNever:
    'La personne pour qui est ce cercle préfère qu’on ne prenne pas de ses nouvelles. Elle vous contactera quand elle le voudra.',
  listNoticeHeading: 'Un petit rappel',
  listNoticeLine: 'Vous pourriez prendre des nouvelles dans le cercle où vous êtes {name}.',
  listNoticeTopics: 'Sujets à éviter dans ce cercle : {topics}',
  openCircle: 'Ouvrir ce cercle',
  ownerHeading: 'Nouvelles',
  ownerUnread: 'Vous avez {count} messages que vous n’avez pas lus.',
  ownerUnreadOne: 'Vous avez 1 message que vous n’avez pas lu.',
  ownerNoUnread: 'Aucun nouveau message.',
  ownerSpace:
    'Pendant que vous prenez de la distance, personne n’est invité à prendre de vos nouvelles et personne ne peut vous écrire.',
  ownerNever:
    'Vous avez choisi qu’on ne prenne pas de vos nouvelles. Vous pouvez changer cela dans la charte de soutien.',
  ownerOpenInbox: 'Voir mes messages',
  inboxTitle: 'Nouvelles',
  inboxIntro:
    'De courts messages des personnes de votre cercle. Vous seul les lisez. Vous n’avez jamais à répondre, et rien ne se passe si vous ne répondez pas.',
  inboxEmpty: 'Aucun message pour l’instant.',
  inboxFrom: 'De {name}, le {date}',
  formerMember: 'un ancien membre',
  unread: 'Nouveau',
  markRead: 'Marquer comme lu',
  markedRead: 'Marqué comme lu.',
  errors: {
    required: 'Écrivez d’abord votre message.',
    tooLong: 'Utilisez au plus {max} caractères. Vous en avez écrit {count}.',
    limited: 'Vous avez essayé de nombreuses fois. Merci d’attendre un moment avant de réessayer.',
  },
};
