-- Every query of a person's messages names her (owner_id) beside the folder, so that a table partitioned by owner
-- (docs/mail-store-scale-out.md) is read in her partition alone. A folder has one owner: without telling the planner,
-- it multiplies the two conditions' selectivities as if they were independent, expects a handful of rows, and walks
-- the wrong index (all 80,000 matches of a common word ranked instead of the folder's date order walked). The
-- functional dependency folder_id → owner_id, gathered by ANALYZE, makes the pair count as the folder alone.
create statistics message_folder_owner (dependencies) on folder_id, owner_id from message;
analyze message;
