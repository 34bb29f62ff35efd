-- The W3C trace context of the change that wrote a row, so that its delivery joins the same trace
alter table outbox add column trace_parent text;
