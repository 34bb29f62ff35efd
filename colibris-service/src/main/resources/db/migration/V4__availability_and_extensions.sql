-- The service's own availability as its heartbeat sees it: one row every instance moves on; a gap between two beats
-- longer than colibris.grace.min-gap is an outage.
create table heartbeat (
    id      int primary key,
    beat_at timestamp(6) with time zone not null
);
insert into heartbeat (id, beat_at) values (1, now());

create table outage (
    id         uuid primary key,
    started_at timestamp(6) with time zone not null,
    ended_at   timestamp(6) with time zone not null
);

-- Every change of a campaign's closing: by HR (actor, reason) or automatic after an outage in its last days.
create table campaign_extension (
    id               uuid primary key,
    campaign_id      uuid not null references campaign (id) on delete cascade,
    at               timestamp(6) with time zone not null,
    previous_closing timestamp(6) with time zone not null,
    new_closing      timestamp(6) with time zone not null,
    reason           varchar(1000) not null,
    actor_id         varchar(64),
    actor_name       varchar(255),
    outage_id        uuid references outage (id)
);
create index campaign_extension_campaign_ix on campaign_extension (campaign_id, at);

-- Whom an outbox row is for, by name, for HR's view of deliveries.
alter table outbox add column recipient_name varchar(255);
create index outbox_created_ix on outbox (created_at desc, id desc);

-- A type's definition kept as written (JSON text, not jsonb): the form's fields in the catalogue file's order, for
-- the form drawn from it and the export's columns. Emptied here (jsonb had reordered them): Catalogue writes it again
-- from the file at the next start, as at every start.
alter table request_type alter column definition type text using '{}';
