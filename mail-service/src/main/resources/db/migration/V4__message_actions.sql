-- Where a message in the trash came from, so that "restaurer" puts it back (no foreign key: the folder may
-- have been deleted since, and the message then goes back to the inbox).
alter table message add column trashed_from uuid;
