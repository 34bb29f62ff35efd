-- Demo data of the local stack (never in production): Léna Martin's career record, linked to her fixed
-- account id, with its history, appraisals, CV and one read by the head of her school; Samir Benali's and
-- Nadia Moreau's as HR imported them (linked at their first visit). Dates relative to the first start keep the
-- observation window of Léna's last appraisal open on the day the demo is first run.
insert into agent (id, account_id, identifier, first_name, last_name, status, corps, discipline, grade, echelon,
                   echelon_since, indice_majore, school_uai, school_name, school_commune, assigned_since)
values ('3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001', 'd2e1f972-ae65-4ea3-90db-4c22ec5b5ef7', 'lmartin', 'Léna', 'Martin',
        'titulaire', 'Professeur certifié', 'Histoire-géographie', 'Classe normale', 7, '2025-09-01', 513,
        '0450042K', 'Lycée de l''Orme, Orléans', 'Orléans', '2019-09-01'),
       ('3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0002', null, 'sbenali', 'Samir', 'Benali', 'titulaire',
        'Attaché d''administration de l''État', null, 'Attaché', 4, '2024-03-01', 470,
        '0450042K', 'Lycée de l''Orme, Orléans', 'Orléans', '2021-09-01'),
       ('3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0003', null, 'nmoreau', 'Nadia', 'Moreau', 'titulaire',
        'Conseiller principal d''éducation', null, 'Classe normale', 5, '2024-09-01', 476,
        '0370035M', 'Collège Jean Zay, Tours', 'Tours', '2022-09-01')
on conflict do nothing;

insert into assignment (id, agent_id, school_uai, school_name, commune, starts_on, ends_on)
values ('5a1d0c2e-0000-4000-8000-000000000001', '3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001', '0450069P',
        'Collège Gérard Philipe, Montargis', 'Montargis', '2012-09-01', '2019-08-31'),
       ('5a1d0c2e-0000-4000-8000-000000000002', '3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001', '0450042K',
        'Lycée de l''Orme, Orléans', 'Orléans', '2019-09-01', null),
       ('5a1d0c2e-0000-4000-8000-000000000003', '3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0002', '0450042K',
        'Lycée de l''Orme, Orléans', 'Orléans', '2021-09-01', null),
       ('5a1d0c2e-0000-4000-8000-000000000004', '3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0003', '0370035M',
        'Collège Jean Zay, Tours', 'Tours', '2022-09-01', null)
on conflict do nothing;

insert into career_event (id, agent_id, occurred_on, kind, label, recorded_at)
values ('6b2e1d3f-0000-4000-8000-000000000001', '3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001', '2011-09-01', 'autre',
        'Entrée dans le corps des professeurs certifiés (stagiaire), lauréate du CAPES d''histoire-géographie', now()),
       ('6b2e1d3f-0000-4000-8000-000000000002', '3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001', '2012-09-01', 'titularisation',
        'Titularisation', now()),
       ('6b2e1d3f-0000-4000-8000-000000000003', '3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001', '2012-09-01', 'affectation',
        'Affectation au collège Gérard Philipe, Montargis', now()),
       ('6b2e1d3f-0000-4000-8000-000000000004', '3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001', '2019-09-01', 'affectation',
        'Mutation au lycée de l''Orme, Orléans', now()),
       ('6b2e1d3f-0000-4000-8000-000000000005', '3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001', '2022-03-01', 'echelon',
        'Passage au 6e échelon de la classe normale', now()),
       ('6b2e1d3f-0000-4000-8000-000000000006', '3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001', '2023-05-12', 'rendez-vous',
        'Rendez-vous de carrière (2e) : appréciation finale « très satisfaisant »', now()),
       ('6b2e1d3f-0000-4000-8000-000000000007', '3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001', '2025-09-01', 'echelon',
        'Passage au 7e échelon de la classe normale', now())
on conflict do nothing;

insert into appraisal (id, agent_id, held_on, report, notified_on, observations, observations_at, final_appraisal,
                       final_notified_on)
values ('7c3f2e40-0000-4000-8000-000000000001', '3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001', '2023-05-12',
        'Inspection en classe de seconde (la Méditerranée médiévale). Séquence rigoureuse, élèves actifs.',
        '2023-06-05', null, null, 'tres-satisfaisant', '2023-09-15'),
       ('7c3f2e40-0000-4000-8000-000000000002', '3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001', current_date - 25,
        'Inspection en classe de première (géographie des espaces productifs). Entretien avec le chef d''établissement.',
        current_date - 5, null, null, null, null)
on conflict do nothing;
insert into appraisal_evaluator (appraisal_id, identifier, name)
values ('7c3f2e40-0000-4000-8000-000000000001', 'mgarnier', 'Marc Garnier, IA-IPR d''histoire-géographie'),
       ('7c3f2e40-0000-4000-8000-000000000001', 'pleroy', 'Paul Leroy, proviseur'),
       ('7c3f2e40-0000-4000-8000-000000000002', 'mgarnier', 'Marc Garnier, IA-IPR d''histoire-géographie'),
       ('7c3f2e40-0000-4000-8000-000000000002', 'pleroy', 'Paul Leroy, proviseur')
on conflict do nothing;

insert into cv_entry (id, agent_id, kind, title, detail, obtained_on, created_at, changed_at)
values ('8d403f51-0000-4000-8000-000000000001', '3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001', 'diplome',
        'Master d''histoire', 'Université d''Orléans', '2010-06-30', now(), now()),
       ('8d403f51-0000-4000-8000-000000000002', '3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001', 'qualification',
        'CAPES d''histoire-géographie', null, '2011-07-01', now(), now()),
       ('8d403f51-0000-4000-8000-000000000003', '3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001', 'langue',
        'Italien', 'Niveau B2', null, now(), now()),
       ('8d403f51-0000-4000-8000-000000000004', '3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001', 'formation',
        'Enseigner l''histoire avec les archives numériques', 'Plan académique de formation, 18 h', '2024-03-20',
        now(), now())
on conflict do nothing;

insert into campaign (id, kind, title, opens_on, closes_on, from_corps, from_grade, min_echelon, min_years,
                      reference_date)
values ('9e5a4062-0000-4000-8000-000000000001', 'hors-classe', 'Accès à la hors classe 2027', '2027-03-01',
        '2027-03-22', null, 'Classe normale', 9, 2, '2027-08-31')
on conflict do nothing;

insert into access_log (id, agent_id, reader_id, reader_name, reader_role, part, read_at)
values ('a0f6b173-0000-4000-8000-000000000001', '3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001',
        '780611f2-bd94-4c43-bd9b-3b38baa633fc', 'Paul Leroy', 'chef-etablissement', 'synthese', now() - interval '3 days')
on conflict do nothing;
