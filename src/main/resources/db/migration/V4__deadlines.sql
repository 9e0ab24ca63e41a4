-- The working calendar: the years whose schedule is loaded, and the days on which a loaded year
-- departs from Monday to Friday. A year that is not loaded counts weekdays only, and deadlines
-- computed over it are flagged. Years added through the application are journaled; the three below
-- come from the State Council notices (国务院办公厅关于2024/2025/2026年部分节假日安排的通知).
create table calendar_year (
    year_number  int          not null primary key,
    added_by     varchar(64)  not null,
    added_at     timestamp(3) with time zone not null
);

-- kind HOLIDAY: a public holiday, named; kind WORKDAY: a make-up working day (调休上班), unnamed.
create table calendar_day (
    calendar_date  date         not null primary key,
    year_number    int          not null references calendar_year (year_number),
    kind           varchar(8)   not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name           varchar(64),
    check (kind = 'WORKDAY' or name is not null),
    check (extract(year from calendar_date) = year_number)
);

create index calendar_day_year on calendar_day (year_number);

-- 2024
insert into calendar_year (year_number, added_by, added_at) values (2024, 'system', current_timestamp);
insert into calendar_day (calendar_date, year_number, kind, name) values
    ('2024-01-01', 2024, 'HOLIDAY', '元旦'),
    ('2024-02-10', 2024, 'HOLIDAY', '春节'),
    ('2024-02-11', 2024, 'HOLIDAY', '春节'),
    ('2024-02-12', 2024, 'HOLIDAY', '春节'),
    ('2024-02-13', 2024, 'HOLIDAY', '春节'),
    ('2024-02-14', 2024, 'HOLIDAY', '春节'),
    ('2024-02-15', 2024, 'HOLIDAY', '春节'),
    ('2024-02-16', 2024, 'HOLIDAY', '春节'),
    ('2024-02-17', 2024, 'HOLIDAY', '春节'),
    ('2024-04-04', 2024, 'HOLIDAY', '清明节'),
    ('2024-04-05', 2024, 'HOLIDAY', '清明节'),
    ('2024-04-06', 2024, 'HOLIDAY', '清明节'),
    ('2024-05-01', 2024, 'HOLIDAY', '劳动节'),
    ('2024-05-02', 2024, 'HOLIDAY', '劳动节'),
    ('2024-05-03', 2024, 'HOLIDAY', '劳动节'),
    ('2024-05-04', 2024, 'HOLIDAY', '劳动节'),
    ('2024-05-05', 2024, 'HOLIDAY', '劳动节'),
    ('2024-06-10', 2024, 'HOLIDAY', '端午节'),
    ('2024-09-15', 2024, 'HOLIDAY', '中秋节'),
    ('2024-09-16', 2024, 'HOLIDAY', '中秋节'),
    ('2024-09-17', 2024, 'HOLIDAY', '中秋节'),
    ('2024-10-01', 2024, 'HOLIDAY', '国庆节'),
    ('2024-10-02', 2024, 'HOLIDAY', '国庆节'),
    ('2024-10-03', 2024, 'HOLIDAY', '国庆节'),
    ('2024-10-04', 2024, 'HOLIDAY', '国庆节'),
    ('2024-10-05', 2024, 'HOLIDAY', '国庆节'),
    ('2024-10-06', 2024, 'HOLIDAY', '国庆节'),
    ('2024-10-07', 2024, 'HOLIDAY', '国庆节'),
    ('2024-02-04', 2024, 'WORKDAY', null),
    ('2024-02-18', 2024, 'WORKDAY', null),
    ('2024-04-07', 2024, 'WORKDAY', null),
    ('2024-04-28', 2024, 'WORKDAY', null),
    ('2024-05-11', 2024, 'WORKDAY', null),
    ('2024-09-14', 2024, 'WORKDAY', null),
    ('2024-09-29', 2024, 'WORKDAY', null),
    ('2024-10-12', 2024, 'WORKDAY', null);

