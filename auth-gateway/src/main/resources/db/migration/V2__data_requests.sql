-- "Mes données" (GDPR article 15): each person's requests for her data, the archive made for each, and its one download.
-- The archive is kept here (any gateway replica serves it) in chunks, deleted once downloaded or expired.
create table data_request (
    id               uuid primary key,
    owner_id         varchar(64)  not null,
    owner_identifier varchar(255) not null,
    owner_name       varchar(255),
    requested_at     timestamp(6) with time zone not null,
    ready_at         timestamp(6) with time zone,
    expires_at       timestamp(6) with time zone,
    failed_at        timestamp(6) with time zone,
    failure          varchar(1000),
    downloaded_at    timestamp(6) with time zone,
    size_bytes       bigint
);
create index data_request_owner_ix on data_request (owner_id, requested_at desc);
create index data_request_order_ix on data_request (requested_at desc, id desc);

create table data_archive_chunk (
    request_id uuid    not null references data_request (id) on delete cascade,
    seq        integer not null,
    bytes      bytea   not null,
    primary key (request_id, seq)
);
