-- Why a message from the internet looks dangerous (warning.PhishingSigns), and what SPF, DKIM and DMARC said of its
-- sender (authenticity.Verdict), kept with it for the reading pane.
alter table message add column warnings jsonb not null default '[]';
alter table message add column authentication jsonb;

-- The addresses each mailbox has received mail from: the first message from a new one says so. One insert per
-- delivery from the internet (its primary key answers whether the address is new).
create table correspondent (
    owner_id varchar(64)  not null,
    address  varchar(320) not null,
    first_at timestamptz  not null default now(),
    primary key (owner_id, address)
);
insert into correspondent (owner_id, address, first_at)
select owner_id, lower(sender_address), min(received_at) from message where sender_address <> ''
group by owner_id, lower(sender_address);
