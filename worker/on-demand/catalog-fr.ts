// The French strings: only a request that needs French loads them (worker/catalogs.ts).
export { fr } from '../../web/i18n/fr';
