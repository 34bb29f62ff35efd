-- What the MX has received for each mailbox lately, by the SHA-256 of the message as the sender's server sent it
-- (without the MX's own header fields): a retry after a lost 250 stores nothing twice, while distinct messages that
-- share a Message-ID (real mail reuses them) are all kept. Rows older than mail.mx.duplicate-window are removed.
create table received_digest (
    owner_id    varchar(64)  not null,
    digest      bytea        not null,
    received_at timestamptz  not null,
    primary key (owner_id, digest)
);
create index received_digest_age_ix on received_digest (received_at);
