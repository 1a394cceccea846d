import type { Role } from '../../../db/accounts/roles';

/** English strings for accounts, sign-in, organizing and moderation. */

export const signIn = {
  title: 'Sign in',
  intro: 'We will email you a code. You do not need a password.',
  whoNeedsIt:
    'You only need an account to organize events, run campaigns or share your story. Everything else works without one.',
  emailLabel: 'Your email address',
  emailHint: 'Use an address only you can open.',
  emailInvalid: 'Enter an email address like name@example.org.',
  send: 'Email me a code',
  subjectNote:
    'The email subject will be "Your sign-in code". It does not say what this site is about.',
  codeTitle: 'Enter your code',
  codeSent:
    'If the address is right, we sent an 8-digit code to {email}. The code works for 10 minutes.',
  codeLabel: 'Code from the email',
  codeHint: '8 digits, for example 12345678.',
  codeSubmit: 'Sign in',
  codeWrong: 'That code is not right. You can try {count} more times.',
  codeWrongLast: 'That code is not right. You can try 1 more time.',
  codeExpired: 'This code no longer works. Ask for a new code.',
  codeFormat: 'Enter the 8 digits from the email.',
  newCode: 'Ask for a new code',
  tooManyRequests:
    'Too many codes were asked for. To keep accounts safe, please wait {minutes} minutes and try again.',
  tooManyTries:
    'Too many wrong codes were tried for this address. Please wait {minutes} minutes, then ask for a new code.',
  signedOut: 'You are signed out.',
} as const;

export const account = {
  title: 'My account',
  signedInAs: 'Signed in as {email}',
  rolesHeading: 'What you can do here',
  roleMember: 'Member',
  roleOrganizer: 'Organizer: publish events and run campaigns',
  roleStoryteller: 'Storyteller: write and share your story',
  roleModerator: 'Moderator',
  roleAdmin: 'Admin',
  storytellerHeading: 'Share your story',
  storytellerOff:
    'If you want to share your story, turn this on. You can write at your own pace. Nothing is published unless you approve the exact words.',
  storytellerOn: 'You can write stories. Nothing is published unless you approve the exact words.',
  storytellerTurnOn: 'I want to share a story',
  storytellerTurnOff: 'Stop sharing stories',
  organizerHeading: 'Organize events and campaigns',
  organizerApply: 'Ask to become an organizer',
  organizerPending: 'Your request to become an organizer is waiting for a moderator.',
  organizerDeclined: 'Your last request to become an organizer was declined. You can ask again.',
  sessionsHeading: 'Where you are signed in',
  sessionsIntro:
    'Each line is a browser or device. We do not keep where you were or which device it was.',
  sessionStarted: 'Signed in',
  sessionLastActive: 'Last active',
  thisDevice: 'This device',
  otherDevice: 'Another device',
  signOut: 'Sign out',
  signOutEverywhere: 'Sign out everywhere',
  dataHeading: 'Your data',
  downloadData: 'Download my data (JSON file)',
  deleteLink: 'Delete my account',
  workHeading: 'Work areas',
  circlesLink: 'My care circles',
  moderationLink: 'Moderation',
  peopleLink: 'People and roles',
  deleteTitle: 'Delete your account',
  deleteIntro: 'This cannot be undone. We will:',
  deleteWhat: [
    'end every session, on every device,',
    'withdraw and delete any story you wrote,',
    'keep your petition signatures and event places, but no longer link them to an account,',
    'delete your email address and everything else we keep about your account.',
  ],
  deleteConfirm: 'Yes, delete my account',
  lastAdminDelete:
    'You are the only admin. Give the admin role to someone else before you delete your account.',
  deleteCancel: 'Keep my account',
  deletedTitle: 'Your account is deleted',
  deletedText: 'We deleted your account and signed you out everywhere.',
} as const;

export const organizerApplication = {
  title: 'Ask to become an organizer',
  intro:
    'Organizers publish events and run campaigns. A moderator reads each request. We will email you the answer.',
  organizationLabel: 'Name of your group or organization',
  organizationHint: 'If you organize on your own, write your first name.',
  reasonLabel: 'What would you like to organize, and why?',
  reasonHint: 'A few sentences are enough.',
  submit: 'Send my request',
  sent: 'Thank you. A moderator will read your request. We will email you the answer.',
} as const;

export const organize = {
  title: 'Organize',
  intro:
    'This is your work area as an organizer. Your events and campaigns, with the people who joined them, are listed here.',
} as const;

export const moderation = {
  title: 'Moderation',
  resourcesHeading: 'Resource directory',
  resourcesLink: 'Check resources and reports from visitors',
  resourcesTitle: 'Resources: checks and reports',
  reportsHeading: 'Reports from visitors',
  reportsPagesLabel: 'Pages of the reports from visitors',
  noReports: 'No reports are waiting.',
  reportAbout: 'About',
  reportProblem: 'What is wrong',
  reportContact: 'Contact the person gave',
  reportNoContact: 'No contact given.',
  reportRepeats: 'Sent again {count} times.',
  reportSent: 'Sent on {date}',
  resolve: 'Fixed',
  dismiss: 'Nothing to change',
  closeHint: 'Closing a report erases the contact the person gave.',
  verifyHeading: 'To check again',
  verifyPagesLabel: 'Pages of the resources to check again',
  verifyIntro:
    'Never-checked resources first, then the longest since someone checked. Call or visit, correct what changed, then mark it checked.',
  neverVerified: 'Never checked',
  lastChecked: 'Last checked',
  verifyToday: 'Checked today',
  verifiedNotice: 'Marked as checked today.',
  resolvedNotice: 'Report closed. The contact was erased.',
  reportAlreadyClosed: 'Someone already closed this report.',
  applicationsHeading: 'Requests to become an organizer',
  applicationsPagesLabel: 'Pages of the requests to become an organizer',
  noApplications: 'No requests are waiting.',
  appliedOn: 'Asked on {date}',
  from: 'From',
  reason: 'What they want to organize',
  approve: 'Approve',
  decline: 'Decline',
  approved: 'Approved. We emailed the person.',
  declined: 'Declined. We emailed the person.',
  alreadyDecided: 'Someone already decided on this request.',
  peopleTitle: 'People and roles',
  peopleIntro:
    'Give or remove a role. The person is signed out everywhere when their role changes.',
  peopleEmailLabel: 'Email address of the person',
  roleNames: {
    organizer: 'Organizer',
    storyteller: 'Storyteller',
    moderator: 'Moderator',
    admin: 'Admin',
  } satisfies Record<Role, string>,
  peopleRoleLabel: 'Role',
  grant: 'Give this role',
  revoke: 'Remove this role',
  peopleListHeading: 'People with roles',
  noPeople: 'No one has a role yet.',
  roleGranted: 'Role given.',
  roleRevoked: 'Role removed.',
  noSuchPerson: 'No account uses that email address. The person must sign in once first.',
  lastAdmin: 'You cannot remove the last admin.',
  ownRequest: 'You cannot decide on your own request. Another moderator will.',
  forbiddenTitle: 'You do not have access to this page',
  forbiddenText:
    'This page is for people with another role. If you think you need access, ask a moderator.',
} as const;
