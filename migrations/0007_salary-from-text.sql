-- The free-text salary becomes a minimum and maximum in whole pounds a year, plus a note for what
-- the figures cannot say, and nothing is lost: text that is only a figure or a range (optionally
-- "a year" or "per annum", optionally "pro rata") becomes figures, with "pro rata" kept as the
-- note; any other text is kept whole as the note, with the figures read from its first one or two
-- annual amounts where it has them. Amounts under £1,000 (hourly or daily rates) are not read.
-- test/integration/applications/salary-migration.test.ts holds the cases.
CREATE FUNCTION pg_temp.salary_amount(raw text) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
  select case when n >= 1000 and n < 10000000 then round(n)::integer end
  from (
    select (replace(m[1], ',', '') || coalesce(m[2], ''))::numeric
      * case when m[3] is null then 1 else 1000 end as n
    from (
      select regexp_match(raw, '^\s*£?\s*([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]+)?\s*([kK])?\s*$') as m
    ) as matched
  ) as amount
$$;
--> statement-breakpoint
CREATE TEMPORARY TABLE salary_parse ON COMMIT DROP AS
  select id, salary,
    regexp_match(
      salary,
      '^\s*(£?\s*[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:k(?![a-z]))?)\s*(?:(?:-|–|—|to)\s*(£?\s*[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:k(?![a-z]))?))?\s*(?:per annum|p\.?a\.?|a year|per year)?\s*,?\s*(pro[ -]?rata)?\s*$',
      'i'
    ) as whole,
    array(
      select amount
      from regexp_matches(salary, '£?\s*[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:[kK](?![a-zA-Z]))?', 'g') with ordinality as m(token, n)
      cross join lateral (select pg_temp.salary_amount(m.token[1]) as amount) as a
      where amount is not null
      order by n
    ) as amounts
  from jobtrack.applications
  where salary is not null and btrim(salary) <> '';
--> statement-breakpoint
UPDATE jobtrack.applications a
set salary_min = least(f.first, f.second),
  salary_max = greatest(f.first, f.second),
  salary_note = f.note
from (
  select p.id, figures.first, figures.second,
    case
      when p.whole is not null and figures.first is not null
        and (p.whole[2] is null or figures.second is not null)
        then case when p.whole[3] is not null then 'pro rata' end
      else btrim(p.salary)
    end as note
  from salary_parse p
  cross join lateral (
    select
      case when p.whole is not null then pg_temp.salary_amount(p.whole[1]) else p.amounts[1] end as first,
      case when p.whole is not null then pg_temp.salary_amount(p.whole[2]) else p.amounts[2] end as second
  ) as figures
) as f
where a.id = f.id;
