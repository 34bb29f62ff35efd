-- Folders of each person's mailbox (owner_id: the token subject) and the messages they hold.
create table folder (
    id          uuid primary key,
    owner_id    varchar(64)  not null,
    parent_id   uuid references folder (id),
    name        varchar(255) not null,
    system_role varchar(16),
    created_at  timestamp(6) with time zone not null
);
-- one folder per system role per mailbox: concurrent first accesses create each once
create unique index folder_system_role_uk on folder (owner_id, system_role) where system_role is not null;
-- names are unique among siblings, whatever their case
create unique index folder_sibling_name_uk
    on folder (owner_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));

create table message (
    id             uuid primary key,
    owner_id       varchar(64)   not null,
    folder_id      uuid          not null references folder (id),
    sender_name    varchar(255),
    sender_address varchar(320)  not null,
    subject        varchar(998)  not null,
    received_at    timestamp(6) with time zone not null,
    unread         boolean       not null
);
-- folder lists, newest first, by keyset
create index message_folder_order_ix on message (folder_id, received_at desc, id desc);
create index message_owner_ix on message (owner_id);
