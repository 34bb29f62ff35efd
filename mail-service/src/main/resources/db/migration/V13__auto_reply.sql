-- Each person's auto-reply ("Réponse automatique"): a period, a subject, a text for the académie and one for outside,
-- sent once per sender per so many days (RFC 3834), from the address the person had when she saved it.
create table auto_reply (
    owner_id      varchar(64)  primary key,
    enabled       boolean      not null,
    starts_at     timestamptz,
    ends_at       timestamptz,
    subject       varchar(200) not null,
    internal_text text         not null,
    external_text text,
    days          integer      not null,
    from_name     varchar(200) not null,
    from_address  varchar(320) not null,
    updated_at    timestamptz  not null
);

-- Whom an auto-reply went to, and when: once per sender per auto_reply.days.
create table auto_reply_sent (
    owner_id varchar(64)  not null,
    sender   varchar(320) not null,
    sent_at  timestamptz  not null,
    primary key (owner_id, sender)
);

-- Replies written at delivery, sent after it by autoreply.AutoReplySending (a delivery never waits on another).
create table auto_reply_queue (
    id         uuid         primary key,
    owner_id   varchar(64)  not null,
    sender     varchar(320) not null,
    recipient  varchar(320) not null,
    source     bytea        not null,
    created_at timestamptz  not null
);
