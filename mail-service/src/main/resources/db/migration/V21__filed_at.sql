-- When a message was put in the folder it is in: the trash keeps a message 30 days from then (mail.retention.trash),
-- whichever door moved it (the web page, IMAP, a rule, a deleted folder). A trigger keeps it, so that no path can
-- forget; rows already there count from this migration.
alter table message add column filed_at timestamptz not null default now();

create function message_filed() returns trigger language plpgsql as $$
begin
    if new.folder_id is distinct from old.folder_id then
        new.filed_at := now();
    end if;
    return new;
end
$$;

create trigger message_filed before update of folder_id on message for each row execute function message_filed();

-- the purge of the trash and of Indésirables reads messages by folder and age
create index message_folder_filed on message (folder_id, filed_at);
