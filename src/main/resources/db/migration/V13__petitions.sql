-- The ledger counts "this district's red cases" for the office, and "my units' red cases" for a
-- handler, on every page. The district and the assigned units live in their own tables and the
-- clock state on the case, so such a count had to join every case of the district (or of the
-- units) with every case in that clock state. A copy of the case's clock state on each of its
-- districts and assignments, written in the same transaction as petition.clock_state, lets the
-- count read only the matching index entries.
alter table petition_region add column clock_state varchar(8);
alter table petition_assignment add column clock_state varchar(8);

update petition_region r set clock_state = (select p.clock_state from petition p where p.id = r.petition_id);
update petition_assignment a set clock_state = (select p.clock_state from petition p where p.id = a.petition_id);

create index petition_region_clock on petition_region (region_code, clock_state, petition_id);
create index petition_assignment_clock on petition_assignment (unit_id, clock_state, petition_id);
