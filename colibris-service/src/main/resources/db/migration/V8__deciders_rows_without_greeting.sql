-- A deciders' row (no recipient_id) now keeps its text without the greeting: each person it is spread to is greeted
-- by name above it. Rows written before carried "Bonjour," first; those not spread yet would greet twice.
update outbox set text = substr(text, length(E'Bonjour,\n\n') + 1)
where recipient_id is null and text like E'Bonjour,\n\n%';
