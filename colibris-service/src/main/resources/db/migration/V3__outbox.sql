-- The transactional outbox: messages for people's mailboxes, written with the change they tell of, delivered (and
-- retried) by OutboxRelay; the id is the idempotency key mail-service receives.
create table outbox (
    id              uuid primary key,
    request_id      uuid         not null references hr_request (id) on delete cascade,
    recipient_id    varchar(64)  not null,
    subject         varchar(998) not null,
    text            text         not null,
    created_at      timestamp(6) with time zone not null,
    attempts        int          not null default 0,
    next_attempt_at timestamp(6) with time zone not null,
    delivered_at    timestamp(6) with time zone,
    last_error      varchar(1000)
);
create index outbox_due_ix on outbox (next_attempt_at) where delivered_at is null;
