import type { ContentLanguage } from '../../../db/core/content-languages';

/** English strings for the whole site (shell, pages, forms, mail, errors). */

export const meta = {
  dir: 'ltr',
} as const;

export const shell = {
  quickExit: 'Quick exit',
  quickExitHint: 'Leave this site now. Or press Shift three times.',
  skipToContent: 'Skip to main content',
  mainNav: 'Main',
  navFindHelp: 'Find help',
  navEvents: 'Events',
  navTakeAction: 'Take action',
  navStories: 'Stories',
  navSupport: 'Support someone',
  navCircles: 'My circles',
  footerNav: 'About this site',
  footerPrivacy: 'Privacy',
  footerSafety: 'Staying safe online',
  footerNote: 'If you are in danger now, call your local emergency number.',
  switchTo: 'Lire en français',
  switchToLang: 'fr',
  signIn: 'Sign in',
  myAccount: 'My account',
} as const;

export const forms = {
  /** Languages a text on the site may be written in (stories, campaigns, events). */
  contentLanguages: {
    en: 'English',
    fr: 'French',
    es: 'Spanish',
    pt: 'Portuguese',
    ar: 'Arabic',
  } satisfies Record<ContentLanguage, string>,
  contentLanguageInvalid: 'Choose a language from the list.',
  errorSummaryTitle: 'Please fix this and try again:',
  errorSummaryTitleMany: 'Please fix these {count} things and try again:',
  optional: '(optional)',
  tooLong: 'This is too long. Use at most {max} characters.',
  required: 'Please fill this in.',
} as const;

export const mail = {
  signInSubject: 'Your sign-in code',
  signInBody:
    'Your code is {code}\n\nIt works for 10 minutes. Type it on the page where you asked for it.\n\nIf you did not ask for this code, you can ignore this email. Nobody can sign in without it.',
  accountUpdateSubject: 'An update on your account',
  organizerApproved: 'Good news: you can now organize events and campaigns. Sign in to start.',
  organizerDeclined:
    'A moderator read your request to become an organizer and could not approve it this time. You can ask again at any time.',
} as const;

export const home = {
  title: 'Help, events, action and stories',
  intro:
    'This site helps people who have lived through trafficking, and the people who stand with them. You do not need an account.',
  findHelpTitle: 'Find help near you',
  findHelpText:
    'Housing, legal help, counselling, medical care and more. See what is open now and who speaks your language.',
  eventsTitle: 'Go to an event',
  eventsText: 'Workshops, trainings and community meetings. Say you are coming without an account.',
  actionTitle: 'Take action',
  actionText:
    'Sign petitions and letters for better laws and services. Your name stays private if you want.',
  storiesTitle: 'Read stories',
  storiesText: 'Stories told by survivors, in their own words, shared only with their approval.',
  supportTitle: 'Support someone',
  supportText: 'A short guide for friends, family and volunteers: how to listen and how to help.',
  safetyTitle: 'Stay safe while you read',
  safetyText:
    'The Quick exit button at the top leaves this site at once. Learn what it can and cannot hide.',
  demoNotice: 'Everything shown here is made-up demo content.',
} as const;

