-- A file attached by mistake can be withdrawn by whoever attached it until a report that
-- may contain it is submitted; the row stays, for the journal's sake, but leaves the lists.
alter table evidence_file add column withdrawn_by varchar(64);
alter table evidence_file add column withdrawn_at timestamp(3) with time zone;
