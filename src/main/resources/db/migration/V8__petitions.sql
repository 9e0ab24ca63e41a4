-- The outcome of the approved handling report, kept on the case for the ledger's filters.
alter table petition add column verdict varchar(12);
alter table petition add column completion varchar(8);

create index petition_verdict on petition (verdict, id);
create index petition_completion on petition (completion, id);
