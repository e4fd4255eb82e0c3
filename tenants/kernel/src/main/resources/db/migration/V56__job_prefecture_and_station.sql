-- Place as Japanese job boards filter it: the prefecture (one of the 47, as written in Japanese)
-- and the nearest station, beside the free-text location the job already had.
ALTER TABLE job ADD COLUMN prefecture varchar(4);
ALTER TABLE job ADD COLUMN station varchar(50);

-- Jobs written before these columns name their prefecture at the start of the location
-- ("東京都港区"); the prefecture is read from there once. 北海道 has no suffix, the others end in
-- 都, 府 or 県.
UPDATE job j SET prefecture = p.name
FROM (VALUES ('北海道'), ('青森県'), ('岩手県'), ('宮城県'), ('秋田県'), ('山形県'), ('福島県'),
             ('茨城県'), ('栃木県'), ('群馬県'), ('埼玉県'), ('千葉県'), ('東京都'), ('神奈川県'),
             ('新潟県'), ('富山県'), ('石川県'), ('福井県'), ('山梨県'), ('長野県'), ('岐阜県'),
             ('静岡県'), ('愛知県'), ('三重県'), ('滋賀県'), ('京都府'), ('大阪府'), ('兵庫県'),
             ('奈良県'), ('和歌山県'), ('鳥取県'), ('島根県'), ('岡山県'), ('広島県'), ('山口県'),
             ('徳島県'), ('香川県'), ('愛媛県'), ('高知県'), ('福岡県'), ('佐賀県'), ('長崎県'),
             ('熊本県'), ('大分県'), ('宮崎県'), ('鹿児島県'), ('沖縄県')) AS p (name)
WHERE j.location LIKE p.name || '%';

-- The covering indexes carry every filter and facet column so a broad search reads the index
-- alone (V5); the two new columns join them.
DROP INDEX job_newest;
DROP INDEX job_rate;
DROP INDEX job_start;
CREATE INDEX job_newest ON job ((coalesce(published_at, created_at)) DESC, id DESC)
    INCLUDE (status, tenant_id, work_style, contract_type, culture, days_min, days_max,
             payment_terms_days, trial_available, rate_min_yen, rate_max_yen, rate_tax_included,
             settlement_min_hours, settlement_max_hours, duration_months, start_date, location,
             prefecture, station, skill_names);
CREATE INDEX job_rate ON job ((coalesce(rate_max_yen, 0)) DESC, id DESC)
    INCLUDE (status, tenant_id, work_style, contract_type, culture, days_min, days_max,
             payment_terms_days, trial_available, rate_min_yen, rate_tax_included,
             settlement_min_hours, settlement_max_hours, duration_months, start_date, location,
             prefecture, station, skill_names);
CREATE INDEX job_start ON job ((coalesce(start_date, DATE '9999-12-31')), id)
    INCLUDE (status, tenant_id, work_style, contract_type, culture, days_min, days_max,
             payment_terms_days, trial_available, rate_min_yen, rate_max_yen, rate_tax_included,
             settlement_min_hours, settlement_max_hours, duration_months, location, prefecture,
             station, skill_names);
