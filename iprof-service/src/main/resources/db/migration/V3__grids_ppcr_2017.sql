-- Reference data: the advancement grids of the teaching and education corps since the PPCR reform
-- (in force on 1 September 2017). Months per échelon; the accelerated rhythm (one year less, for up to 30 %
-- of a cohort after a rendez-vous de carrière) exists for the 6th and 8th échelons of the classe normale only.
-- HR loads later versions with the grids CSV import; these rows are never edited, a new version supersedes them.
with corps(name) as (values ('Professeur certifié'), ('Professeur agrégé'), ('Professeur de lycée professionnel'),
                            ('Professeur des écoles'), ('Conseiller principal d''éducation'),
                            ('Professeur d''éducation physique et sportive')),
     steps(grade, echelon, normal_months, accelerated_months) as (values
        ('Classe normale', 1, 12, null), ('Classe normale', 2, 12, null), ('Classe normale', 3, 24, null),
        ('Classe normale', 4, 24, null), ('Classe normale', 5, 30, null), ('Classe normale', 6, 36, 24),
        ('Classe normale', 7, 36, null), ('Classe normale', 8, 42, 30), ('Classe normale', 9, 48, null),
        ('Classe normale', 10, 48, null), ('Classe normale', 11, null, null),
        ('Hors classe', 1, 24, null), ('Hors classe', 2, 24, null), ('Hors classe', 3, 30, null),
        ('Hors classe', 4, 30, null), ('Hors classe', 5, 36, null), ('Hors classe', 6, 36, null),
        ('Hors classe', 7, null, null),
        ('Classe exceptionnelle', 1, 24, null), ('Classe exceptionnelle', 2, 24, null),
        ('Classe exceptionnelle', 3, 30, null), ('Classe exceptionnelle', 4, null, null))
, plan(corps, grade, echelon, normal_months, accelerated_months) as (
    select corps.name, steps.grade, steps.echelon, steps.normal_months, steps.accelerated_months
    from corps cross join steps
    where not (corps.name = 'Professeur agrégé' and steps.grade = 'Hors classe')
    -- the hors classe of the agrégés has 4 échelons
    union all values ('Professeur agrégé', 'Hors classe', 1, 24, null::integer),
                     ('Professeur agrégé', 'Hors classe', 2, 24, null), ('Professeur agrégé', 'Hors classe', 3, 30, null),
                     ('Professeur agrégé', 'Hors classe', 4, null, null))
, grids as (
    insert into grid (id, corps, grade, effective_from, source)
    select distinct md5(corps || '|' || grade || '|2017-09-01')::uuid, corps, grade, date '2017-09-01',
           'Protocole PPCR, grilles en vigueur au 1er septembre 2017'
    from plan
    returning id, corps, grade)
insert into grid_step (grid_id, echelon, normal_months, accelerated_months)
select grids.id, plan.echelon, plan.normal_months, plan.accelerated_months
from grids join plan on plan.corps = grids.corps and plan.grade = grids.grade;
