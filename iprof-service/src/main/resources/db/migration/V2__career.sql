-- The whole career record: status and pay index, assignment history, dated timeline, advancement grids
-- (reference data, versioned by date of effect), appraisals, CV, promotion campaigns, and the log of who read it.

alter table agent add column status varchar(16) not null default 'titulaire'
    check (status in ('titulaire', 'stagiaire', 'contractuel'));
alter table agent add column discipline varchar(255);
alter table agent add column indice_majore integer check (indice_majore > 0);
alter table agent add column school_commune varchar(255);
alter table agent add column assigned_since date;
-- a head of school lists the agents of their school
create index agent_school_ix on agent (school_uai, last_name, first_name, id);

-- Every assignment, the current one included (ends_on null).
create table assignment (
    id          uuid primary key,
    agent_id    uuid         not null references agent (id) on delete cascade,
    school_uai  varchar(8)   not null,
    school_name varchar(255) not null,
    commune     varchar(255),
    starts_on   date         not null,
    ends_on     date,
    check (ends_on is null or ends_on >= starts_on)
);
create index assignment_agent_ix on assignment (agent_id, starts_on desc);

-- Dated career events, newest first by keyset.
create table career_event (
    id          uuid primary key,
    agent_id    uuid          not null references agent (id) on delete cascade,
    occurred_on date          not null,
    kind        varchar(32)   not null
        check (kind in ('titularisation', 'echelon', 'grade', 'affectation', 'rendez-vous', 'promotion', 'autre')),
    label       varchar(500)  not null,
    recorded_at timestamp(6) with time zone not null
);
create index career_event_agent_ix on career_event (agent_id, occurred_on desc, id desc);

-- Advancement grids: the time spent in each échelon of a corps and grade, at the normal rhythm and, where the
-- rules have one, at the accelerated rhythm; a new version takes effect on its date, the old one stays for history.
create table grid (
    id             uuid primary key,
    corps          varchar(255) not null,
    grade          varchar(255) not null,
    effective_from date         not null,
    source         varchar(500) not null,
    unique (corps, grade, effective_from)
);
create table grid_step (
    grid_id            uuid    not null references grid (id) on delete cascade,
    echelon            integer not null check (echelon between 1 and 20),
    -- months spent in this échelon before the next one; null on the last échelon of the grade
    normal_months      integer check (normal_months > 0),
    accelerated_months integer check (accelerated_months > 0 and accelerated_months < normal_months),
    primary key (grid_id, echelon)
);

-- Rendez-vous de carrière.
create table appraisal (
    id                uuid primary key,
    agent_id          uuid          not null references agent (id) on delete cascade,
    held_on           date          not null,
    report            text,
    -- the day the report was notified: the person may write observations for 15 days
    notified_on       date,
    observations      text,
    observations_at   timestamp(6) with time zone,
    final_appraisal   varchar(20)
        check (final_appraisal in ('a-consolider', 'satisfaisant', 'tres-satisfaisant', 'excellent')),
    -- the day the final appraisal was notified: the person may appeal for 30 days
    final_notified_on date,
    version           integer       not null default 0
);
create index appraisal_agent_ix on appraisal (agent_id, held_on desc);
create table appraisal_evaluator (
    appraisal_id uuid         not null references appraisal (id) on delete cascade,
    identifier   varchar(64)  not null,
    name         varchar(255) not null,
    primary key (appraisal_id, identifier)
);
-- an inspector lists the appraisals they conducted
create index appraisal_evaluator_ix on appraisal_evaluator (identifier);

-- The CV the person writes: qualifications, diplomas, certifications, training, languages.
create table cv_entry (
    id          uuid primary key,
    agent_id    uuid          not null references agent (id) on delete cascade,
    kind        varchar(16)   not null
        check (kind in ('qualification', 'diplome', 'certification', 'formation', 'langue')),
    title       varchar(255)  not null,
    detail      varchar(2000),
    obtained_on date,
    created_at  timestamp(6) with time zone not null,
    changed_at  timestamp(6) with time zone not null
);
create index cv_entry_agent_ix on cv_entry (agent_id, kind, created_at);

-- Promotion campaigns and their eligibility rule: in from_grade (of from_corps when given), at least
-- min_years in min_echelon (or above it) on reference_date.
create table campaign (
    id             uuid primary key,
    kind           varchar(32)  not null check (kind in ('hors-classe', 'classe-exceptionnelle')),
    title          varchar(255) not null,
    opens_on       date         not null,
    closes_on      date         not null,
    from_corps     varchar(255),
    from_grade     varchar(255) not null,
    min_echelon    integer      not null check (min_echelon between 1 and 20),
    min_years      integer      not null check (min_years >= 0),
    reference_date date         not null,
    check (closes_on >= opens_on)
);
create table application (
    id          uuid primary key,
    campaign_id uuid         not null references campaign (id) on delete cascade,
    agent_id    uuid         not null references agent (id) on delete cascade,
    decision    varchar(16)  not null check (decision in ('candidat', 'renonce')),
    decided_at  timestamp(6) with time zone not null,
    opinion     varchar(32)  check (opinion in ('tres-favorable', 'favorable', 'reserve', 'defavorable')),
    outcome     varchar(16)  check (outcome in ('promu', 'non-promu')),
    published   boolean      not null default false,
    version     integer      not null default 0,
    unique (campaign_id, agent_id)
);

-- Every read of a record by someone other than its owner: the owner can list it.
create table access_log (
    id          uuid primary key,
    agent_id    uuid          not null references agent (id) on delete cascade,
    reader_id   varchar(64)   not null,
    reader_name varchar(255)  not null,
    reader_role varchar(32)   not null,
    part        varchar(32)   not null,
    read_at     timestamp(6) with time zone not null
);
create index access_log_agent_ix on access_log (agent_id, read_at desc, id desc);
