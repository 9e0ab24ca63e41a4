-- The append-only journal. Rows are only ever inserted; journal_head holds the end of the chain and
-- its row lock serialises appends across application nodes.
create table journal_entry (
    seq            bigint       not null primary key,
    recorded_at    timestamp(3) with time zone not null,
    actor          varchar(64)  not null,
    actor_unit_id  bigint,
    subject_type   varchar(40)  not null,
    subject_id     varchar(64)  not null,
    event_type     varchar(80)  not null,
    data           text         not null,
    previous_hash  char(64)     not null,
    hash           char(64)     not null
);

create index journal_entry_subject on journal_entry (subject_type, subject_id, seq);

create table journal_head (
    id    int      not null primary key,
    seq   bigint   not null,
    hash  char(64) not null
);

insert into journal_head (id, seq, hash) values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
