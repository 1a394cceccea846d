-- The platform's service categories: one HSDS taxonomy, its terms in English, and French names.
-- Data, not demo content: every deployment needs it. Term codes are what URLs use (?category=housing).
INSERT INTO taxonomies (id, name, description, uri, version) VALUES ('a228bd7d-996e-54a4-8df7-a5b5ae6e0639', 'Hearth service categories', 'The kinds of help listed in the resource directory.', NULL, '1');
--> statement-breakpoint
INSERT INTO taxonomy_terms (id, code, name, description, parent_id, taxonomy, language, taxonomy_id, term_uri) VALUES ('45239ab0-5bb3-5a36-80b5-e3b8804dc4a2', 'emergency-shelter', 'Emergency shelter', 'A safe place to sleep tonight or for a short time.', NULL, 'Hearth service categories', 'en', 'a228bd7d-996e-54a4-8df7-a5b5ae6e0639', NULL);
--> statement-breakpoint
INSERT INTO taxonomy_term_translations (taxonomy_term_id, language, name, description) VALUES ('45239ab0-5bb3-5a36-80b5-e3b8804dc4a2', 'fr', 'Hébergement d’urgence', 'Un endroit sûr pour dormir ce soir ou pour une courte période.');
--> statement-breakpoint
INSERT INTO taxonomy_terms (id, code, name, description, parent_id, taxonomy, language, taxonomy_id, term_uri) VALUES ('16e1284d-b00c-5f74-af50-3f6649a95ad5', 'housing', 'Housing', 'Help to find and keep a home.', NULL, 'Hearth service categories', 'en', 'a228bd7d-996e-54a4-8df7-a5b5ae6e0639', NULL);
--> statement-breakpoint
INSERT INTO taxonomy_term_translations (taxonomy_term_id, language, name, description) VALUES ('16e1284d-b00c-5f74-af50-3f6649a95ad5', 'fr', 'Logement', 'De l’aide pour trouver un logement et le garder.');
--> statement-breakpoint
INSERT INTO taxonomy_terms (id, code, name, description, parent_id, taxonomy, language, taxonomy_id, term_uri) VALUES ('3710b69c-9ce2-539c-83d6-926eee392ab2', 'legal-help', 'Legal help', 'Free or low-cost advice from lawyers and legal workers.', NULL, 'Hearth service categories', 'en', 'a228bd7d-996e-54a4-8df7-a5b5ae6e0639', NULL);
--> statement-breakpoint
INSERT INTO taxonomy_term_translations (taxonomy_term_id, language, name, description) VALUES ('3710b69c-9ce2-539c-83d6-926eee392ab2', 'fr', 'Aide juridique', 'Des conseils gratuits ou peu chers de juristes et d’avocats.');
--> statement-breakpoint
INSERT INTO taxonomy_terms (id, code, name, description, parent_id, taxonomy, language, taxonomy_id, term_uri) VALUES ('d1825d9f-ca2b-50b6-8115-d5677adc00a2', 'immigration', 'Immigration', 'Help with visas, residence permits and protection claims.', NULL, 'Hearth service categories', 'en', 'a228bd7d-996e-54a4-8df7-a5b5ae6e0639', NULL);
--> statement-breakpoint
INSERT INTO taxonomy_term_translations (taxonomy_term_id, language, name, description) VALUES ('d1825d9f-ca2b-50b6-8115-d5677adc00a2', 'fr', 'Immigration', 'De l’aide pour les visas, les titres de séjour et les demandes de protection.');
--> statement-breakpoint
INSERT INTO taxonomy_terms (id, code, name, description, parent_id, taxonomy, language, taxonomy_id, term_uri) VALUES ('f3c40a86-9bab-5dec-989e-454b3352ee01', 'counselling', 'Counselling and mental health', 'Someone to talk to, therapy and mental health care.', NULL, 'Hearth service categories', 'en', 'a228bd7d-996e-54a4-8df7-a5b5ae6e0639', NULL);
--> statement-breakpoint
INSERT INTO taxonomy_term_translations (taxonomy_term_id, language, name, description) VALUES ('f3c40a86-9bab-5dec-989e-454b3352ee01', 'fr', 'Écoute et santé mentale', 'Une personne à qui parler, une thérapie et des soins en santé mentale.');
--> statement-breakpoint
INSERT INTO taxonomy_terms (id, code, name, description, parent_id, taxonomy, language, taxonomy_id, term_uri) VALUES ('da3f76ba-8d3c-56b0-ac40-3d9bb57db444', 'medical-care', 'Medical care', 'Doctors, nurses, clinics and sexual health.', NULL, 'Hearth service categories', 'en', 'a228bd7d-996e-54a4-8df7-a5b5ae6e0639', NULL);
--> statement-breakpoint
INSERT INTO taxonomy_term_translations (taxonomy_term_id, language, name, description) VALUES ('da3f76ba-8d3c-56b0-ac40-3d9bb57db444', 'fr', 'Soins médicaux', 'Médecins, infirmières, cliniques et santé sexuelle.');
--> statement-breakpoint
INSERT INTO taxonomy_terms (id, code, name, description, parent_id, taxonomy, language, taxonomy_id, term_uri) VALUES ('79b6b3ed-c3a8-5bd6-8058-f9fc5ad7f51b', 'crisis-lines', 'Crisis lines', 'Phone and text lines to call when you need help now.', NULL, 'Hearth service categories', 'en', 'a228bd7d-996e-54a4-8df7-a5b5ae6e0639', NULL);
--> statement-breakpoint
INSERT INTO taxonomy_term_translations (taxonomy_term_id, language, name, description) VALUES ('79b6b3ed-c3a8-5bd6-8058-f9fc5ad7f51b', 'fr', 'Lignes d’écoute et de crise', 'Des lignes par téléphone ou texto quand vous avez besoin d’aide maintenant.');
--> statement-breakpoint
INSERT INTO taxonomy_terms (id, code, name, description, parent_id, taxonomy, language, taxonomy_id, term_uri) VALUES ('1295517e-c713-5b9e-a3f2-c0123b18a1f5', 'transport', 'Transport', 'Rides, bus passes and help to get to appointments.', NULL, 'Hearth service categories', 'en', 'a228bd7d-996e-54a4-8df7-a5b5ae6e0639', NULL);
--> statement-breakpoint
INSERT INTO taxonomy_term_translations (taxonomy_term_id, language, name, description) VALUES ('1295517e-c713-5b9e-a3f2-c0123b18a1f5', 'fr', 'Transport', 'Trajets, titres de transport et aide pour aller aux rendez-vous.');
--> statement-breakpoint
INSERT INTO taxonomy_terms (id, code, name, description, parent_id, taxonomy, language, taxonomy_id, term_uri) VALUES ('03d53f18-a51d-5a06-bc9e-91d9facb8004', 'food', 'Food', 'Meals, food banks and groceries.', NULL, 'Hearth service categories', 'en', 'a228bd7d-996e-54a4-8df7-a5b5ae6e0639', NULL);
--> statement-breakpoint
INSERT INTO taxonomy_term_translations (taxonomy_term_id, language, name, description) VALUES ('03d53f18-a51d-5a06-bc9e-91d9facb8004', 'fr', 'Alimentation', 'Repas, banques alimentaires et épicerie.');
--> statement-breakpoint
INSERT INTO taxonomy_terms (id, code, name, description, parent_id, taxonomy, language, taxonomy_id, term_uri) VALUES ('0c6805a5-b7ee-5b44-ae35-1448c9c394a6', 'money-benefits', 'Money and benefits', 'Emergency money, benefits and help with debt.', NULL, 'Hearth service categories', 'en', 'a228bd7d-996e-54a4-8df7-a5b5ae6e0639', NULL);
--> statement-breakpoint
INSERT INTO taxonomy_term_translations (taxonomy_term_id, language, name, description) VALUES ('0c6805a5-b7ee-5b44-ae35-1448c9c394a6', 'fr', 'Argent et prestations', 'Aide d’urgence, prestations sociales et aide face aux dettes.');
--> statement-breakpoint
INSERT INTO taxonomy_terms (id, code, name, description, parent_id, taxonomy, language, taxonomy_id, term_uri) VALUES ('f5c131d0-d84f-58bd-8643-735157def721', 'work-school', 'Work and school', 'Jobs, training, language classes and school.', NULL, 'Hearth service categories', 'en', 'a228bd7d-996e-54a4-8df7-a5b5ae6e0639', NULL);
--> statement-breakpoint
INSERT INTO taxonomy_term_translations (taxonomy_term_id, language, name, description) VALUES ('f5c131d0-d84f-58bd-8643-735157def721', 'fr', 'Travail et études', 'Emploi, formation, cours de langue et école.');
--> statement-breakpoint
INSERT INTO taxonomy_terms (id, code, name, description, parent_id, taxonomy, language, taxonomy_id, term_uri) VALUES ('78d58c50-4ac1-5798-8eed-ee544df72ff2', 'peer-support', 'Peer support and companionship', 'Groups and companions who have lived it too.', NULL, 'Hearth service categories', 'en', 'a228bd7d-996e-54a4-8df7-a5b5ae6e0639', NULL);
--> statement-breakpoint
INSERT INTO taxonomy_term_translations (taxonomy_term_id, language, name, description) VALUES ('78d58c50-4ac1-5798-8eed-ee544df72ff2', 'fr', 'Entraide et accompagnement', 'Des groupes et des personnes qui ont vécu la même chose.');
