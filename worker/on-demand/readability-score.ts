// Reading-ease scores and their syllable libraries: only the authors' forms load them.
export { scoreReadability } from '../../web/components/readability-score';
