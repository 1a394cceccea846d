/** English strings for check-ins in care circles: nudges, the check-in form, the owner's inbox. */

export const circleCheckIns = {
  sectionLabel: 'Check-ins',
  // A member's check-in
  heading: 'Check in',
  nudge: 'It may be a good time to check in, if you would like to. There is no need to.',
  intro: 'Send a short message to the person this circle is for. Only they read it.',
  topicsToAvoid: 'Topics to avoid',
  noTopics: 'No topics to avoid were written.',
  messageLabel: 'Your message',
  messageHint: 'Keep it short and kind. At most {max} characters. No reply is expected.',
  sendButton: 'Send my check-in',
  sent: 'Your check-in was sent.',
  alreadySent:
    'You checked in on {date}. Thank you. You can check in again from {next}. No reply is expected.',
  closedSpace:
    'The person this circle is for is taking some space. Check-ins are closed until they come back. Please do not reach out in other ways.',
  closedNever:
    'The person this circle is for asked not to be checked in on. They will reach out when they want to.',
  // The notice on /circles
  listNoticeHeading: 'A gentle reminder',
  listNoticeLine: 'You could check in with the circle where you are {name}.',
  listNoticeTopics: 'Topics to avoid there: {topics}',
  openCircle: 'Open that circle',
  // The owner's side
  ownerHeading: 'Check-ins',
  ownerUnread: 'You have {count} check-in messages you have not read.',
  ownerUnreadOne: 'You have 1 check-in message you have not read.',
  ownerNoUnread: 'No new check-in messages.',
  ownerSpace: 'While you take space, nobody is nudged and nobody can send you a check-in.',
  ownerNever: 'You chose that people do not check in. You can change this in the support charter.',
  ownerOpenInbox: 'Open my check-ins',
  // The inbox
  inboxTitle: 'Check-ins',
  inboxIntro:
    'Short messages from the people in your circle. Only you read them. You never have to answer, and nothing happens if you do not.',
  inboxEmpty: 'No check-ins yet.',
  inboxFrom: 'From {name}, {date}',
  formerMember: 'a former member',
  unread: 'New',
  markRead: 'Mark as read',
  markedRead: 'Marked as read.',
  // Errors
  errors: {
    required: 'Write your message first.',
    tooLong: 'Use at most {max} characters. You wrote {count}.',
    limited: 'You have tried many times. Please wait a while before trying again.',
  },
} as const;
