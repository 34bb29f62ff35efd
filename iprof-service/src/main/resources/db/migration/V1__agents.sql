-- Career records, imported by HR under the académie identifier and linked to the account at first visit.
create table agent (
    id            uuid primary key,
    account_id    varchar(64) unique,
    identifier    varchar(64)  not null unique,
    first_name    varchar(255) not null,
    last_name     varchar(255) not null,
    corps         varchar(255) not null,
    grade         varchar(255) not null,
    echelon       integer      not null check (echelon between 1 and 11),
    echelon_since date         not null,
    school_uai    varchar(8),
    school_name   varchar(255)
);
