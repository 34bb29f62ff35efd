-- Messages the portal sends on after a delivery (auto-replies, notices, forwards by the rules): one queue, sent by
-- outbound.OnwardDispatcher. A forward travels as received (verbatim) and keeps whether the portal's services wrote
-- it (such a message never leaves the académie, even forwarded twice).
alter table auto_reply_queue rename to onward_queue;
alter table onward_queue add column kind varchar(16) not null default 'REPLY';
alter table onward_queue add column from_portal boolean not null default false;
alter table onward_queue add column rule varchar(200);

-- A forward outside the académie leaves as it was received, under a rewritten envelope sender (SRS).
alter table outbound add column verbatim boolean not null default false;

-- The address the rules' owner had when she saved them: written in Delivered-To: above what her rules forward, and
-- how a forward that comes back to her is recognised (a loop).
alter table rule_script add column owner_address varchar(320);

-- Which message each person's rules forwarded to which address, for forwarding.Forwarder: the same message again is
-- a loop, and is not forwarded a second time. Forgotten after mail.forwarding.remembered.
create table forwarded (
    owner_id     varchar(64)  not null,
    recipient    varchar(320) not null,
    message_key  varchar(998) not null,
    forwarded_at timestamptz  not null,
    primary key (owner_id, recipient, message_key)
);

-- The loops a person was told about, once per rule until she saves her rules again.
create table forwarding_loop_notice (
    owner_id   varchar(64)  not null,
    rule       varchar(200) not null,
    noticed_at timestamptz  not null,
    primary key (owner_id, rule)
);

-- The version of the académie's forwarding charter each person accepted, and when.
create table forwarding_charter (
    owner_id    varchar(64) primary key,
    version     varchar(40) not null,
    accepted_at timestamptz not null
);

-- Every change of a person's forwarding (a forward added or removed, all rules suspended or resumed, the charter
-- accepted): read by the person and by the académie's administrators.
create table forwarding_audit (
    id            uuid         primary key,
    owner_id      varchar(64)  not null,
    owner_address varchar(320),
    at            timestamptz  not null,
    change        text         not null
);
create index forwarding_audit_owner on forwarding_audit (owner_id, at desc, id);
create index forwarding_audit_at on forwarding_audit (at desc, id);
