import type { DemoOrganization } from './resources-types';

/** Demo services reached only by phone, text or the web: no address at all. */
export const online: DemoOrganization[] = [
  {
    key: 'brightline',
    name: 'Brightline Talk and Text',
    alternateName: 'Ligne Brightline',
    description: 'A crisis line for anyone affected by trafficking or exploitation.',
    services: [
      {
        slug: 'brightline-crisis-line',
        name: 'Brightline crisis line',
        alternateName: 'Ligne de crise Brightline',
        description:
          'Call or text any time, day or night. Talk to a trained listener about what is happening, make a safety plan, or find a bed tonight. Interpreters in more than 100 languages.',
        categories: ['crisis-lines', 'emergency-shelter'],
        city: 'online',
        timeZone: 'America/Toronto',
        languages: ['en', 'fr', 'es', 'ar', 'zh', 'tl', 'uk', 'ru', 'vi'],
        hours: '24/7',
        cost: 'free',
        traumaInformed: true,
        verifiedDaysAgo: 1,
        phones: [
          { number: '+1 800 555 0100', type: 'voice', description: 'Call, 24 hours' },
          { number: '+1 800 555 0199', type: 'text', description: 'Text, 24 hours' },
        ],
        url: 'https://brightline.example.org/',
      },
      {
        slug: 'brightline-chat',
        name: 'Brightline web chat',
        description:
          'Chat in writing with a listener from your browser. Nothing is saved on your device when you close the window.',
        categories: ['crisis-lines', 'counselling'],
        city: 'online',
        timeZone: 'America/Toronto',
        languages: ['en', 'fr'],
        hours: 'MO,TU,WE,TH,FR,SA,SU 16:00-00:00',
        cost: 'free',
        traumaInformed: true,
        verifiedDaysAgo: 35,
        phones: [],
        url: 'https://brightline.example.org/chat',
      },
    ],
  },
  {
    key: 'northmarch-status-line',
    name: 'Northmarch Status Line',
    description: 'Immigration information by phone and video.',
    services: [
      {
        slug: 'status-line-immigration-advice',
        name: 'Immigration advice by phone',
        alternateName: 'Conseils en immigration par téléphone',
        description:
          'A regulated adviser explains your immigration options by phone or video, in confidence. We can refer you to a free lawyer.',
        categories: ['immigration'],
        city: 'online',
        timeZone: 'America/Toronto',
        languages: ['en', 'fr', 'es', 'ar', 'so'],
        hours: 'MO,TU,WE,TH,FR 09:00-19:00',
        cost: 'free',
        verifiedDaysAgo: 600,
        phones: [{ number: '+1 800 555 0120', type: 'voice' }],
        url: 'https://status-line.example.org/',
      },
    ],
  },
  {
    key: 'open-circle-online',
    name: 'Open Circle Online',
    description: 'Online peer groups led by survivors.',
    services: [
      {
        slug: 'open-circle-video-group',
        name: 'Evening video peer group',
        alternateName: 'Groupe d’entraide en vidéo',
        description:
          'Join a small video group from home. Camera on or off, as you like. Facilitated by survivors.',
        categories: ['peer-support'],
        city: 'online',
        timeZone: 'America/Vancouver',
        languages: ['en', 'fr'],
        hours: 'TU,SU 19:00-20:30',
        cost: 'free',
        traumaInformed: true,
        survivorLed: true,
        phones: [],
        url: 'https://open-circle.example.org/',
      },
      {
        slug: 'open-circle-benefits-guide',
        name: 'Benefits coaching by video',
        description:
          'A coach helps you fill in benefit forms by video call, and checks you get everything you are entitled to.',
        categories: ['money-benefits'],
        city: 'online',
        timeZone: 'America/Vancouver',
        languages: ['en', 'es'],
        hours: 'MO,WE,FR 10:00-18:00',
        cost: 'free',
        survivorLed: true,
        verifiedDaysAgo: 70,
        phones: [{ number: '+1 800 555 0130', type: 'voice' }],
        url: 'https://open-circle.example.org/benefits',
      },
    ],
  },
];
