-- Demo data of the local stack (never in production): one HR request of Léna Martin's (fixed account id).
insert into hr_request (id, owner_id, type_code, status, created_at, submitted_at, updated_at, version)
values ('7c2e9b14-4a3d-4f8e-b6a2-1d5e8f3c0001', 'd2e1f972-ae65-4ea3-90db-4c22ec5b5ef7', 'autorisation-absence',
        'IN_REVIEW', '2026-11-20T14:25:00Z', '2026-11-20T14:29:00Z', '2026-11-21T09:10:00Z', 1)
on conflict do nothing;
