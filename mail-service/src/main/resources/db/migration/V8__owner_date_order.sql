-- The owner's messages newest first: a search across every folder walks it to find the newest matches of a common
-- word and stops there (SearchService.RANKED). It replaces the owner-only index, whose lookups it also serves.
create index message_owner_order_ix on message (owner_id, received_at desc, id desc);
drop index message_owner_ix;
