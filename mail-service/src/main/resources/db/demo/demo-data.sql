-- Demo data of the local stack (never in production): a few mails in Léna Martin's inbox.
-- d2e1f972-... is lmartin's fixed id in deploy/local-stack/src/main/resources/stack/demo-users.json.
insert into folder (id, owner_id, parent_id, name, system_role, created_at)
values ('0b6f3a52-5d0e-4a4e-9a35-6c1f2f1e0001', 'd2e1f972-ae65-4ea3-90db-4c22ec5b5ef7', null, 'Boîte de réception', 'INBOX', '2026-09-01T06:00:00Z')
on conflict do nothing;

insert into message (id, owner_id, folder_id, sender_name, sender_address, subject, received_at, unread)
select v.id::uuid, 'd2e1f972-ae65-4ea3-90db-4c22ec5b5ef7', f.id, v.sender_name, v.sender_address, v.subject, v.received_at::timestamptz, v.unread
from folder f,
     (values
         ('5a1c0e8e-1f6b-4c5e-8d7a-3e9b2c4d0001', 'Rectorat – DPE', 'dpe@ac-orleans-tours.fr',
          'Campagne de temps partiel 2027-2028 : ouverture le 2 décembre', '2026-11-27T08:12:00Z', true),
         ('5a1c0e8e-1f6b-4c5e-8d7a-3e9b2c4d0002', 'Paul Leroy', 'paul.leroy@ac-orleans-tours.fr',
          'Conseil pédagogique de jeudi : ordre du jour', '2026-11-26T16:40:00Z', true),
         ('5a1c0e8e-1f6b-4c5e-8d7a-3e9b2c4d0003', 'Inspection histoire-géographie', 'ipr-hg@ac-orleans-tours.fr',
          'Journée de formation « Enseigner la géographie des risques »', '2026-11-24T10:05:00Z', false),
         ('5a1c0e8e-1f6b-4c5e-8d7a-3e9b2c4d0004', 'Colibris', 'ne-pas-repondre@ac-orleans-tours.fr',
          'Votre demande d''autorisation d''absence a été enregistrée', '2026-11-20T14:30:00Z', false)
     ) as v (id, sender_name, sender_address, subject, received_at, unread)
where f.owner_id = 'd2e1f972-ae65-4ea3-90db-4c22ec5b5ef7' and f.system_role = 'INBOX'
on conflict do nothing;
