-- Coloured labels of a person's mailbox, several per message, across folders.
create table label (
    id         uuid primary key,
    owner_id   varchar(64) not null,
    name       varchar(50) not null,
    color      varchar(7)  not null,
    created_at timestamp(6) with time zone not null
);
create unique index label_owner_name_uk on label (owner_id, lower(name));

create table message_label (
    message_id uuid not null references message (id) on delete cascade,
    label_id   uuid not null references label (id) on delete cascade,
    primary key (message_id, label_id)
);
-- a label's messages
create index message_label_label_ix on message_label (label_id, message_id);