export const support = {
  title: 'How to support someone',
  intro:
    'Someone you know may have been trafficked or exploited. You do not need to be an expert to help. These steps can make a real difference.',
  contentsHeading: 'On this page',
  /** One section for each theme of the guide, in the order the page shows them (support.tsx). */
  themes: {
    askAgain: {
      heading: 'Ask what helps, and ask again',
      paragraphs: [
        'Everyone is different. Do not guess what they need. Ask how they want you to help.',
        'Agree together on what you will do, and on what you will not do.',
        'Needs change over time. Check in now and then, and ask again.',
      ],
    },
    listen: {
      heading: 'Listen without judging',
      paragraphs: [
        'Let them tell you as much or as little as they want. Believe them. What happened was not their fault.',
        'Do not ask why they did not leave. Do not ask for details they do not offer.',
        'You do not have to fix anything. Being there, with patience, already helps.',
      ],
    },
    consent: {
      heading: 'Ask before you act',
      paragraphs: [
        'Ask if they want your advice, or if they just want you to listen. Ask before you touch them, even for a hug.',
        'Do not call the police or a service for them unless they ask you to, or someone is in danger right now.',
      ],
    },
    theirChoices: {
      heading: 'Their life, their choices',
      paragraphs: [
        'Healing takes time and it is not a straight line. Do not set a timeline for them.',
        'You can share options and what you think. Then trust them to decide, even if you would choose differently.',
        'Do not push them, and do not take over.',
      ],
    },
    space: {
      heading: 'Give them space',
      paragraphs: [
        'Sometimes they will need time alone. It is not about you, so try not to take it personally.',
        'Let them know you are there when they are ready. Then wait, without pressure.',
      ],
    },
    practical: {
      heading: 'Help with practical things',
      paragraphs: [
        'Offer to come to appointments or to court. Ask if they want you to come in with them or to wait outside.',
        'You can give rides, look for housing together, fill in forms side by side, send reminders, cook or shop. Simple company counts too: a walk, a film, a chat online.',
        'If you can, help with small costs, like groceries or a bus fare.',
        'Do these things with them, not for them. Look for services together in the Find help section of this site.',
      ],
    },
    confidentiality: {
      heading: 'Keep what they share private',
      paragraphs: [
        'Do not tell others what they told you, not even people who mean well. Do not guess or gossip. Do not post about it online.',
        'If you need support yourself, talk to a helpline without giving their name.',
      ],
    },
    reliable: {
      heading: 'Be reliable, and honest about what you can do',
      paragraphs: [
        'Small promises you keep are worth more than big promises you cannot keep.',
        'Help that comes and goes can hurt. It can bring back the feeling of being let down.',
        'Think often about how much time and help you can give. Say it clearly. It is fine to have limits.',
      ],
    },
    noLabels: {
      heading: 'Leave out labels and shame',
      paragraphs: [
        'Notice your own ideas about them, and the words you use about them.',
        'Shame and labels push people away from help. They can leave a person feeling alone.',
        'See the whole person, not only what happened to them.',
      ],
    },
    learn: {
      heading: 'Learn on your own',
      paragraphs: [
        'Read about trafficking and trauma yourself. Do not expect them to teach you, or to tell their story again.',
        'Trauma can last a long time. Do not expect them to \u201cget over it\u201d.',
      ],
    },
    plainWords: {
      heading: 'Use plain words',
      paragraphs: [
        'Say things simply. Avoid words from social work, law or research that they may not know.',
        'This matters most when they face a choice. Clear words help them decide for themselves.',
      ],
    },
    advocate: {
      heading: 'Speak up, with their consent',
      paragraphs: [
        'You can help them deal with services and the courts. Go with them, and let them lead.',
        'You can also speak up where you live: at events and workshops, and for laws and funding that put survivors\u2019 safety first.',
        'Always ask first. Never speak for them, or about their story, without their consent.',
      ],
    },
    yourself: {
      heading: 'Look after yourself too',
      paragraphs: [
        'Nobody supports someone perfectly. You will make mistakes. Own them, say sorry, and keep learning.',
        'Listen when they tell you what does not help.',
        'Rest when you need to. Find support for yourself, without sharing their story.',
      ],
    },
  },
  findHelpLink: 'Find services near you',
  circlesHeading: 'Care circles',
  circlesParagraphs: [
    'If the person you support wants it, they can invite you to their circle on this site.',
    'A care circle is their own private space. They choose who joins, what each person sees, and how they want to be supported. Members can offer to help with rides, meals or appointments.',
    'The circle belongs to them. If they invite you, you will get an email.',
  ],
} as const;

