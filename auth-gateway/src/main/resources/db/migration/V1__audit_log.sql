-- What the académie's administrators did to accounts: who (actor), what (action), whom (target), when.
-- Rows are only ever added; identifiers are copied so that the log still reads after an account is gone.
create table audit_entry (
    id                uuid primary key,
    at                timestamp(6) with time zone not null,
    actor_id          varchar(64)  not null,
    actor_identifier  varchar(255) not null,
    action            varchar(32)  not null,
    target_id         varchar(64),
    target_identifier varchar(255),
    detail            varchar(2000)
);
-- the list, newest first, by keyset; filters by actor, target or action narrow it
create index audit_entry_order_ix on audit_entry (at desc, id desc);
create index audit_entry_target_ix on audit_entry (target_identifier);
