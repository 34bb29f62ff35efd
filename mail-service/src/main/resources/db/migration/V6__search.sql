-- Full-text search in French: stemming ("réunions" finds "réunion") and accents ignored ("reunion" finds
-- "réunion"), through a configuration that runs unaccent before the French stemmer.
create extension if not exists unaccent;
create text search configuration portail_fr (copy = pg_catalog.french);
alter text search configuration portail_fr
    alter mapping for hword, hword_part, word with unaccent, french_stem;

-- What search reads beyond the message's own columns: recipients and attachment names, and the text of an
-- HTML-only body (filled at delivery).
alter table message add column search_text text;

-- Subject first, then people and attachment names, then the body (capped: a tsvector holds at most 1 MB).
alter table message add column search tsvector generated always as (
    setweight(to_tsvector('portail_fr', coalesce(subject, '')), 'A')
    || setweight(to_tsvector('portail_fr', coalesce(sender_name, '') || ' ' || sender_address || ' ' || coalesce(search_text, '')), 'B')
    || setweight(to_tsvector('portail_fr', left(coalesce(body_text, ''), 200000)), 'C')
) stored;

create index message_search_ix on message using gin (search);
