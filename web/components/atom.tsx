import type * as FeedModule from 'feed';
import type { Child } from 'hono/jsx';
import type { Locale } from '../i18n';

/** One entry of an Atom feed. Titles and summaries are plain text: they are escaped here. */
export interface AtomEntry {
  /** A stable, absolute id (the entry's own address): readers use it to tell new from seen. */
  id: string;
  url: string;
  title: string;
  updated: Date;
  published?: Date;
  /** Plain text, shown by readers under the title. */
  summary: string;
  /** The entry's body as markup drawn by a view (escaped by JSX like any page). */
  content?: Child;
}

/**
 * The `feed` library, as the feed routes pass it: they load it on demand (worker/on-demand.ts),
 * so the Worker reads it only when a feed changed and is written.
 */
export type FeedLibrary = Pick<typeof FeedModule, 'Feed'>;

export interface AtomFeedOptions {
  library: FeedLibrary;
  /** The feed's own absolute address: its id and its `rel="self"` link. */
  selfUrl: string;
  /** The page the feed follows (its `rel="alternate"` link). */
  pageUrl: string;
  title: string;
  /** The language of the feed's own words (titles of states, dates): `xml:lang` on `<feed>`. */
  language: Locale;
  entries: readonly AtomEntry[];
}

/**
 * Characters XML 1.0 refuses (C0 controls other than tab and line ends, U+FFFE, U+FFFF) and
 * lone surrogates: one of them would make the whole feed unreadable, so they go.
 */
const xmlText = (text: string): string =>
  text.replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );

/**
 * The feed library writes entry titles, summaries and content as `type="html"`: a reader
 * renders them as markup. Plain text is therefore escaped as HTML first (by hono's JSX, as a
 * page would be), so a title like `<script>` reads as those characters and never runs.
 */
const asHtml = (node: Child): string => String(<>{node}</>);

/**
 * An Atom 1.0 document written by the `feed` library (XML escaping, CDATA splitting and dates
 * are its job). It has no option for the feed's language, so `xml:lang` is added to the root
 * element here; the check below fails loudly should the library ever write that element
 * differently.
 */
export const atomFeed = (options: AtomFeedOptions): string => {
  const newest = options.entries.reduce(
    (latest, entry) => (entry.updated > latest ? entry.updated : latest),
    new Date(0),
  );
  const feed = new options.library.Feed({
    id: options.selfUrl,
    title: xmlText(options.title),
    link: options.pageUrl,
    feed: options.selfUrl,
    // The newest entry's change, so an unchanged feed reads the same on every request.
    updated: newest,
    generator: false,
    language: options.language,
  });
  for (const entry of options.entries) {
    feed.addItem({
      id: entry.id,
      link: entry.url,
      title: asHtml(xmlText(entry.title)),
      date: entry.updated,
      ...(entry.published ? { published: entry.published } : {}),
      description: asHtml(xmlText(entry.summary)),
      ...(entry.content === undefined ? {} : { content: xmlText(asHtml(entry.content)) }),
    });
  }
  const root = '<feed xmlns="http://www.w3.org/2005/Atom">';
  const xml = feed.atom1();
  if (!xml.includes(root)) throw new Error('atomFeed: unexpected root element');
  return xml.replace(
    root,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${options.language}">`,
  );
};
