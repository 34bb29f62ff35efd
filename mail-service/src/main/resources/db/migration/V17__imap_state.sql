-- What an IMAP client needs to stay in step with the mailbox, kept by the database itself so that every door (the web
-- page, the MX, IMAP, the rules) keeps it without knowing about it (RFC 3501 §2.3.1.1, RFC 7162 CONDSTORE):
-- each folder has a UIDVALIDITY, its last UID and its highest MODSEQ; each message a UID, unique and ascending in its
-- folder (a new one when it moves), and a MODSEQ, raised at each change a client can see.

create sequence folder_uid_validity_seq;
-- UIDVALIDITY is a non-zero 32-bit number that a folder never gets twice (a folder deleted and created again under the
-- same name gets another): a sequence started at this moment's epoch seconds gives that.
select setval('folder_uid_validity_seq', extract(epoch from now())::bigint);

alter table folder
    add column uid_validity   bigint  not null default nextval('folder_uid_validity_seq'),
    add column last_uid       bigint  not null default 0,
    add column highest_modseq bigint  not null default 0,
    add column subscribed     boolean not null default true;

-- The system flags the web page had no use for until now, and the keywords a client sets that are not labels
-- ($Forwarded, $MDNSent, $Junk…): kept as the client wrote them.
alter table message
    add column uid      bigint,
    add column modseq   bigint,
    add column answered boolean not null default false,
    add column deleted  boolean not null default false,
    add column draft    boolean not null default false,
    add column keywords text[]  not null default '{}';

update message m
set uid = numbered.n, modseq = 1
from (select id, row_number() over (partition by folder_id order by received_at, id) as n from message) numbered
where m.id = numbered.id;

update folder f
set last_uid = coalesce((select max(m.uid) from message m where m.folder_id = f.id), 0),
    highest_modseq = 1;

alter table message alter column uid set not null, alter column modseq set not null;
create unique index message_folder_uid_uk on message (folder_id, uid);

-- Every change an IMAP session must learn about, whatever door made it: read by the IMAP server of each replica
-- (imap.MailboxChanges) to tell its sessions at once (IDLE) or at their next command. A = added, E = expunged (deleted
-- or moved out), F = flags or keywords changed. Kept a few minutes only.
create table mailbox_change (
    seq       bigserial   primary key,
    owner_id  varchar(64) not null,
    folder_id uuid        not null,
    uid       bigint      not null,
    modseq    bigint      not null,
    kind      char(1)     not null,
    origin    varchar(64),
    at        timestamptz not null default now()
);

-- A new UID when a message arrives in a folder or moves to another; a new MODSEQ when a flag or keyword changes.
-- Both come from the folder's row, locked meanwhile: two deliveries to one folder take their numbers in turn.
create function message_imap_numbers() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.folder_id <> old.folder_id then
        update folder set last_uid = last_uid + 1, highest_modseq = highest_modseq + 1
        where id = new.folder_id
        returning last_uid, highest_modseq into new.uid, new.modseq;
    elsif new.modseq = old.modseq and (new.unread, new.flagged, new.answered, new.deleted, new.draft, new.keywords)
            is distinct from (old.unread, old.flagged, old.answered, old.deleted, old.draft, old.keywords) then
        update folder set highest_modseq = highest_modseq + 1
        where id = new.folder_id
        returning highest_modseq into new.modseq;
    end if;
    return new;
end $$;

create trigger message_imap_numbers before insert or update on message
    for each row execute function message_imap_numbers();

-- origin: the IMAP server of the replica that made the change sets it (its own sessions already know).
create function message_imap_change() returns trigger language plpgsql as $$
declare
    origin varchar(64) := nullif(current_setting('portail.origin', true), '');
begin
    if tg_op = 'DELETE' then
        insert into mailbox_change (owner_id, folder_id, uid, modseq, kind, origin)
        values (old.owner_id, old.folder_id, old.uid, old.modseq, 'E', origin);
        return old;
    end if;
    if tg_op = 'UPDATE' and new.folder_id <> old.folder_id then
        insert into mailbox_change (owner_id, folder_id, uid, modseq, kind, origin)
        values (old.owner_id, old.folder_id, old.uid, old.modseq, 'E', origin);
    end if;
    if tg_op = 'INSERT' or new.folder_id <> old.folder_id then
        insert into mailbox_change (owner_id, folder_id, uid, modseq, kind, origin)
        values (new.owner_id, new.folder_id, new.uid, new.modseq, 'A', origin);
    elsif new.modseq <> old.modseq then
        insert into mailbox_change (owner_id, folder_id, uid, modseq, kind, origin)
        values (new.owner_id, new.folder_id, new.uid, new.modseq, 'F', origin);
    end if;
    return new;
end $$;

create trigger message_imap_change after insert or update or delete on message
    for each row execute function message_imap_change();

-- A label put on or taken off is a keyword change: the message gets a new MODSEQ (and so an F change).
create function message_label_modseq() returns trigger language plpgsql as $$
declare
    changed uuid := case when tg_op = 'DELETE' then old.message_id else new.message_id end;
    next     bigint;
begin
    update folder f set highest_modseq = f.highest_modseq + 1
    from message m
    where m.id = changed and f.id = m.folder_id
    returning f.highest_modseq into next;
    if next is not null then -- null: the message itself is being deleted
        update message set modseq = next where id = changed;
    end if;
    return null;
end $$;

create trigger message_label_modseq after insert or delete on message_label
    for each row execute function message_label_modseq();
