-- Whom each responder answered: the page's auto-reply (handle '') and each Sieve vacation command (its :handle, or
-- one made of its subject and text), each once per sender per its own days (RFC 5230 §4.2).
alter table auto_reply_sent add column handle varchar(200) not null default '';
alter table auto_reply_sent drop constraint auto_reply_sent_pkey;
alter table auto_reply_sent add primary key (owner_id, handle, sender);
