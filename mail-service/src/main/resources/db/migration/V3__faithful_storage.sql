-- Every message is kept as its original RFC 5322 bytes (export and a later IMAP access are exact), beside the
-- parsed fields the lists and the reading pane need. The bytes live in 256 KiB chunks: written and read as
-- streams, never held whole in memory.
create table message_source (
    message_id uuid  not null references message (id) on delete cascade,
    seq        int   not null,
    data       bytea not null,
    primary key (message_id, seq)
);

alter table message
    add column size_bytes      bigint,
    add column sent_at         timestamp(6) with time zone,
    add column message_id_hdr  varchar(998),
    add column in_reply_to     varchar(998),
    add column references_hdr  text,
    add column recipients      jsonb,
    add column priority        varchar(8) not null default 'NORMAL',
    add column flagged         boolean  not null default false,
    add column has_attachments boolean  not null default false,
    add column snippet         varchar(300),
    add column body_html       text;

-- The parts a person can open or download: found again in the source by their position among its leaf parts.
create table attachment (
    id           uuid primary key,
    message_id   uuid         not null references message (id) on delete cascade,
    part_index   int          not null,
    file_name    varchar(255) not null,
    content_type varchar(255) not null,
    size_bytes   bigint       not null,
    content_id   varchar(998),
    inline       boolean      not null
);
create index attachment_message_ix on attachment (message_id, part_index);

-- A person's mailbox: its quota and the bytes its messages use, changed in the same transaction as every
-- insert and delete (one row lock per mailbox keeps concurrent changes exact).
create table mailbox (
    owner_id    varchar(64) primary key,
    quota_bytes bigint      not null,
    used_bytes  bigint      not null default 0 check (used_bytes >= 0)
);

-- Messages delivered before this migration (notifications, demo data) had no source: each gets the RFC 5322
-- message it stands for (UTF-8 headers as RFC 6532 allows), so that every message can be exported.
insert into message_source (message_id, seq, data)
select m.id, 0, convert_to(
        'Date: ' || to_char(m.received_at at time zone 'UTC', 'Dy, DD Mon YYYY HH24:MI:SS') || ' +0000' || E'\r\n'
        || 'From: ' || coalesce('"' || replace(m.sender_name, '"', '') || '" ', '') || '<' || m.sender_address || '>' || E'\r\n'
        || 'Subject: ' || regexp_replace(m.subject, '[\r\n]+', ' ', 'g') || E'\r\n'
        || 'Message-ID: <' || m.id || '@portail.ac-orleans-tours.fr>' || E'\r\n'
        || 'MIME-Version: 1.0' || E'\r\n'
        || 'Content-Type: text/plain; charset=UTF-8' || E'\r\n'
        || 'Content-Transfer-Encoding: 8bit' || E'\r\n'
        || E'\r\n'
        || replace(coalesce(m.body_text, ''), E'\n', E'\r\n'),
        'UTF8')
from message m;

update message m
set size_bytes     = (select octet_length(s.data) from message_source s where s.message_id = m.id),
    sent_at        = m.received_at,
    message_id_hdr = '<' || m.id || '@portail.ac-orleans-tours.fr>',
    snippet        = left(regexp_replace(coalesce(m.body_text, ''), '\s+', ' ', 'g'), 300);

alter table message alter column size_bytes set not null;

insert into mailbox (owner_id, quota_bytes, used_bytes)
select owner_id, 1073741824, sum(size_bytes) from message group by owner_id;

-- "libérer de l'espace": a person's largest messages
create index message_owner_size_ix on message (owner_id, size_bytes desc);
-- duplicates on import: a mailbox's messages by Message-ID
create index message_owner_msgid_ix on message (owner_id, message_id_hdr);
