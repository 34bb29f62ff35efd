-- Writing: drafts (also the messages waiting to leave: the undo-send window, "envoyer plus tard"), their
-- attachments, the copies on their way to the outbound relay, signatures.
create table draft (
    id          uuid primary key,
    owner_id    varchar(64)  not null,
    -- {"to": [{"name", "address"}], "cc": [...], "bcc": [...]}
    recipients  jsonb        not null,
    -- who sends it, from the token when "envoyer" was pressed (the job that sends it has no token)
    from_name   varchar(255),
    from_address varchar(320),
    subject     varchar(998) not null,
    body_html   text         not null,
    -- the message answered or forwarded: In-Reply-To and References of a reply, the thread it joins
    reply_to_id uuid,
    -- the message forwarded as an attachment (message/rfc822), its source copied when the draft leaves
    forward_id  uuid,
    -- set: the draft is leaving at that time (the end of the undo window, or the date chosen); null: a draft
    send_at     timestamp(6) with time zone,
    -- why the last attempt to send it failed (shown in the editor)
    send_error  varchar(500),
    version     int          not null,
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null
);
create index draft_owner_ix on draft (owner_id, updated_at desc);
create index draft_due_ix on draft (send_at) where send_at is not null;

create table draft_attachment (
    id           uuid primary key,
    draft_id     uuid         not null references draft (id) on delete cascade,
    file_name    varchar(255) not null,
    content_type varchar(255) not null,
    size_bytes   bigint       not null,
    created_at   timestamp(6) with time zone not null
);
create index draft_attachment_draft_ix on draft_attachment (draft_id, created_at);

-- an uploaded file's bytes, in chunks like a message's source
create table draft_attachment_chunk (
    attachment_id uuid  not null references draft_attachment (id) on delete cascade,
    seq           int   not null,
    data          bytea not null,
    primary key (attachment_id, seq)
);

-- Sent messages for addresses outside the académie, until the relay has taken them: their own copy of the
-- bytes (the sender may delete the one in Envoyés), retried with backoff, bounced to the sender at the end.
create table outbound (
    id              uuid primary key,
    owner_id        varchar(64)  not null,
    sender          varchar(320) not null,
    -- the envelope: the addresses still to reach
    recipients      jsonb        not null,
    attempts        int          not null default 0,
    next_attempt_at timestamp(6) with time zone not null,
    last_error      varchar(500),
    created_at      timestamp(6) with time zone not null
);
create index outbound_due_ix on outbound (next_attempt_at);

create table outbound_chunk (
    outbound_id uuid  not null references outbound (id) on delete cascade,
    seq         int   not null,
    data        bytea not null,
    primary key (outbound_id, seq)
);

create table signature (
    id            uuid primary key,
    owner_id      varchar(64)  not null,
    name          varchar(100) not null,
    body_html     text         not null,
    default_new   boolean      not null,
    default_reply boolean      not null,
    created_at    timestamp(6) with time zone not null
);
create unique index signature_owner_name_uk on signature (owner_id, lower(name));
-- at most one default for new mail and one for replies per person
create unique index signature_default_new_uk on signature (owner_id) where default_new;
create unique index signature_default_reply_uk on signature (owner_id) where default_reply;

-- "toujours afficher les images de cet expéditeur"
create table trusted_sender (
    owner_id   varchar(64)  not null,
    address    varchar(320) not null,
    created_at timestamp(6) with time zone not null,
    primary key (owner_id, address)
);

-- Conversations: a message joins the thread of the message it answers (In-Reply-To, References), or of a
-- recent message with the same subject once "RE :", "TR :"... are taken off (base_subject).
alter table message
    add column thread_id    uuid,
    add column base_subject varchar(998);
update message
set thread_id    = id,
    base_subject = lower(btrim(regexp_replace(subject, '^(\s*(re|fwd?|tr|aw|wg)\s*(\[\d+\])?\s*:)+', '', 'i')));
alter table message alter column thread_id set not null;
create index message_owner_thread_ix on message (owner_id, thread_id);
create index message_owner_base_subject_ix on message (owner_id, base_subject, received_at desc);
