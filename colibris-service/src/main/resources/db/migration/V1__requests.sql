-- The catalogue of request types (data, not code) and each person's requests (owner_id: the token subject).
create table request_type (
    code  varchar(64) primary key,
    label varchar(255) not null
);

insert into request_type (code, label) values
    ('temps-partiel', 'Temps partiel'),
    ('disponibilite', 'Disponibilité'),
    ('autorisation-absence', 'Autorisation d''absence'),
    ('formation', 'Formation'),
    ('cumul-activites', 'Cumul d''activités');

create table hr_request (
    id           uuid primary key,
    owner_id     varchar(64) not null,
    type_code    varchar(64) not null references request_type (code),
    status       varchar(16) not null,
    created_at   timestamp(6) with time zone not null,
    submitted_at timestamp(6) with time zone,
    updated_at   timestamp(6) with time zone not null,
    version      bigint      not null
);
-- "Mes démarches", most recent first, by keyset
create index hr_request_owner_order_ix on hr_request (owner_id, created_at desc, id desc);
