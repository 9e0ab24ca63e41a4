-- Receipt numbers as the teams write them (30号, 〔2024〕15号, with spaces or a trailing *) are kept
-- as written in receipt_number, for display; receipt_key is their normalised form (ReceiptNumber),
-- unique within a round and what a re-import and a repeat's earlier number are matched by. The
-- numbers stored so far are letters, digits and '-', whose key is the number in capitals.
alter table petition add column receipt_key varchar(32);
update petition set receipt_key = upper(receipt_number);
alter table petition alter column receipt_key set not null;
-- The key first, so that looking numbers up by key alone uses the index.
create unique index petition_receipt_key on petition (receipt_key, round_id);

-- One row per round, locked (without waiting) by an import for as long as it writes, so that a
-- second import into the same round at the same time is told so instead of failing on the
-- uniqueness of receipt numbers.
create table petition_intake_lock (
    round_id  bigint  not null primary key
);
