-- The name mail programs give a person's rules over ManageSieve (RFC 5804): one script each, "regles" unless renamed.
alter table rule_script add column name varchar(128) not null default 'regles';
