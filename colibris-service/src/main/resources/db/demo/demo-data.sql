-- Demo data of the local stack (never in production): one HR request of Léna Martin's (fixed account id), waiting
-- for her head of school (Paul Leroy, same school).
insert into hr_request (id, owner_id, owner_name, uai, type_code, status, step, form, created_at, submitted_at,
                        updated_at, due_at, version)
values ('7c2e9b14-4a3d-4f8e-b6a2-1d5e8f3c0001', 'd2e1f972-ae65-4ea3-90db-4c22ec5b5ef7', 'Léna Martin', '0450042K',
        'autorisation-absence', 'IN_REVIEW', 1,
        '{"motif": "examen ou concours", "dateDebut": "2026-12-10", "dateFin": "2026-12-10", "precisions": "Épreuves écrites de l''agrégation interne."}',
        '2026-11-20T14:25:00Z', '2026-11-20T14:29:00Z', '2026-11-20T14:29:00Z', '2026-11-25T14:29:00Z', 1)
on conflict do nothing;
insert into request_event (id, request_id, at, actor_id, actor_name, kind, from_status, to_status, step)
values ('7c2e9b14-4a3d-4f8e-b6a2-1d5e8f3c1001', '7c2e9b14-4a3d-4f8e-b6a2-1d5e8f3c0001', '2026-11-20T14:25:00Z',
        'd2e1f972-ae65-4ea3-90db-4c22ec5b5ef7', 'Léna Martin', 'CREATED', null, 'DRAFT', null),
       ('7c2e9b14-4a3d-4f8e-b6a2-1d5e8f3c1002', '7c2e9b14-4a3d-4f8e-b6a2-1d5e8f3c0001', '2026-11-20T14:29:00Z',
        'd2e1f972-ae65-4ea3-90db-4c22ec5b5ef7', 'Léna Martin', 'SUBMITTED', 'DRAFT', 'IN_REVIEW', 1)
on conflict do nothing;
