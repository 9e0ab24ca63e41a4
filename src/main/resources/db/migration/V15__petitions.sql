-- A scheduled look-back can be moved to another day or called off, each with a reason; a
-- called-off look-back stays on the case's record.
alter table look_back add column cancelled_by varchar(64);
alter table look_back add column cancelled_at timestamp(3) with time zone;
alter table look_back add column cancel_reason varchar(1000);
