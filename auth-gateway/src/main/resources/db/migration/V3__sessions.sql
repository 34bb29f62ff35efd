-- The portal's sessions, so that any gateway replica serves any session and a restart signs nobody out.
-- A row is found by the SHA-256 of the cookie's random reference (the table alone opens no session); its tokens are
-- encrypted (AES-GCM, SessionCipher) with the key named by key_id. A back-channel logout deletes the rows of its
-- Keycloak session (sid); renewing_until is the lease of the one replica renewing the tokens, version counts renewals.
create table gateway_session (
    reference_hash   bytea primary key,
    subject          varchar(64)  not null,
    keycloak_session varchar(64),
    key_id           varchar(16)  not null,
    tokens           bytea        not null,
    expires_at       timestamp(6) with time zone not null,
    renew_at         timestamp(6) with time zone not null,
    renewing_until   timestamp(6) with time zone,
    version          bigint       not null default 0
);
create index gateway_session_keycloak_ix on gateway_session (keycloak_session);
create index gateway_session_expiry_ix on gateway_session (expires_at);
