// What changed between two versions of a story: only the storyteller's review page loads it.
export { diffWords } from 'diff';
