-- A notification for whoever decides a step (a role, in a school or académie-wide): one row the relay spreads, once
-- it has asked the directory, into one row per person (recipient_id set), each delivered like any other.
alter table outbox alter column recipient_id drop not null;
alter table outbox add column recipient_role varchar(64), add column recipient_uai varchar(16);
alter table outbox add constraint outbox_recipient_ck check (recipient_id is not null or recipient_role is not null);

-- The exchanges on a request: messages between the person and the deciders, and the deciders' private notes.
create table request_message (
    id          uuid primary key,
    request_id  uuid          not null references hr_request (id) on delete cascade,
    at          timestamp(6) with time zone not null,
    author_id   varchar(64)   not null,
    author_name varchar(255),
    private     boolean       not null,
    text        varchar(4000) not null
);
create index request_message_request_ix on request_message (request_id, at, id);

-- The reminders of a step's deadline: one of each kind (NEAR, LATE) per visit of a step (its due date), whichever
-- instance sends it first.
create table reminder (
    id         uuid primary key,
    request_id uuid        not null references hr_request (id) on delete cascade,
    due_at     timestamp(6) with time zone not null,
    kind       varchar(8)  not null,
    sent_at    timestamp(6) with time zone not null,
    unique (request_id, due_at, kind)
);
create index hr_request_due_ix on hr_request (due_at) where status = 'IN_REVIEW';
