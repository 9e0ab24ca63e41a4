-- The ledger reads cases by keyset in three orders (transfer time, receipt number, clock due
-- time), each ended by the id; these indexes serve each order with no sort, and a clock
-- state filter (the office's "what is red") in transfer order.
create index petition_ledger_receipt on petition (receipt_number, id);
create index petition_ledger_due on petition (clock_due_at, id);
create index petition_ledger_clock on petition (clock_state, transferred_at, id);