-- 2025
insert into calendar_year (year_number, added_by, added_at) values (2025, 'system', current_timestamp);
insert into calendar_day (calendar_date, year_number, kind, name) values
    ('2025-01-01', 2025, 'HOLIDAY', '元旦'),
    ('2025-01-28', 2025, 'HOLIDAY', '春节'),
    ('2025-01-29', 2025, 'HOLIDAY', '春节'),
    ('2025-01-30', 2025, 'HOLIDAY', '春节'),
    ('2025-01-31', 2025, 'HOLIDAY', '春节'),
    ('2025-02-01', 2025, 'HOLIDAY', '春节'),
    ('2025-02-02', 2025, 'HOLIDAY', '春节'),
    ('2025-02-03', 2025, 'HOLIDAY', '春节'),
    ('2025-02-04', 2025, 'HOLIDAY', '春节'),
    ('2025-04-04', 2025, 'HOLIDAY', '清明节'),
    ('2025-04-05', 2025, 'HOLIDAY', '清明节'),
    ('2025-04-06', 2025, 'HOLIDAY', '清明节'),
    ('2025-05-01', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-02', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-03', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-04', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-05', 2025, 'HOLIDAY', '劳动节'),
    ('2025-05-31', 2025, 'HOLIDAY', '端午节'),
    ('2025-06-01', 2025, 'HOLIDAY', '端午节'),
    ('2025-06-02', 2025, 'HOLIDAY', '端午节'),
    ('2025-10-01', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-02', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-03', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-04', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-05', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-06', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-07', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-08', 2025, 'HOLIDAY', '国庆节、中秋节'),
    ('2025-01-26', 2025, 'WORKDAY', null),
    ('2025-02-08', 2025, 'WORKDAY', null),
    ('2025-04-27', 2025, 'WORKDAY', null),
    ('2025-09-28', 2025, 'WORKDAY', null),
    ('2025-10-11', 2025, 'WORKDAY', null);

-- 2026
insert into calendar_year (year_number, added_by, added_at) values (2026, 'system', current_timestamp);
insert into calendar_day (calendar_date, year_number, kind, name) values
    ('2026-01-01', 2026, 'HOLIDAY', '元旦'),
    ('2026-01-02', 2026, 'HOLIDAY', '元旦'),
    ('2026-01-03', 2026, 'HOLIDAY', '元旦'),
    ('2026-02-15', 2026, 'HOLIDAY', '春节'),
    ('2026-02-16', 2026, 'HOLIDAY', '春节'),
    ('2026-02-17', 2026, 'HOLIDAY', '春节'),
    ('2026-02-18', 2026, 'HOLIDAY', '春节'),
    ('2026-02-19', 2026, 'HOLIDAY', '春节'),
    ('2026-02-20', 2026, 'HOLIDAY', '春节'),
    ('2026-02-21', 2026, 'HOLIDAY', '春节'),
    ('2026-02-22', 2026, 'HOLIDAY', '春节'),
    ('2026-02-23', 2026, 'HOLIDAY', '春节'),
    ('2026-04-04', 2026, 'HOLIDAY', '清明节'),
    ('2026-04-05', 2026, 'HOLIDAY', '清明节'),
    ('2026-04-06', 2026, 'HOLIDAY', '清明节'),
    ('2026-05-01', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-02', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-03', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-04', 2026, 'HOLIDAY', '劳动节'),
    ('2026-05-05', 2026, 'HOLIDAY', '劳动节'),
    ('2026-06-19', 2026, 'HOLIDAY', '端午节'),
    ('2026-06-20', 2026, 'HOLIDAY', '端午节'),
    ('2026-06-21', 2026, 'HOLIDAY', '端午节'),
    ('2026-09-25', 2026, 'HOLIDAY', '中秋节'),
    ('2026-09-26', 2026, 'HOLIDAY', '中秋节'),
    ('2026-09-27', 2026, 'HOLIDAY', '中秋节'),
    ('2026-10-01', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-02', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-03', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-04', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-05', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-06', 2026, 'HOLIDAY', '国庆节'),
    ('2026-10-07', 2026, 'HOLIDAY', '国庆节'),
    ('2026-01-04', 2026, 'WORKDAY', null),
    ('2026-02-14', 2026, 'WORKDAY', null),
    ('2026-02-28', 2026, 'WORKDAY', null),
    ('2026-05-09', 2026, 'WORKDAY', null),
    ('2026-09-20', 2026, 'WORKDAY', null),
    ('2026-10-10', 2026, 'WORKDAY', null);
