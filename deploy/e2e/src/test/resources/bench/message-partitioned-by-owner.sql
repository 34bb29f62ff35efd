-- For MailBenchmark at 10 million messages only (-Pbench-mail,bench-mail-10m): mail-service's `message` table as step 1
-- of docs/mail-store-scale-out.md makes it, run on the database the service's own migrations made, before any mail.
-- PARTITION BY HASH (owner_id), 64 partitions; primary key (owner_id, id); the unique (folder_id, uid) gains owner_id
-- in front; every other index, the triggers, the foreign key to folder and the folder/owner statistics come back as
-- they were. Not done here (the design's migration will): the tables that point at a message (message_source,
-- attachment, message_label) do not carry owner_id yet, so their foreign keys to message are dropped rather than made
-- composite; and the service's few queries by message id alone (Hibernate's updates) get a plain index on id, one
-- probe per partition, until they name the owner.
do $$
declare
    columns text;
    index record;
    definition text;
begin
    create temporary table message_indexes on commit drop as
        select indexdef from pg_indexes
        where schemaname = 'public' and tablename = 'message' and indexname <> 'message_pkey';
    create temporary table message_triggers on commit drop as
        select pg_get_triggerdef(oid) as definition from pg_trigger
        where tgrelid = 'public.message'::regclass and not tgisinternal;
    create temporary table message_foreign_keys on commit drop as
        select conname, pg_get_constraintdef(oid) as definition from pg_constraint
        where conrelid = 'public.message'::regclass and contype = 'f';
    select string_agg(quote_ident(attname), ', ' order by attnum) into columns from pg_attribute
        where attrelid = 'public.message'::regclass and attnum > 0 and not attisdropped and attgenerated = '';

    alter table message rename to message_unpartitioned;
    create table message (like message_unpartitioned including defaults including generated including constraints
        including storage) partition by hash (owner_id);
    for p in 0..63 loop
        execute format('create table message_p%s partition of message for values with (modulus 64, remainder %s)', p, p);
        -- V22's statistics, which a query pruned to one partition reads from that partition
        execute format('create statistics message_p%s_folder_owner (dependencies) on folder_id, owner_id from message_p%s', p, p);
    end loop;
    execute format('insert into message (%s) select %s from message_unpartitioned', columns, columns);
    drop table message_unpartitioned cascade; -- with it, the foreign keys of message_source, attachment, message_label
    alter table message add primary key (owner_id, id);

    for index in select indexdef from message_indexes loop
        definition := index.indexdef;
        if definition like 'CREATE UNIQUE INDEX%' then
            definition := regexp_replace(definition, ' USING (\w+) \(', ' USING \1 (owner_id, ');
        end if;
        execute definition;
    end loop;
    create index message_id_ix on message (id);
    for index in select * from message_foreign_keys loop
        execute format('alter table message add constraint %I %s', index.conname, index.definition);
    end loop;
    for index in select * from message_triggers loop
        execute index.definition;
    end loop;
end $$;
