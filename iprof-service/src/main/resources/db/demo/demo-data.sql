-- Demo data of the local stack (never in production): Léna Martin's career record, linked to her fixed
-- account id, and Samir Benali's as HR imported it (linked at his first visit).
insert into agent (id, account_id, identifier, first_name, last_name, corps, grade, echelon, echelon_since, school_uai, school_name)
values ('3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0001', 'd2e1f972-ae65-4ea3-90db-4c22ec5b5ef7', 'lmartin', 'Léna', 'Martin',
        'Professeur certifié', 'Classe normale', 7, '2025-09-01', '0450042K', 'Lycée de l''Orme, Orléans'),
       ('3f0c6a1e-8d2b-4b7e-9a51-2c7d9e4f0002', null, 'sbenali', 'Samir', 'Benali',
        'Attaché d''administration de l''État', 'Attaché', 4, '2024-03-01', '0450042K', 'Lycée de l''Orme, Orléans')
on conflict do nothing;
