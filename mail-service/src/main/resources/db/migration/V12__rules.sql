-- Each person's rules: one Sieve script (RFC 5228), run at delivery by rules.RulesStep unless suspended.
create table rule_script (
    owner_id   varchar(64) primary key,
    script     text        not null,
    suspended  boolean     not null default false,
    updated_at timestamptz not null
);

-- What the rules did to a message and which rule did it, for the reading pane ("Pourquoi ici ?").
alter table message add column filed_by jsonb not null default '[]';
