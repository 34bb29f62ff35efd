-- A recovery address waiting for its owner to type the code sent there (one per account, replaced by a new request).
-- Only the code's hash is kept; the address becomes the account's (in Keycloak) once confirmed, and the row goes.
create table recovery_confirmation (
    account_id varchar(64)  primary key,
    address    varchar(254) not null,
    code_hash  varchar(64)  not null,
    expires_at timestamp(6) with time zone not null,
    tries      integer      not null
);
