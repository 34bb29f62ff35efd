-- The text of a message (notifications carry only text; the full MIME storage comes with the mailbox work).
alter table message add column body_text text;

-- One delivery per caller and key: a notification sent twice (a retry) is delivered once. The row stays
-- when the person deletes the message, so a late retry does not deliver it again.
create table notification (
    caller     varchar(255) not null,
    key        varchar(255) not null,
    message_id uuid         not null,
    created_at timestamp(6) with time zone not null,
    primary key (caller, key)
);
