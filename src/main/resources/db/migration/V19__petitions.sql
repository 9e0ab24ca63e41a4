-- The years whose working calendar was missing when the due instants of a case's running clocks
-- were computed ("calendar not loaded for YEAR"), comma-separated, or null when none: kept beside
-- the most urgent clock by PetitionClocks, so that the case page, the ledger and the work queue can
-- flag such deadlines without reading the clocks.
alter table petition add column clock_years_not_loaded varchar(64);

-- Cases whose clocks already run: one-time copy of the flag of a running clock (a case rarely has
-- more than one running clock, and then they started on the same calendar).
update petition set clock_years_not_loaded = (
    select max(c.years_not_loaded) from deadline_clock c
    where c.subject_type = 'petition' and c.subject_id = petition.id and c.running = true);
