-- Since when a mailbox has been full: the MX refuses mail for it for now (452) at first, for good (552) once it has
-- been full for longer than mail.mx.full-refused-for-good-after. Kept by a trigger, whatever changes the counts
-- (a delivery, a deletion, a new quota), so that no code path can forget it.
alter table mailbox add column full_since timestamptz;
update mailbox set full_since = now() where used_bytes >= quota_bytes;

create function mailbox_full_since() returns trigger language plpgsql as $$
begin
    new.full_since := case when new.used_bytes >= new.quota_bytes
                           then coalesce(case when tg_op = 'UPDATE' then old.full_since end, now()) end;
    return new;
end
$$;

create trigger mailbox_full_since before insert or update of used_bytes, quota_bytes on mailbox
    for each row execute function mailbox_full_since();
