-- Application passwords (issue 18): one per device of a person's mail clients, for IMAP and SMTP submission, shown
-- once and kept as a hash only (SHA-256 of 16 random letters: 75 bits, beyond guessing, so no slow hash is needed).
-- A revoked one stays (when, why) but never opens anything again.
create table app_password (
    id                uuid         primary key,
    owner_id          varchar(64)  not null,
    name              varchar(100) not null,
    hash              bytea        not null unique,
    created_at        timestamptz  not null,
    last_used_at      timestamptz,
    last_used_address varchar(64),
    revoked_at        timestamptz,
    revoked_because   varchar(20)
);
create index app_password_owner on app_password (owner_id) where revoked_at is null;

-- Failed sign-ins with a password at the mail doors, counted per account and per client address (the realm's
-- brute-force policy, for the doors Keycloak does not see); older than a day they are forgotten.
create table sign_in_failure (
    id         bigserial    primary key,
    account_id varchar(64),
    address    varchar(64)  not null,
    at         timestamptz  not null default now()
);
create index sign_in_failure_account on sign_in_failure (account_id, at);
create index sign_in_failure_address on sign_in_failure (address, at);
create index sign_in_failure_at on sign_in_failure (at);
