-- Files on a request: the supporting documents its type asks for (piece: the catalogue's code), and the files of
-- the exchanges (message_id, once sent). The content apart, so that listing them never reads it.
create table attachment (
    id               uuid primary key,
    request_id       uuid         not null references hr_request (id) on delete cascade,
    message_id       uuid references request_message (id) on delete cascade,
    piece            varchar(64),
    file_name        varchar(255) not null,
    content_type     varchar(100) not null,
    size             bigint       not null,
    uploaded_by_id   varchar(64)  not null,
    uploaded_by_name varchar(255),
    uploaded_at      timestamp(6) with time zone not null
);
create index attachment_request_ix on attachment (request_id, uploaded_at);

create table attachment_content (
    attachment_id uuid primary key references attachment (id) on delete cascade,
    content       bytea not null
);
