-- The catalogue as data: each type's definition (form schema, circuit, campaigns) from catalogue.json.
alter table request_type add column definition jsonb not null default '{}'::jsonb;
alter table request_type alter column definition drop default;

-- Campaign windows of the types filed in campaigns (instants; shown in Europe/Paris).
create table campaign (
    id               uuid primary key,
    type_code        varchar(64)  not null references request_type (code),
    code             varchar(64)  not null,
    label            varchar(255) not null,
    opens_at         timestamp(6) with time zone not null,
    closes_at        timestamp(6) with time zone not null,
    extended_until   timestamp(6) with time zone,
    extension_reason varchar(1000),
    version          bigint not null default 0,
    unique (type_code, code)
);

-- A request's form, its number as people quote it, where it stands in its circuit.
create sequence hr_request_number_seq;
alter table hr_request
    add column number        bigint not null default nextval('hr_request_number_seq'),
    add column owner_name    varchar(255),
    add column uai           varchar(16),
    add column form          jsonb not null default '{}'::jsonb,
    add column step          int,
    add column returned_step int,
    add column due_at        timestamp(6) with time zone,
    add column decided_at    timestamp(6) with time zone,
    add column campaign_id   uuid references campaign (id);
create unique index hr_request_number_uk on hr_request (number);
update hr_request set status = 'IN_REVIEW', step = 1 where status = 'SUBMITTED';
update hr_request set step = 1 where status = 'IN_REVIEW' and step is null;

-- The history of a request: every transition, who, when, from/to, the comment.
create table request_event (
    id          uuid primary key,
    request_id  uuid not null references hr_request (id) on delete cascade,
    at          timestamp(6) with time zone not null,
    actor_id    varchar(64)  not null,
    actor_name  varchar(255),
    kind        varchar(32)  not null,
    from_status varchar(16),
    to_status   varchar(16)  not null,
    step        int,
    comment     varchar(4000)
);
create index request_event_request_ix on request_event (request_id, at, id);
