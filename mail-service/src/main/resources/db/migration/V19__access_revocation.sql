-- When an account lost its mail programs' access (disabled, "ce n'était pas moi"): the gateway tells mail-service, its
-- application passwords are revoked, and any IMAP session of the account opened before this instant ends at its next
-- command, whatever it signed in with (a token too). One row per account: the latest revocation.
create table access_revocation (
    owner_id   varchar(64) primary key,
    revoked_at timestamptz not null,
    reason     varchar(20) not null
);
