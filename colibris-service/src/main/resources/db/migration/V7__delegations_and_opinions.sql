-- A decider's decisions delegated to a colleague of the same role for a range of days (Paris dates, both included):
-- the delegate decides the delegator's steps, "par délégation", in the history.
create table delegation (
    id              uuid primary key,
    delegator_id    varchar(64)  not null,
    delegator_name  varchar(255),
    delegator_uai   varchar(16),
    delegate_id     varchar(64)  not null,
    delegate_name   varchar(255),
    role            varchar(64)  not null,
    starts_on       date         not null,
    ends_on         date         not null,
    created_at      timestamp(6) with time zone not null,
    revoked_at      timestamp(6) with time zone
);
create index delegation_delegate_ix on delegation (delegate_id, ends_on);
create index delegation_delegator_ix on delegation (delegator_id, ends_on);

alter table request_event add column on_behalf_of varchar(255);

-- Opinions (avis) a decider asks of a named colleague, who gives them from their own list; the deciders see them,
-- the person does not.
create table opinion (
    id            uuid primary key,
    request_id    uuid          not null references hr_request (id) on delete cascade,
    asked_by_id   varchar(64)   not null,
    asked_by_name varchar(255),
    asked_of_id   varchar(64)   not null,
    asked_of_name varchar(255),
    question      varchar(2000) not null,
    asked_at      timestamp(6) with time zone not null,
    answer        varchar(4000),
    answered_at   timestamp(6) with time zone
);
create index opinion_asked_of_ix on opinion (asked_of_id, asked_at);
create index opinion_request_ix on opinion (request_id, asked_at);

-- "À traiter", the longest waiting first: académie-wide steps (HR) by the waiting order, a school's by school first.
create index hr_request_review_ix on hr_request (updated_at, id) where status = 'IN_REVIEW';
create index hr_request_review_school_ix on hr_request (uai, updated_at, id) where status = 'IN_REVIEW';
