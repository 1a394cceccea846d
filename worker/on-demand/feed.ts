// Atom feeds: only the feed routes load it. Built without xml-js's reader (scripts/build-on-demand.ts).
export { Feed } from 'feed';
