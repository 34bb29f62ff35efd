-- The first time a person's script could not run on a message since she saved it: told to her once (rules page,
-- webmail banner) until she saves her rules again.
alter table rule_script add column failure text;
alter table rule_script add column failure_line integer;
alter table rule_script add column failed_at timestamptz;