export const safety = {
  title: 'Staying safe online',
  intro:
    'Someone may check your phone or computer. These tips can help you visit this site more safely.',
  quickExitHeading: 'The Quick exit button',
  quickExitParagraphs: [
    'The Quick exit button is at the top of every page. You can also press the Shift key three times.',
    'It opens a weather website in the same tab. Pressing Back will not bring back the page you were reading.',
    'Pages of this site you opened before it may still be reached with Back. Close the tab if you can.',
    'It does not delete your browsing history. This site will still be in your history list.',
  ],
  historyHeading: 'Your browsing history',
  historyParagraphs: [
    'Your browser keeps a list of the pages you visit. You can delete single pages from that list, or all of it.',
    'A private window (also called incognito) does not keep history after you close it.',
    'Deleting all of your history can look unusual to someone who checks. Deleting only some pages may be safer.',
  ],
  devicesHeading: 'Shared and watched devices',
  devicesParagraphs: [
    'If you can, use a device the person does not have access to, like a computer at a library or a friend\u2019s phone.',
    'Some phones and computers have tracking apps installed. If you think yours does, use another device.',
    'Sign out when you are done, if you signed in.',
  ],
  emailHeading: 'Emails from this site',
  emailParagraphs: [
    'Our email subjects are plain and do not say what this site is about.',
    'If someone reads your email, they could still open the message. Use an email address only you can open.',
  ],
} as const;

export const privacy = {
  title: 'Privacy: what we keep and for how long',
  intro:
    'We keep as little about you as we can. Here is what we store, why, and when we delete it.',
  sections: [
    {
      heading: 'When you just read',
      paragraphs: [
        'We do not use cookies to track you. We do not use analytics, ads or any service from another company on our pages.',
        'We do not store your IP address. Our logs record which page was asked for, without search words or personal details.',
        'If you choose a language, we remember it in a small cookie on your device.',
      ],
    },
    {
      heading: 'When you sign a petition or say you will come to an event',
      paragraphs: [
        'We keep your name and email to confirm your signature or your place, and to send you what you asked for.',
        'We never show your email in public. Your name is shown only the way you choose.',
      ],
    },
    {
      heading: 'When you share a story',
      paragraphs: [
        'Your story is published only after you approve the exact words, under the name you choose.',
        'You can withdraw it at any time. It leaves the site at once.',
      ],
    },
    {
      heading: 'Who can see what',
      paragraphs: [
        'Organizers see the people who signed up for their own events and campaigns. Moderators check content before it is public.',
        'We do not sell or share your data.',
      ],
    },
    {
      heading: 'When you moderate',
      paragraphs: [
        'When a moderator adds, changes or checks a resource, we note when, which fields changed, and the moderator’s role. Never the old or new words.',
        'We also note which account made the change, until that account is deleted. After that, only the role stays.',
      ],
    },
    {
      heading: 'Your choices',
      paragraphs: ['You can ask to see, change or delete what we hold about you at any time.'],
    },
    {
      heading: 'Copies for repairs',
      paragraphs: [
        'We keep copies of our data so we can repair the site after a fault. The copies are locked with a key and deleted after 30 days.',
        'So what is deleted here is gone from every copy within 30 days.',
      ],
    },
  ],
} as const;

export const errors = {
  notFoundTitle: 'We could not find that page',
  notFoundText: 'The page may have moved, or the address may have a typo.',
  serverErrorTitle: 'Something went wrong on our side',
  serverErrorText: 'Nothing you did caused this. Please try again in a moment.',
  forbiddenTitle: 'This request was blocked',
  forbiddenText:
    'To keep you safe, we only accept forms sent from this site. Go back, reload the page and try again.',
  tooLargeTitle: 'That was too much text',
  tooLargeText: 'What you sent is longer than we can accept. Please shorten it and try again.',
  goHome: 'Go to the home page',
} as const;

export const readability = {
  veryEasy: 'Very easy to read.',
  easy: 'Easy to read.',
  fair: 'Fairly easy to read. Shorter sentences would help.',
  hard: 'Hard to read. Aim for shorter sentences and simpler words.',
  veryHard: 'Very hard to read. Break long sentences into short ones and use everyday words.',
  empty: 'Write some text to see how easy it is to read.',
  scoreLabel: 'Reading ease: {score} out of 100',
} as const;

/** Links between the pages of a long list. */
export const paging = {
  previous: 'Previous page',
  next: 'Next page',
} as const;
